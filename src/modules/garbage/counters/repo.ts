import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/**
 * Counts one dictionary search for the month and reads the latest published version in the same
 * statement: the search route's only round trip to the database.
 */
export async function countSearchAndVersion(tx: Tx, tenantId: string, month: string): Promise<number> {
  const [row] = await txRows<{ v: number | null }>(tx, sql`with counted as (
      insert into garbage_counters (tenant_id, month, metric, value) values (${tenantId}, ${month}::date, 'searches', 1)
      on conflict (tenant_id, month, metric) do update set value = garbage_counters.value + 1 returning 1)
    select (select max(version) from garbage_publications)::int as v, (select count(*) from counted) as n`);
  return row?.v ?? 0;
}

/** A counter's value for a month (0 when none). */
export async function counterValue(tx: Tx, month: string, metric: string): Promise<number> {
  const [row] = await txRows<{ value: string | number }>(tx, sql`select value from garbage_counters where month = ${month}::date and metric = ${metric}`);
  return Number(row?.value ?? 0);
}
