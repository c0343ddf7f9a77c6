import type { Actor, Platform } from '../platform.ts';
import { assertCan } from '../auth/access.ts';
import { AppError, notFound } from '../http/errors.ts';
import { getOutbox, listOutbox, requeue, type Channel, type OutboxStatus } from './outbox-repo.ts';
import { presentOutboxDetail, presentOutboxSummary, type OutboxDetail, type OutboxSummary } from './presenter.ts';

/** Permission to list outbox messages and read their bodies. */
export const OUTBOX_READ = 'core.outbox.read';
/** Permission to put a failed message back in the queue. */
export const OUTBOX_MANAGE = 'core.outbox.manage';

/** Lists the tenant's outbox (recipients masked: the list is not a personal-data read). */
export async function listOutboxMessages(platform: Platform, actor: Actor, tenantId: string, f: { status?: OutboxStatus; channel?: Channel; limit: number; offset: number }): Promise<{ total: number; items: OutboxSummary[] }> {
  assertCan(actor, OUTBOX_READ);
  return platform.inTenant(tenantId, async (tx) => {
    const { total, rows } = await listOutbox(tx, f);
    return { total, items: rows.map(presentOutboxSummary) };
  });
}

/** One message with its whole body; it is personal data, so the read is audited. */
export async function readOutboxMessage(platform: Platform, actor: Actor, tenantId: string, id: string, ip?: string | null): Promise<OutboxDetail> {
  assertCan(actor, OUTBOX_READ);
  return platform.inTenant(tenantId, async (tx) => {
    const row = await getOutbox(tx, id);
    if (!row) throw notFound();
    await platform.audit.record(tx, { tenantId, actor, action: 'core.outbox.read', targetType: 'outbox', targetId: id, personalData: true, ip });
    return presentOutboxDetail(row);
  });
}

/** Queues a failed or dead message again with fresh attempts; other states answer 409. */
export async function retryOutboxMessage(platform: Platform, actor: Actor, tenantId: string, id: string, ip?: string | null): Promise<OutboxDetail> {
  assertCan(actor, OUTBOX_MANAGE);
  return platform.inTenant(tenantId, async (tx) => {
    const row = await getOutbox(tx, id);
    if (!row) throw notFound();
    if (!(await requeue(tx, id))) throw new AppError(409, 'not_retryable', 'error.outbox_not_retryable', { status: row.status }, 'status');
    await platform.audit.record(tx, { tenantId, actor, action: 'core.outbox.retry', targetType: 'outbox', targetId: id, details: { from: row.status }, ip });
    return presentOutboxDetail((await getOutbox(tx, id))!);
  });
}
