import { AppError, notFound } from '../../../core/http/errors.ts';
import type { Category } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { isDbError } from '../db.ts';
import { assertManage } from '../policy.ts';
import { cleanTexts } from '../texts.ts';
import * as repo from './repo.ts';
import type { CategoryInput } from './schema.ts';

const codeTaken = () => new AppError(409, 'conflict', 'error.conflict', { field: 'code' }, 'code');

function toValues(input: CategoryInput): repo.CategoryValues {
  return {
    code: input.code, name: cleanTexts(input.name, 'name'), color: input.color.toLowerCase(), icon: input.icon,
    howTo: cleanTexts(input.howTo, 'howTo', false), sortOrder: input.sortOrder ?? 0,
  };
}

async function uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDbError(err, '23505')) throw codeTaken();
    throw err;
  }
}

/** Every category of the draft. */
export async function listCategories(ctx: ServiceContext): Promise<Category[]> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.listCategories(tx));
}

/** Creates a category (409 `code` when the code is taken). */
export async function createCategory(ctx: ServiceContext, input: CategoryInput): Promise<Category> {
  assertManage(ctx.actor);
  const v = toValues(input);
  return uniqueCode(() => ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const c = await repo.insertCategory(tx, ctx.tenant.id, v);
    await ctx.platform.audit.record(tx, auditOf(ctx, 'category.create', 'garbage_category', c.id, { code: c.code }));
    return c;
  }));
}

/** Replaces a category. */
export async function updateCategory(ctx: ServiceContext, id: string, input: CategoryInput): Promise<Category> {
  assertManage(ctx.actor);
  const v = toValues(input);
  return uniqueCode(() => ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const c = await repo.updateCategory(tx, id, v);
    if (!c) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'category.update', 'garbage_category', id, { code: c.code }));
    return c;
  }));
}

/** Deletes a category; refused (409 `in_use`) while items or rules use it. */
export async function deleteCategory(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.findCategory(tx, id))) throw notFound();
    if (await repo.categoryInUse(tx, id)) throw new AppError(409, 'in_use', 'garbage.category.in_use', {}, 'id');
    await repo.deleteCategory(tx, id);
    await ctx.platform.audit.record(tx, auditOf(ctx, 'category.delete', 'garbage_category', id));
  });
}
