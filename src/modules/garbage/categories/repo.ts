import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Category, Texts } from '../engine/types.ts';
import { jsonb } from '../db.ts';

/** Columns a write sets. */
export interface CategoryValues { code: string; name: Texts; color: string; icon: string; howTo: Texts; sortOrder: number }

const cols = sql`id, code, name, color, icon, how_to as "howTo", sort_order as "sortOrder"`;

/** Every category of the tenant in display order. */
export function listCategories(tx: Tx): Promise<Category[]> {
  return txRows<Category>(tx, sql`select ${cols} from garbage_categories order by sort_order, code`);
}

/** One category, or undefined. */
export async function findCategory(tx: Tx, id: string): Promise<Category | undefined> {
  return (await txRows<Category>(tx, sql`select ${cols} from garbage_categories where id = ${id}`))[0];
}

/** Ids among `ids` that are categories of the tenant (RLS hides the others). */
export async function existingCategoryIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await txRows<{ id: string }>(tx, sql`select id from garbage_categories where id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  return new Set(rows.map((r) => r.id));
}

/** Inserts a category. */
export async function insertCategory(tx: Tx, tenantId: string, v: CategoryValues): Promise<Category> {
  const [row] = await txRows<Category>(tx, sql`insert into garbage_categories (tenant_id, code, name, color, icon, how_to, sort_order)
    values (${tenantId}, ${v.code}, ${jsonb(v.name)}, ${v.color}, ${v.icon}, ${jsonb(v.howTo)}, ${v.sortOrder}) returning ${cols}`);
  return row!;
}

/** Replaces a category's fields; undefined when there is none. */
export async function updateCategory(tx: Tx, id: string, v: CategoryValues): Promise<Category | undefined> {
  const [row] = await txRows<Category>(tx, sql`update garbage_categories set code = ${v.code}, name = ${jsonb(v.name)}, color = ${v.color}, icon = ${v.icon},
    how_to = ${jsonb(v.howTo)}, sort_order = ${v.sortOrder}, updated_at = now() where id = ${id} returning ${cols}`);
  return row;
}

/** Whether items or rules use the category. */
export async function categoryInUse(tx: Tx, id: string): Promise<boolean> {
  const [row] = await txRows<{ used: boolean }>(tx, sql`select exists (select 1 from garbage_items where category_id = ${id})
    or exists (select 1 from garbage_rules where category_id = ${id}) as used`);
  return !!row?.used;
}

/** Deletes a category; its exceptions go with it (cascade) and suspensions stop naming it. */
export async function deleteCategory(tx: Tx, id: string): Promise<boolean> {
  // A suspension that named only this category would otherwise widen to every category.
  await tx.execute(sql`delete from garbage_suspensions where category_ids = array[${id}::uuid]`);
  await tx.execute(sql`update garbage_suspensions set category_ids = array_remove(category_ids, ${id}::uuid) where ${id}::uuid = any(category_ids)`);
  return (await txRows(tx, sql`delete from garbage_categories where id = ${id} returning id`)).length > 0;
}
