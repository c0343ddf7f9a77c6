import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Rule } from '../engine/types.ts';
import { intArray, jsonb } from '../db.ts';

const cols = sql`id, area_id as "areaId", category_id as "categoryId", pattern, months, valid_from::text as "validFrom", valid_to::text as "validTo", on_holidays as "onHolidays"`;

/** Every rule of the tenant, or of one area, in a stable order. */
export function listRules(tx: Tx, areaId?: string): Promise<Rule[]> {
  return txRows<Rule>(tx, sql`select ${cols} from garbage_rules where (${areaId ?? null}::uuid is null or area_id = ${areaId ?? null}::uuid)
    order by area_id, created_at, id`);
}

/** Replaces an area's rules with a new list (kept in the given order). */
export async function replaceRules(tx: Tx, tenantId: string, areaId: string, rules: Omit<Rule, 'id' | 'areaId'>[]): Promise<void> {
  await tx.execute(sql`delete from garbage_rules where area_id = ${areaId}`);
  for (const [i, r] of rules.entries()) {
    // created_at orders the list as staff wrote it.
    await tx.execute(sql`insert into garbage_rules (tenant_id, area_id, category_id, pattern, months, valid_from, valid_to, on_holidays, created_at)
      values (${tenantId}, ${areaId}, ${r.categoryId}, ${jsonb(r.pattern)}, ${intArray(r.months)}, ${r.validFrom}::date, ${r.validTo}::date, ${r.onHolidays},
        now() + make_interval(secs => ${i} / 1000000.0))`);
  }
}
