import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Area, CollectionPoint } from '../engine/types.ts';
import { jsonb, textArray } from '../db.ts';

/** Columns a write sets (points are replaced separately). */
export type AreaValues = Omit<Area, 'id' | 'points'>;
/** A point as written. */
export type PointValues = Omit<CollectionPoint, 'id'>;

const cols = sql`id, code, name, reading, towns, center, geometry, sort_order as "sortOrder"`;
const pointCols = sql`id, name, name_kana as "nameKana", address, lat, lng, notes`;

async function withPoints(tx: Tx, areas: Omit<Area, 'points'>[]): Promise<Area[]> {
  if (!areas.length) return [];
  const rows = await txRows<CollectionPoint & { areaId: string }>(tx, sql`select ${pointCols}, area_id as "areaId" from garbage_points
    where area_id::text in (select jsonb_array_elements_text(${JSON.stringify(areas.map((a) => a.id))}::jsonb)) order by sort_order, name`);
  const by = new Map<string, CollectionPoint[]>();
  for (const { areaId, ...p } of rows) (by.get(areaId) ?? by.set(areaId, []).get(areaId)!).push(p);
  return areas.map((a) => ({ ...a, points: by.get(a.id) ?? [] }));
}

/** Every area of the tenant with its points, in display order. */
export async function listAreas(tx: Tx): Promise<Area[]> {
  return withPoints(tx, await txRows<Omit<Area, 'points'>>(tx, sql`select ${cols} from garbage_areas order by sort_order, code`));
}

/** One area with its points, or undefined. */
export async function findArea(tx: Tx, id: string): Promise<Area | undefined> {
  const rows = await txRows<Omit<Area, 'points'>>(tx, sql`select ${cols} from garbage_areas where id = ${id}`);
  return (await withPoints(tx, rows))[0];
}

/** One area by its code, with its points, or undefined. */
export async function findAreaByCode(tx: Tx, code: string): Promise<Area | undefined> {
  const rows = await txRows<Omit<Area, 'points'>>(tx, sql`select ${cols} from garbage_areas where code = ${code}`);
  return (await withPoints(tx, rows))[0];
}

/** Ids among `ids` that are areas of the tenant (RLS hides the others). */
export async function existingAreaIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await txRows<{ id: string }>(tx, sql`select id from garbage_areas where id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  return new Set(rows.map((r) => r.id));
}

/** Inserts or replaces an area's fields; returns its id, or undefined when `id` names none. */
export async function saveArea(tx: Tx, tenantId: string, id: string | null, v: AreaValues): Promise<string | undefined> {
  const [row] = await txRows<{ id: string }>(tx, id
    ? sql`update garbage_areas set code = ${v.code}, name = ${jsonb(v.name)}, reading = ${v.reading}, towns = ${textArray(v.towns)}, center = ${v.center},
        geometry = ${jsonb(v.geometry)}, sort_order = ${v.sortOrder}, updated_at = now() where id = ${id} returning id`
    : sql`insert into garbage_areas (tenant_id, code, name, reading, towns, center, geometry, sort_order)
        values (${tenantId}, ${v.code}, ${jsonb(v.name)}, ${v.reading}, ${textArray(v.towns)}, ${v.center}, ${jsonb(v.geometry)}, ${v.sortOrder}) returning id`);
  return row?.id;
}

/** Replaces an area's collection points with a new list (order kept). */
export async function replacePoints(tx: Tx, tenantId: string, areaId: string, points: PointValues[]): Promise<void> {
  await tx.execute(sql`delete from garbage_points where area_id = ${areaId}`);
  if (!points.length) return;
  await tx.execute(sql`insert into garbage_points (tenant_id, area_id, name, name_kana, address, lat, lng, notes, sort_order)
    select ${tenantId}, ${areaId}, p.name, p."nameKana", p.address, p.lat, p.lng, p.notes, p.ord
      from jsonb_to_recordset(${JSON.stringify(points.map((p, ord) => ({ ...p, ord })))}::jsonb)
        as p(name text, "nameKana" text, address text, lat double precision, lng double precision, notes text, ord int)`);
}

/** Deletes an area (points, rules, exceptions cascade; suspensions stop naming it). */
export async function deleteArea(tx: Tx, id: string): Promise<boolean> {
  // A suspension that named only this area would otherwise widen to every area.
  await tx.execute(sql`delete from garbage_suspensions where area_ids = array[${id}::uuid]`);
  await tx.execute(sql`update garbage_suspensions set area_ids = array_remove(area_ids, ${id}::uuid) where ${id}::uuid = any(area_ids)`);
  return (await txRows(tx, sql`delete from garbage_areas where id = ${id} returning id`)).length > 0;
}
