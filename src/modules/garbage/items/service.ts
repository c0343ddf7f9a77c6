import { invalid, notFound } from '../../../core/http/errors.ts';
import { toHiragana, toKatakana } from '../../../core/ja/kana.ts';
import type { Tx } from '../../../core/db/connection.ts';
import type { Item } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { existingCategoryIds } from '../categories/repo.ts';
import { assertManage } from '../policy.ts';
import { cleanReading, cleanTexts } from '../texts.ts';
import * as repo from './repo.ts';
import type { ItemInput, ItemListQuery } from './schema.ts';

function toValues(input: ItemInput): repo.ItemValues {
  const synonyms = [...new Set(input.synonyms.map((s) => s.trim()).filter(Boolean))];
  return {
    name: cleanTexts(input.name, 'name'), reading: cleanReading(input.reading), synonyms,
    categoryId: input.categoryId, notes: cleanTexts(input.notes, 'notes', false), fee: input.fee,
  };
}

async function assertCategory(tx: Tx, id: string | null): Promise<void> {
  if (id && !(await existingCategoryIds(tx, [id])).has(id)) throw invalid('categoryId', 'no such category');
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A page of the draft dictionary, filtered by text (any script of kana) and category, with the total. */
export async function listItems(ctx: ServiceContext, q: ItemListQuery): Promise<{ total: number; items: Item[] }> {
  assertManage(ctx.actor);
  const text = q.q?.normalize('NFKC').trim() ?? '';
  const likes = text ? [...new Set([text, toKatakana(text), toHiragana(text)])].map((s) => `%${escapeLike(s)}%`) : [];
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.pageItems(tx, { likes, categoryId: q.categoryId, offset: q.offset ?? 0, limit: q.limit ?? 50 }));
}

/** Creates a dictionary entry. */
export async function createItem(ctx: ServiceContext, input: ItemInput): Promise<Item> {
  assertManage(ctx.actor);
  const v = toValues(input);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    await assertCategory(tx, v.categoryId);
    const item = await repo.insertItem(tx, ctx.tenant.id, v);
    await ctx.platform.audit.record(tx, auditOf(ctx, 'item.create', 'garbage_item', item.id));
    return item;
  });
}

/** Replaces a dictionary entry. */
export async function updateItem(ctx: ServiceContext, id: string, input: ItemInput): Promise<Item> {
  assertManage(ctx.actor);
  const v = toValues(input);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    await assertCategory(tx, v.categoryId);
    const item = await repo.updateItem(tx, id, v);
    if (!item) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'item.update', 'garbage_item', id));
    return item;
  });
}

/** Deletes a dictionary entry. */
export async function deleteItem(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.deleteItem(tx, id))) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'item.delete', 'garbage_item', id));
  });
}
