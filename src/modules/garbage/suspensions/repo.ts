import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Suspension } from '../engine/types.ts';
import { jsonb, uuidArray } from '../db.ts';

const cols = sql`id, from_date::text as "from", to_date::text as "to", area_ids::text[] as "areaIds", category_ids::text[] as "categoryIds", note`;

/** Every suspension of the tenant, by start. */
export function listSuspensions(tx: Tx): Promise<Suspension[]> {
  return txRows<Suspension>(tx, sql`select ${cols} from garbage_suspensions order by from_date, created_at, id limit 2000`);
}

/** Inserts a suspension. */
export async function insertSuspension(tx: Tx, tenantId: string, v: Omit<Suspension, 'id'>): Promise<Suspension> {
  const [row] = await txRows<Suspension>(tx, sql`insert into garbage_suspensions (tenant_id, from_date, to_date, area_ids, category_ids, note)
    values (${tenantId}, ${v.from}::date, ${v.to}::date, ${uuidArray(v.areaIds)}, ${uuidArray(v.categoryIds)}, ${jsonb(v.note)}) returning ${cols}`);
  return row!;
}

/** Deletes a suspension; false when there was none. */
export async function deleteSuspension(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from garbage_suspensions where id = ${id} returning id`)).length > 0;
}
