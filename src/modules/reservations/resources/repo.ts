import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/** A row of reservations_resources. */
export interface ResourceRow {
  id: string; tenant_id: string; kind: string; staff_only: boolean;
  name_ja: string; name_en: string; name_easy: string; description_ja: string; description_en: string; venue_ja: string; venue_en: string;
  department_id: string | null; slot_minutes: number; buffer_before_minutes: number; buffer_after_minutes: number; seats_per_slot: number;
  opens_days_ahead: number; closes_hours_before: number; limit_per_person: number; approval_required: boolean;
  close_on_holidays: boolean; close_on_new_year: boolean; lottery_entries_until: Date | null; lottery_slots_until: string | null;
  lottery_drawn_at: Date | null; lottery_seed: string | null; active: boolean; feed_token_hash: string | null; created_at: Date; updated_at: Date;
}
/** A row of reservations_exam_types. */
export interface ExamTypeRow {
  id: string; resource_id: string; code: string; name_ja: string; name_en: string; capacity_per_slot: number;
  sex: 'female' | 'male' | null; min_age: number | null; max_age: number | null; interval_fiscal_years: number | null; sort: number;
}
/** A row of reservations_hours. */
export interface HoursRow { resource_id: string; weekday: number; opens_min: number; closes_min: number }
/** A row of reservations_day_overrides. */
export interface OverrideRow { resource_id: string; day: string; closed: boolean; note: string }

/** A resource with every rule it carries. */
export interface ResourceFull {
  row: ResourceRow;
  examTypes: ExamTypeRow[];
  hours: HoursRow[];
  overrides: OverrideRow[];
}

/** Columns a write sets (everything but ids, lottery draw state, feed token and timestamps). */
export type ResourceValues = Omit<ResourceRow, 'id' | 'tenant_id' | 'lottery_drawn_at' | 'lottery_seed' | 'feed_token_hash' | 'created_at' | 'updated_at'>;

const cols = sql`id, tenant_id, kind, staff_only, name_ja, name_en, name_easy, description_ja, description_en, venue_ja, venue_en, department_id,
  slot_minutes, buffer_before_minutes, buffer_after_minutes, seats_per_slot, opens_days_ahead, closes_hours_before, limit_per_person,
  approval_required, close_on_holidays, close_on_new_year, lottery_entries_until, lottery_slots_until::text as lottery_slots_until,
  lottery_drawn_at, lottery_seed, active, feed_token_hash, created_at, updated_at`;

const dates = (r: ResourceRow): ResourceRow => ({
  ...r,
  lottery_entries_until: r.lottery_entries_until ? new Date(r.lottery_entries_until) : null,
  lottery_drawn_at: r.lottery_drawn_at ? new Date(r.lottery_drawn_at) : null,
  created_at: new Date(r.created_at), updated_at: new Date(r.updated_at),
});

/** Resources of the tenant, optionally only active citizen-visible ones, by name. */
export async function listResources(tx: Tx, opts: { publicOnly?: boolean; staffOnly?: boolean } = {}): Promise<ResourceRow[]> {
  const rows = await txRows<ResourceRow>(tx, sql`select ${cols} from reservations_resources
    where (${!opts.publicOnly} or (active and not staff_only)) and (${!opts.staffOnly} or (active and staff_only))
    order by kind, name_ja limit 500`);
  return rows.map(dates);
}

/** One resource row, optionally locked for update. */
export async function findResource(tx: Tx, id: string, lock = false): Promise<ResourceRow | undefined> {
  const [row] = await txRows<ResourceRow>(tx, lock
    ? sql`select ${cols} from reservations_resources where id = ${id} for update`
    : sql`select ${cols} from reservations_resources where id = ${id}`);
  return row && dates(row);
}

/** The rules of several resources at once: exam types, hours and day overrides. */
export async function loadRules(tx: Tx, rows: ResourceRow[]): Promise<ResourceFull[]> {
  if (!rows.length) return [];
  const ids = sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `);
  const exams = await txRows<ExamTypeRow>(tx, sql`select id, resource_id, code, name_ja, name_en, capacity_per_slot, sex, min_age, max_age, interval_fiscal_years, sort
    from reservations_exam_types where resource_id in (${ids}) order by sort, code`);
  const hours = await txRows<HoursRow>(tx, sql`select resource_id, weekday, opens_min, closes_min from reservations_hours where resource_id in (${ids}) order by weekday, opens_min`);
  const overrides = await txRows<OverrideRow>(tx, sql`select resource_id, day::text as day, closed, note from reservations_day_overrides where resource_id in (${ids}) order by day`);
  return rows.map((row) => ({
    row,
    examTypes: exams.filter((e) => e.resource_id === row.id),
    hours: hours.filter((h) => h.resource_id === row.id),
    overrides: overrides.filter((o) => o.resource_id === row.id),
  }));
}

/** One resource with its rules in one round trip (the calendar and booking hot path), or undefined. */
export async function findFull(tx: Tx, id: string, lock = false): Promise<ResourceFull | undefined> {
  const [row] = await txRows<ResourceRow & { x_exams: ExamTypeRow[] | null; x_hours: HoursRow[] | null; x_overrides: OverrideRow[] | null }>(tx, sql`
    select ${cols},
      (select json_agg(json_build_object('id', e.id, 'resource_id', e.resource_id, 'code', e.code, 'name_ja', e.name_ja, 'name_en', e.name_en,
              'capacity_per_slot', e.capacity_per_slot, 'sex', e.sex, 'min_age', e.min_age, 'max_age', e.max_age,
              'interval_fiscal_years', e.interval_fiscal_years, 'sort', e.sort) order by e.sort, e.code)
         from reservations_exam_types e where e.resource_id = r.id) as x_exams,
      (select json_agg(json_build_object('resource_id', h.resource_id, 'weekday', h.weekday, 'opens_min', h.opens_min, 'closes_min', h.closes_min) order by h.weekday, h.opens_min)
         from reservations_hours h where h.resource_id = r.id) as x_hours,
      (select json_agg(json_build_object('resource_id', o.resource_id, 'day', o.day::text, 'closed', o.closed, 'note', o.note) order by o.day)
         from reservations_day_overrides o where o.resource_id = r.id) as x_overrides
    from reservations_resources r where r.id = ${id} ${lock ? sql`for update of r` : sql``}`);
  if (!row) return undefined;
  const { x_exams, x_hours, x_overrides, ...plain } = row;
  const parse = <T>(v: T[] | string | null): T[] => (typeof v === 'string' ? JSON.parse(v) as T[] : v ?? []);
  return { row: dates(plain as ResourceRow), examTypes: parse(x_exams), hours: parse(x_hours), overrides: parse(x_overrides) };
}

/** Inserts or updates a resource's own columns; returns its id. */
export async function saveResource(tx: Tx, tenantId: string, id: string | null, v: ResourceValues): Promise<string> {
  const values = sql`${v.kind}, ${v.staff_only}, ${v.name_ja}, ${v.name_en}, ${v.name_easy}, ${v.description_ja}, ${v.description_en}, ${v.venue_ja}, ${v.venue_en},
    ${v.department_id}::uuid, ${v.slot_minutes}, ${v.buffer_before_minutes}, ${v.buffer_after_minutes}, ${v.seats_per_slot}, ${v.opens_days_ahead},
    ${v.closes_hours_before}, ${v.limit_per_person}, ${v.approval_required}, ${v.close_on_holidays}, ${v.close_on_new_year},
    ${v.lottery_entries_until?.toISOString() ?? null}::timestamptz, ${v.lottery_slots_until}::date, ${v.active}`;
  const names = sql`kind, staff_only, name_ja, name_en, name_easy, description_ja, description_en, venue_ja, venue_en, department_id, slot_minutes,
    buffer_before_minutes, buffer_after_minutes, seats_per_slot, opens_days_ahead, closes_hours_before, limit_per_person, approval_required,
    close_on_holidays, close_on_new_year, lottery_entries_until, lottery_slots_until, active`;
  if (!id) {
    const [row] = await txRows<{ id: string }>(tx, sql`insert into reservations_resources (tenant_id, ${names}) values (${tenantId}, ${values}) returning id`);
    return row!.id;
  }
  await tx.execute(sql`update reservations_resources set (${names}) = (${values}), updated_at = now() where id = ${id}`);
  return id;
}

/** Replaces the weekly hours and the day overrides of a resource. */
export async function replaceCalendar(tx: Tx, tenantId: string, resourceId: string, hours: Omit<HoursRow, 'resource_id'>[], overrides: Omit<OverrideRow, 'resource_id'>[]): Promise<void> {
  await tx.execute(sql`delete from reservations_hours where resource_id = ${resourceId}`);
  await tx.execute(sql`delete from reservations_day_overrides where resource_id = ${resourceId}`);
  for (const h of hours) {
    await tx.execute(sql`insert into reservations_hours (tenant_id, resource_id, weekday, opens_min, closes_min) values (${tenantId}, ${resourceId}, ${h.weekday}, ${h.opens_min}, ${h.closes_min})`);
  }
  for (const o of overrides) {
    await tx.execute(sql`insert into reservations_day_overrides (tenant_id, resource_id, day, closed, note) values (${tenantId}, ${resourceId}, ${o.day}::date, ${o.closed}, ${o.note})`);
  }
}

/** Inserts or updates an exam type (matched by code); returns its id. */
export async function upsertExamType(tx: Tx, tenantId: string, resourceId: string, e: Omit<ExamTypeRow, 'id' | 'resource_id'>): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into reservations_exam_types
      (tenant_id, resource_id, code, name_ja, name_en, capacity_per_slot, sex, min_age, max_age, interval_fiscal_years, sort)
    values (${tenantId}, ${resourceId}, ${e.code}, ${e.name_ja}, ${e.name_en}, ${e.capacity_per_slot}, ${e.sex}, ${e.min_age}, ${e.max_age}, ${e.interval_fiscal_years}, ${e.sort})
    on conflict (resource_id, code) do update set name_ja = excluded.name_ja, name_en = excluded.name_en, capacity_per_slot = excluded.capacity_per_slot,
      sex = excluded.sex, min_age = excluded.min_age, max_age = excluded.max_age, interval_fiscal_years = excluded.interval_fiscal_years, sort = excluded.sort
    returning id`);
  return row!.id;
}

/** Deletes exam types of a resource other than `keep`; false when bookings still name one (nothing deleted then). */
export async function deleteOtherExamTypes(tx: Tx, resourceId: string, keep: string[]): Promise<boolean> {
  const keepList = keep.length ? sql.join(keep.map((k) => sql`${k}::uuid`), sql`, `) : sql`null::uuid`;
  const [used] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from reservations_bookings
    where resource_id = ${resourceId} and exam_type_id is not null and exam_type_id not in (${keepList})`);
  if (Number(used?.n ?? 0) > 0) return false;
  await tx.execute(sql`delete from reservations_exam_types where resource_id = ${resourceId} and id not in (${keepList})`);
  return true;
}

/** Sets the capacity of a resource's upcoming slot rows for one exam key; the CHECK refuses a capacity below the seats booked. */
export async function setUpcomingCapacity(tx: Tx, resourceId: string, examKey: string, capacity: number): Promise<void> {
  await tx.execute(sql`update reservations_slots set capacity = ${capacity} where resource_id = ${resourceId} and exam_key = ${examKey} and starts_at > now()`);
}

/** Deletes a resource that has no bookings; false when it has some. */
export async function deleteResource(tx: Tx, id: string): Promise<boolean> {
  const [used] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from reservations_bookings where resource_id = ${id}`);
  if (Number(used?.n ?? 0) > 0) return false;
  await tx.execute(sql`delete from reservations_resources where id = ${id}`);
  return true;
}

/** Stores the hash of the resource's iCalendar feed token (null turns the feed off). */
export async function setFeedTokenHash(tx: Tx, id: string, hash: string | null): Promise<void> {
  await tx.execute(sql`update reservations_resources set feed_token_hash = ${hash}, updated_at = now() where id = ${id}`);
}

/** The resource whose iCalendar feed token hashes to `hash`. */
export async function findByFeedHash(tx: Tx, hash: string): Promise<ResourceRow | undefined> {
  const [row] = await txRows<ResourceRow>(tx, sql`select ${cols} from reservations_resources where feed_token_hash = ${hash}`);
  return row && dates(row);
}

/** Upcoming seat-holding bookings of a resource per JST day (for warning staff about newly closed days). */
export async function liveBookingsPerDay(tx: Tx, resourceId: string, now: Date): Promise<{ day: string; n: number }[]> {
  return txRows<{ day: string; n: number }>(tx, sql`select ((starts_at + interval '9 hours') at time zone 'UTC')::date::text as day, count(*)::int as n
    from reservations_bookings where resource_id = ${resourceId} and status in ('provisional', 'confirmed') and starts_at > ${now.toISOString()}::timestamptz
    group by 1 order by 1`);
}
