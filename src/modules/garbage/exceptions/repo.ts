import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { CollectionException } from '../engine/types.ts';
import { jsonb } from '../db.ts';

const cols = sql`id, date::text as date, area_id as "areaId", category_id as "categoryId", action, to_date::text as "to", note`;

/** Exceptions of the tenant, optionally within dates and for one area (plus those of every area), by date. */
export function listExceptions(tx: Tx, f: { from?: string; to?: string; areaId?: string } = {}): Promise<CollectionException[]> {
  return txRows<CollectionException>(tx, sql`select ${cols} from garbage_exceptions
    where (${f.from ?? null}::date is null or date >= ${f.from ?? null}::date or to_date >= ${f.from ?? null}::date)
      and (${f.to ?? null}::date is null or date <= ${f.to ?? null}::date or to_date <= ${f.to ?? null}::date)
      and (${f.areaId ?? null}::uuid is null or area_id is null or area_id = ${f.areaId ?? null}::uuid)
    order by date, created_at, id limit 5000`);
}

/** Inserts an exception. */
export async function insertException(tx: Tx, tenantId: string, v: Omit<CollectionException, 'id'>): Promise<CollectionException> {
  const [row] = await txRows<CollectionException>(tx, sql`insert into garbage_exceptions (tenant_id, date, area_id, category_id, action, to_date, note)
    values (${tenantId}, ${v.date}::date, ${v.areaId}, ${v.categoryId}, ${v.action}, ${v.to}::date, ${jsonb(v.note)}) returning ${cols}`);
  return row!;
}

/** Deletes an exception; false when there was none. */
export async function deleteException(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from garbage_exceptions where id = ${id} returning id`)).length > 0;
}
