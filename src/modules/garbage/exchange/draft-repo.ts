import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import type { Area, Category, GarbageBundle, Item } from '../engine/types.ts';

/** Everything of a draft, with the ids the rows will keep (rules, exceptions and suspensions refer to them). */
export type DraftData = Pick<GarbageBundle, 'categories' | 'items' | 'areas' | 'rules' | 'exceptions' | 'suspensions'>;

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** Inserts categories with their ids (one statement). */
export async function insertCategories(tx: Tx, tenantId: string, cs: Category[]): Promise<void> {
  if (!cs.length) return;
  await tx.execute(sql`insert into garbage_categories (id, tenant_id, code, name, color, icon, how_to, sort_order)
    select (x->>'id')::uuid, ${tenantId}, x->>'code', x->'name', x->>'color', x->>'icon', x->'howTo', (x->>'sortOrder')::int from jsonb_array_elements(${json(cs)}) x`);
}

/** Inserts items (one statement). */
export async function insertItems(tx: Tx, tenantId: string, items: Item[]): Promise<void> {
  if (!items.length) return;
  await tx.execute(sql`insert into garbage_items (tenant_id, name, reading, synonyms, category_id, notes, fee)
    select ${tenantId}, x->'name', x->>'reading', array(select jsonb_array_elements_text(x->'synonyms')), (x->>'categoryId')::uuid, x->'notes', (x->>'fee')::int
      from jsonb_array_elements(${json(items)}) x`);
}

/** Inserts areas with their ids and their points. */
export async function insertAreas(tx: Tx, tenantId: string, areas: Area[]): Promise<void> {
  if (!areas.length) return;
  await tx.execute(sql`insert into garbage_areas (id, tenant_id, code, name, reading, towns, center, geometry, sort_order)
    select (x->>'id')::uuid, ${tenantId}, x->>'code', x->'name', x->>'reading', array(select jsonb_array_elements_text(x->'towns')), x->>'center',
      nullif(x->'geometry', 'null'::jsonb), (x->>'sortOrder')::int from jsonb_array_elements(${json(areas)}) x`);
  const points = areas.flatMap((a) => a.points.map((p, ord) => ({ ...p, areaId: a.id, ord })));
  if (!points.length) return;
  await tx.execute(sql`insert into garbage_points (tenant_id, area_id, name, name_kana, address, lat, lng, notes, sort_order)
    select ${tenantId}, (x->>'areaId')::uuid, x->>'name', x->>'nameKana', x->>'address', (x->>'lat')::float8, (x->>'lng')::float8, x->>'notes', (x->>'ord')::int
      from jsonb_array_elements(${json(points)}) x`);
}

/** Inserts rules, exceptions and suspensions. */
export async function insertSchedule(tx: Tx, tenantId: string, d: Pick<DraftData, 'rules' | 'exceptions' | 'suspensions'>): Promise<void> {
  if (d.rules.length) {
    await tx.execute(sql`insert into garbage_rules (tenant_id, area_id, category_id, pattern, months, valid_from, valid_to, on_holidays, created_at)
      select ${tenantId}, (x->>'areaId')::uuid, (x->>'categoryId')::uuid, x->'pattern', array(select jsonb_array_elements_text(x->'months')::int),
        (x->>'validFrom')::date, (x->>'validTo')::date, x->>'onHolidays', now() + make_interval(secs => o / 1000000.0)
        from jsonb_array_elements(${json(d.rules)}) with ordinality as t(x, o)`);
  }
  if (d.exceptions.length) {
    await tx.execute(sql`insert into garbage_exceptions (tenant_id, date, area_id, category_id, action, to_date, note)
      select ${tenantId}, (x->>'date')::date, (x->>'areaId')::uuid, (x->>'categoryId')::uuid, x->>'action', (x->>'to')::date, nullif(x->'note', 'null'::jsonb)
        from jsonb_array_elements(${json(d.exceptions)}) x`);
  }
  if (d.suspensions.length) {
    await tx.execute(sql`insert into garbage_suspensions (tenant_id, from_date, to_date, area_ids, category_ids, note)
      select ${tenantId}, (x->>'from')::date, (x->>'to')::date, array(select jsonb_array_elements_text(x->'areaIds')::uuid),
        array(select jsonb_array_elements_text(x->'categoryIds')::uuid), nullif(x->'note', 'null'::jsonb) from jsonb_array_elements(${json(d.suspensions)}) x`);
  }
}

/** Empties the tenant's draft tables (the tenant of the transaction; RLS keeps others out). */
export async function clearDraft(tx: Tx): Promise<void> {
  for (const t of ['garbage_exceptions', 'garbage_suspensions', 'garbage_rules', 'garbage_points', 'garbage_items', 'garbage_areas', 'garbage_categories']) {
    await tx.execute(sql.raw(`delete from ${t}`));
  }
}

/** Replaces the whole draft with `d` inside the caller's transaction. */
export async function replaceDraft(tx: Tx, tenantId: string, d: DraftData): Promise<void> {
  await clearDraft(tx);
  await insertCategories(tx, tenantId, d.categories);
  await insertItems(tx, tenantId, d.items);
  await insertAreas(tx, tenantId, d.areas);
  await insertSchedule(tx, tenantId, d);
}
