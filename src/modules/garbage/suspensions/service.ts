import { invalid, notFound } from '../../../core/http/errors.ts';
import type { Suspension } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { existingAreaIds } from '../areas/repo.ts';
import { existingCategoryIds } from '../categories/repo.ts';
import { assertManage } from '../policy.ts';
import { isoDate } from '../rules/validate.ts';
import { cleanTexts } from '../texts.ts';
import * as repo from './repo.ts';
import type { SuspensionInput } from './schema.ts';

/** Draft suspensions. */
export async function listSuspensions(ctx: ServiceContext): Promise<Suspension[]> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.listSuspensions(tx));
}

/** Adds a suspension (at most 366 days; areas and categories must exist). */
export async function createSuspension(ctx: ServiceContext, input: SuspensionInput): Promise<Suspension> {
  assertManage(ctx.actor);
  const from = isoDate(input.from, 'from');
  const to = isoDate(input.to, 'to');
  if (to < from) throw invalid('to', 'must not be before from');
  if (Date.parse(to) - Date.parse(from) > 366 * 86400000) throw invalid('to', 'a suspension lasts at most 366 days');
  const areaIds = [...new Set(input.areaIds)];
  const categoryIds = [...new Set(input.categoryIds)];
  const note = input.note ? cleanTexts(input.note, 'note') : null;
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const areas = await existingAreaIds(tx, areaIds);
    input.areaIds.forEach((id, i) => { if (!areas.has(id)) throw invalid(`areaIds[${i}]`, 'no such area'); });
    const cats = await existingCategoryIds(tx, categoryIds);
    input.categoryIds.forEach((id, i) => { if (!cats.has(id)) throw invalid(`categoryIds[${i}]`, 'no such category'); });
    const s = await repo.insertSuspension(tx, ctx.tenant.id, { from, to, areaIds, categoryIds, note });
    await ctx.platform.audit.record(tx, auditOf(ctx, 'suspension.create', 'garbage_suspension', s.id, { from, to }));
    return s;
  });
}

/** Removes a suspension. */
export async function deleteSuspension(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.deleteSuspension(tx, id))) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'suspension.delete', 'garbage_suspension', id));
  });
}
