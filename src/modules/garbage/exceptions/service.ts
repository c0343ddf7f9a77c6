import { invalid, notFound } from '../../../core/http/errors.ts';
import type { CollectionException } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { existingAreaIds } from '../areas/repo.ts';
import { existingCategoryIds } from '../categories/repo.ts';
import { assertManage } from '../policy.ts';
import { isoDate } from '../rules/validate.ts';
import { cleanTexts } from '../texts.ts';
import * as repo from './repo.ts';
import type { ExceptionInput, ExceptionListQuery } from './schema.ts';

/** Draft exceptions, filtered by dates and area. */
export async function listExceptions(ctx: ServiceContext, q: ExceptionListQuery): Promise<CollectionException[]> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.listExceptions(tx, q));
}

/** Adds an exception: `move` needs `to` (another date), the other actions take none. */
export async function createException(ctx: ServiceContext, input: ExceptionInput): Promise<CollectionException> {
  assertManage(ctx.actor);
  const date = isoDate(input.date, 'date');
  const to = input.to === null ? null : isoDate(input.to, 'to');
  if (input.action === 'move' && !to) throw invalid('to', 'a move needs the date it moves to');
  if (input.action !== 'move' && to) throw invalid('to', 'only a move has a date to move to');
  if (to === date) throw invalid('to', 'must differ from date');
  const note = input.note ? cleanTexts(input.note, 'note') : null;
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (input.areaId && !(await existingAreaIds(tx, [input.areaId])).size) throw invalid('areaId', 'no such area');
    if (input.categoryId && !(await existingCategoryIds(tx, [input.categoryId])).size) throw invalid('categoryId', 'no such category');
    const e = await repo.insertException(tx, ctx.tenant.id, { date, areaId: input.areaId, categoryId: input.categoryId, action: input.action, to, note });
    await ctx.platform.audit.record(tx, auditOf(ctx, 'exception.create', 'garbage_exception', e.id, { date, action: e.action }));
    return e;
  });
}

/** Removes an exception. */
export async function deleteException(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.deleteException(tx, id))) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'exception.delete', 'garbage_exception', id));
  });
}
