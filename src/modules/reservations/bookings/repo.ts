import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/** Booking states; the first four hold a seat (counted by the database trigger). */
export type BookingStatus = 'provisional' | 'confirmed' | 'checked_in' | 'no_show' | 'cancelled' | 'waitlisted';
/** Statuses that hold a seat. */
export const HOLDS_SEAT: BookingStatus[] = ['provisional', 'confirmed', 'checked_in', 'no_show'];

/** A row of reservations_bookings. */
export interface BookingRow {
  id: string; tenant_id: string; reference: string; resource_id: string; exam_type_id: string | null; exam_key: string; exam_code: string | null;
  starts_at: Date; ends_at: Date; status: BookingStatus; channel: 'online' | 'staff'; citizen_id: string | null; staff_id: string | null;
  contact_name: string; contact_kana: string; name_key: string; email: string | null; phone: string | null; birth_date: string | null;
  sex: 'female' | 'male' | 'other' | null; note: string; lang: string; idempotency_key: string | null; request_hash: string | null;
  provisional_until: Date | null; reminded_at: Date | null; checked_in_at: Date | null; cancelled_at: Date | null; created_at: Date; updated_at: Date;
}

/** Fields of a new booking. */
export type NewBooking = Omit<BookingRow, 'id' | 'reminded_at' | 'checked_in_at' | 'cancelled_at' | 'created_at' | 'updated_at'> & { id?: string; manage_token_hash: string };

const cols = sql`id, tenant_id, reference, resource_id, exam_type_id, exam_key, exam_code, starts_at, ends_at, status, channel, citizen_id, staff_id,
  contact_name, contact_kana, name_key, email, phone, birth_date::text as birth_date, sex, note, lang, idempotency_key, request_hash,
  provisional_until, reminded_at, checked_in_at, cancelled_at, created_at, updated_at`;

const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));
/** Normalises a raw row (drivers differ in how they return timestamps). */
export function asBooking(r: BookingRow): BookingRow {
  return {
    ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at), provisional_until: toDate(r.provisional_until), reminded_at: toDate(r.reminded_at),
    checked_in_at: toDate(r.checked_in_at), cancelled_at: toDate(r.cancelled_at), created_at: new Date(r.created_at), updated_at: new Date(r.updated_at),
  };
}
const many = async (tx: Tx, q: ReturnType<typeof sql>) => (await txRows<BookingRow>(tx, q)).map(asBooking);

/** Inserts a booking; the trigger takes a seat when its status holds one (and the CHECK refuses an overbooking). */
export async function insertBooking(tx: Tx, b: NewBooking): Promise<BookingRow> {
  const [row] = await many(tx, sql`insert into reservations_bookings (id, tenant_id, reference, resource_id, exam_type_id, exam_key, exam_code, starts_at, ends_at,
      status, channel, citizen_id, staff_id, contact_name, contact_kana, name_key, email, phone, birth_date, sex, note, lang, manage_token_hash,
      idempotency_key, request_hash, provisional_until)
    values (coalesce(${b.id ?? null}::uuid, gen_random_uuid()), ${b.tenant_id}, ${b.reference}, ${b.resource_id}, ${b.exam_type_id}::uuid, ${b.exam_key}, ${b.exam_code}, ${b.starts_at.toISOString()}::timestamptz,
      ${b.ends_at.toISOString()}::timestamptz, ${b.status}, ${b.channel}, ${b.citizen_id}::uuid, ${b.staff_id}::uuid, ${b.contact_name}, ${b.contact_kana},
      ${b.name_key}, ${b.email}, ${b.phone}, ${b.birth_date}::date, ${b.sex}, ${b.note}, ${b.lang}, ${b.manage_token_hash}, ${b.idempotency_key},
      ${b.request_hash}, ${b.provisional_until?.toISOString() ?? null}::timestamptz)
    returning ${cols}`);
  return row!;
}

/** A booking by id, optionally locked. */
export async function findById(tx: Tx, id: string, lock = false): Promise<BookingRow | undefined> {
  return (await many(tx, lock ? sql`select ${cols} from reservations_bookings where id = ${id} for update` : sql`select ${cols} from reservations_bookings where id = ${id}`))[0];
}

/** A booking by the hash of its manage token, locked for the change that follows. */
export async function findByTokenHash(tx: Tx, hash: string): Promise<BookingRow | undefined> {
  return (await many(tx, sql`select ${cols} from reservations_bookings where manage_token_hash = ${hash} for update`))[0];
}

/** A booking by its Idempotency-Key. */
export async function findByIdempotencyKey(tx: Tx, key: string): Promise<BookingRow | undefined> {
  return (await many(tx, sql`select ${cols} from reservations_bookings where idempotency_key = ${key}`))[0];
}

/** Changes a booking's status (and stamps the time the status names). */
export async function setStatus(tx: Tx, id: string, status: BookingStatus, extra: { provisionalUntil?: Date | null; tokenHash?: string } = {}): Promise<BookingRow> {
  const [row] = await many(tx, sql`update reservations_bookings set status = ${status}, updated_at = now(),
      cancelled_at = case when ${status} = 'cancelled' then now() else cancelled_at end,
      checked_in_at = case when ${status} = 'checked_in' then now() else checked_in_at end,
      provisional_until = ${extra.provisionalUntil === undefined ? sql`provisional_until` : sql`${extra.provisionalUntil?.toISOString() ?? null}::timestamptz`},
      manage_token_hash = coalesce(${extra.tokenHash ?? null}, manage_token_hash)
    where id = ${id} returning ${cols}`);
  return row!;
}

/** Who a person is across bookings: the account, or the folded name with the date of birth, the email or the phone number. */
export interface PersonRef { citizenId: string | null; nameKey: string; birthDate: string | null; email?: string | null; phone?: string | null }
const samePerson = (p: PersonRef) => sql`(${p.citizenId}::uuid is not null and citizen_id = ${p.citizenId}::uuid)
  or (name_key = ${p.nameKey} and ((${p.birthDate}::date is not null and birth_date = ${p.birthDate}::date)
    or (${p.email ?? null}::text is not null and email = ${p.email ?? null}) or (${p.phone ?? null}::text is not null and phone = ${p.phone ?? null})))`;

/** Days (JST) of a person's seat-holding bookings of an exam code, for the interval rule. */
export async function examDatesOf(tx: Tx, p: PersonRef, examCode: string): Promise<string[]> {
  const rows = await txRows<{ day: string }>(tx, sql`select distinct ((starts_at + interval '9 hours') at time zone 'UTC')::date::text as day from reservations_bookings
    where exam_code = ${examCode} and status in ('provisional', 'confirmed', 'checked_in') and (${samePerson(p)})`);
  return rows.map((r) => r.day);
}

/** Upcoming seat-holding bookings of a person at a resource (for the per-person limit). */
export async function upcomingCount(tx: Tx, p: PersonRef, resourceId: string, now: Date): Promise<number> {
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from reservations_bookings
    where resource_id = ${resourceId} and status in ('provisional', 'confirmed') and starts_at > ${now.toISOString()}::timestamptz and (${samePerson(p)})`);
  return Number(row?.n ?? 0);
}

/** Whether the person already has a live booking (or waiting-list place) for the same slot. */
export async function hasSameSlot(tx: Tx, p: PersonRef, resourceId: string, examKey: string, startsAt: Date): Promise<boolean> {
  const rows = await txRows(tx, sql`select 1 from reservations_bookings where resource_id = ${resourceId} and exam_key = ${examKey}
    and starts_at = ${startsAt.toISOString()}::timestamptz and status in ('provisional', 'confirmed', 'checked_in', 'waitlisted') and (${samePerson(p)}) limit 1`);
  return rows.length > 0;
}

/** Free seats of a slot now (capacity when no seat was ever taken). */
export async function freeSeats(tx: Tx, resourceId: string, examKey: string, startsAt: Date, capacity: number): Promise<number> {
  const [row] = await txRows<{ free: number }>(tx, sql`select (capacity - booked)::int as free from reservations_slots
    where resource_id = ${resourceId} and exam_key = ${examKey} and starts_at = ${startsAt.toISOString()}::timestamptz`);
  return row ? Number(row.free) : capacity;
}

/** Seats held per slot of a resource and exam in [from, to), with the slot's own capacity. */
export async function slotCounts(tx: Tx, resourceId: string, examKey: string, from: Date, to: Date): Promise<Map<string, { booked: number; capacity: number }>> {
  const rows = await txRows<{ starts_at: Date | string; booked: number; capacity: number }>(tx, sql`select starts_at, booked, capacity from reservations_slots
    where resource_id = ${resourceId} and exam_key = ${examKey} and starts_at >= ${from.toISOString()}::timestamptz and starts_at < ${to.toISOString()}::timestamptz`);
  return new Map(rows.map((r) => [new Date(r.starts_at).toISOString(), { booked: Number(r.booked), capacity: Number(r.capacity) }]));
}

/** The first person waiting for a slot, locked (skipping rows another transaction is offering). */
export async function firstWaiting(tx: Tx, resourceId: string, examKey: string, startsAt: Date): Promise<BookingRow | undefined> {
  return (await many(tx, sql`select ${cols} from reservations_bookings where resource_id = ${resourceId} and exam_key = ${examKey}
    and starts_at = ${startsAt.toISOString()}::timestamptz and status = 'waitlisted' order by created_at, id limit 1 for update skip locked`))[0];
}

/** A resource's bookings in [from, to), in time order (the roster and exports). */
export async function listForResource(tx: Tx, resourceId: string, from: Date, to: Date): Promise<BookingRow[]> {
  return many(tx, sql`select ${cols} from reservations_bookings where resource_id = ${resourceId}
    and starts_at >= ${from.toISOString()}::timestamptz and starts_at < ${to.toISOString()}::timestamptz order by starts_at, exam_key, created_at`);
}

/** A citizen's bookings, upcoming first. */
export async function listForCitizen(tx: Tx, citizenId: string): Promise<BookingRow[]> {
  return many(tx, sql`select ${cols} from reservations_bookings where citizen_id = ${citizenId} order by starts_at desc limit 200`);
}

/** Confirmed bookings starting in [from, to) not yet reminded, locked (another process skips them). */
export async function dueReminders(tx: Tx, from: Date, to: Date): Promise<BookingRow[]> {
  return many(tx, sql`select ${cols} from reservations_bookings where status = 'confirmed' and reminded_at is null
    and starts_at >= ${from.toISOString()}::timestamptz and starts_at < ${to.toISOString()}::timestamptz order by starts_at for update skip locked`);
}

/** Notes that a booking's reminder went out. */
export async function markReminded(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update reservations_bookings set reminded_at = now() where id = ${id}`);
}

/** Waiting-list offers whose time to confirm has passed, locked. */
export async function lapsedOffers(tx: Tx, now: Date): Promise<BookingRow[]> {
  return many(tx, sql`select ${cols} from reservations_bookings where status = 'provisional' and provisional_until < ${now.toISOString()}::timestamptz
    order by provisional_until for update skip locked`);
}

/** The verified email of a citizen account, used when a signed-in citizen books without giving one. */
export async function citizenEmail(tx: Tx, citizenId: string): Promise<string | null> {
  const [row] = await txRows<{ email: string | null }>(tx, sql`select email from citizens where id = ${citizenId} and email_verified_at is not null`);
  return row?.email ?? null;
}
