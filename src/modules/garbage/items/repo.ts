import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Item } from '../engine/types.ts';
import { jsonb, textArray } from '../db.ts';

/** Columns a write sets. */
export type ItemValues = Omit<Item, 'id'>;

const cols = sql`id, name, reading, synonyms, category_id as "categoryId", notes, fee`;

/** Every item of the tenant (for the bundle), by Japanese name. */
export function allItems(tx: Tx): Promise<Item[]> {
  return txRows<Item>(tx, sql`select ${cols} from garbage_items order by name->>'ja', id`);
}

/** A page of items matching the filters, with the total. `likes` are the ILIKE patterns of the query in its forms. */
export async function pageItems(tx: Tx, f: { likes: string[]; categoryId?: string; offset: number; limit: number }): Promise<{ total: number; items: Item[] }> {
  const text = f.likes.length
    ? sql`(${sql.join(f.likes.map((p) => sql`(name::text ilike ${p} or reading ilike ${p} or array_to_string(synonyms, ' ') ilike ${p})`), sql` or `)})`
    : sql`true`;
  const where = sql`${text} and (${f.categoryId ?? null}::uuid is null or category_id = ${f.categoryId ?? null}::uuid)`;
  const [count] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from garbage_items where ${where}`);
  const items = await txRows<Item>(tx, sql`select ${cols} from garbage_items where ${where} order by name->>'ja', id offset ${f.offset} limit ${f.limit}`);
  return { total: count?.n ?? 0, items };
}

/** Inserts an item. */
export async function insertItem(tx: Tx, tenantId: string, v: ItemValues): Promise<Item> {
  const [row] = await txRows<Item>(tx, sql`insert into garbage_items (tenant_id, name, reading, synonyms, category_id, notes, fee)
    values (${tenantId}, ${jsonb(v.name)}, ${v.reading}, ${textArray(v.synonyms)}, ${v.categoryId}, ${jsonb(v.notes)}, ${v.fee}) returning ${cols}`);
  return row!;
}

/** Replaces an item; undefined when there is none. */
export async function updateItem(tx: Tx, id: string, v: ItemValues): Promise<Item | undefined> {
  const [row] = await txRows<Item>(tx, sql`update garbage_items set name = ${jsonb(v.name)}, reading = ${v.reading}, synonyms = ${textArray(v.synonyms)},
    category_id = ${v.categoryId}, notes = ${jsonb(v.notes)}, fee = ${v.fee}, updated_at = now() where id = ${id} returning ${cols}`);
  return row;
}

/** Deletes an item; false when there was none. */
export async function deleteItem(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from garbage_items where id = ${id} returning id`)).length > 0;
}
