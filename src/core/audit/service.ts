import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';
import type { AuditEntry, AuditService } from '../platform.ts';
import { entryHash, GENESIS_HASH, type HashedFields } from './hash.ts';

/** Advisory-lock class of the per-tenant audit chain (the second key is the tenant's hash). */
const AUDIT_LOCK_CLASS = 7263515;

/**
 * Appends one entry to the tenant's hash chain inside the caller's transaction: it commits or rolls
 * back with the change it records. The advisory lock serialises writers of the same tenant.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(${entry.tenantId}))`);
  const [head] = await txRows<{ seq: string | number; hash: string }>(tx, sql`select seq, hash from audit_heads where tenant_id = ${entry.tenantId}`);
  const seq = head ? Number(head.seq) + 1 : 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Round-trip details through JSON so the hash covers what jsonb stores (no undefined, dates as strings).
  const details = JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>;
  const fields: HashedFields = {
    tenantId: entry.tenantId,
    seq,
    at: new Date().toISOString(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    personalData: entry.personalData ?? false,
    details,
    ip: entry.ip ?? null,
  };
  const hash = entryHash(prevHash, fields);
  await tx.execute(sql`insert into audit_log (tenant_id, seq, at, actor_kind, actor_id, action, target_type, target_id, personal_data, details, ip, prev_hash, hash)
    values (${fields.tenantId}, ${seq}, ${fields.at}::timestamptz, ${fields.actorKind}, ${fields.actorId}, ${fields.action}, ${fields.targetType}, ${fields.targetId},
            ${fields.personalData}, ${JSON.stringify(details)}::jsonb, ${fields.ip}, ${prevHash}, ${hash})`);
  await tx.execute(sql`insert into audit_heads (tenant_id, seq, hash) values (${entry.tenantId}, ${seq}, ${hash})
    on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash`);
}

/** The audit service handed to modules through the platform. */
export function createAuditService(): AuditService {
  return { record: recordAudit };
}
