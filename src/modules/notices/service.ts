import type { Actor, Platform } from '../../core/platform.ts';
import { forbidden, notFound } from '../../core/http/errors.ts';
import { canManage, canRead } from './policy.ts';
import * as repo from './repo.ts';
import { publicCache } from '../../core/http/public-cache.ts';
import type { NoticeInput, NoticeRow } from './schema.ts';

/** Name of the public list in the public read cache; every write drops the tenant's cached copies. */
export const PUBLIC_LIST = '/notices';

/** Who is asking, in which tenant: every service function takes one. */
export interface ServiceContext {
  platform: Platform;
  tenantId: string;
  actor: Actor;
  now?: Date;
}

function assertManage(ctx: ServiceContext): void {
  if (!canManage(ctx.actor)) throw forbidden();
}

function toValues(input: NoticeInput): repo.NoticeValues {
  return {
    category: input.category ?? 'general',
    titleJa: input.titleJa.trim(),
    titleEn: input.titleEn?.trim() ?? '',
    titleEasy: input.titleEasy?.trim() ?? '',
    bodyJa: input.bodyJa,
    bodyEn: input.bodyEn ?? '',
    bodyEasy: input.bodyEasy ?? '',
    publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
  };
}

/** Published notices for the public list. */
export async function listPublic(ctx: ServiceContext, opts: { category?: string; limit: number; offset: number }): Promise<NoticeRow[]> {
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenantId, (tx) => repo.listPublished(tx, { ...opts, now }));
}

/** One notice, if the actor may see it (drafts only for editors). */
export async function getOne(ctx: ServiceContext, id: string): Promise<NoticeRow> {
  const row = await ctx.platform.inTenant(ctx.tenantId, (tx) => repo.findById(tx, id));
  if (!row || !canRead(ctx.actor, row, ctx.now ?? new Date())) throw notFound();
  return row;
}

/** Every notice, drafts included, for editors. */
export async function listForStaff(ctx: ServiceContext): Promise<NoticeRow[]> {
  assertManage(ctx);
  return ctx.platform.inTenant(ctx.tenantId, (tx) => repo.listAll(tx));
}

/** Creates a notice; publishing one tells other modules through the `notices.published` event. */
export async function create(ctx: ServiceContext, input: NoticeInput): Promise<NoticeRow> {
  assertManage(ctx);
  const created = await ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const row = await repo.insert(tx, ctx.tenantId, ctx.actor.id, toValues(input));
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'notices.create', targetType: 'notice', targetId: row.id });
    if (row.publishedAt) await ctx.platform.events.publish(tx, ctx.tenantId, 'notices.published', { id: row.id, category: row.category, titleJa: row.titleJa });
    return row;
  });
  publicCache.invalidate(ctx.tenantId, PUBLIC_LIST);
  return created;
}

/** Replaces a notice's content and state. */
export async function replace(ctx: ServiceContext, id: string, input: NoticeInput): Promise<NoticeRow> {
  assertManage(ctx);
  const replaced = await ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const before = await repo.findById(tx, id);
    if (!before) throw notFound();
    const row = (await repo.update(tx, id, toValues(input)))!;
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'notices.update', targetType: 'notice', targetId: id });
    if (row.publishedAt && !before.publishedAt) {
      await ctx.platform.events.publish(tx, ctx.tenantId, 'notices.published', { id: row.id, category: row.category, titleJa: row.titleJa });
    }
    return row;
  });
  publicCache.invalidate(ctx.tenantId, PUBLIC_LIST);
  return replaced;
}

/** Deletes a notice. */
export async function remove(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx);
  await ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    if (!(await repo.remove(tx, id))) throw notFound();
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'notices.delete', targetType: 'notice', targetId: id });
  });
  publicCache.invalidate(ctx.tenantId, PUBLIC_LIST);
}
