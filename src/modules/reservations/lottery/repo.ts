import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/** A row of reservations_lottery_entries. */
export interface EntryRow {
  id: string; tenant_id: string; resource_id: string; exam_type_id: string | null; exam_key: string; starts_at: Date; status: 'entered' | 'won' | 'lost';
  citizen_id: string | null; contact_name: string; name_key: string; email: string | null; phone: string | null; birth_date: string | null;
  sex: 'female' | 'male' | 'other' | null; lang: string; booking_id: string | null; created_at: Date;
}

const cols = sql`id, tenant_id, resource_id, exam_type_id, exam_key, starts_at, status, citizen_id, contact_name, name_key, email, phone,
  birth_date::text as birth_date, sex, lang, booking_id, created_at`;
const fix = (r: EntryRow): EntryRow => ({ ...r, starts_at: new Date(r.starts_at), created_at: new Date(r.created_at) });

/** Inserts an entry; undefined when the person already entered for that slot. */
export async function insertEntry(tx: Tx, e: Omit<EntryRow, 'id' | 'status' | 'booking_id' | 'created_at'>): Promise<EntryRow | undefined> {
  const [row] = await txRows<EntryRow>(tx, sql`insert into reservations_lottery_entries (tenant_id, resource_id, exam_type_id, exam_key, starts_at, citizen_id,
      contact_name, name_key, email, phone, birth_date, sex, lang)
    values (${e.tenant_id}, ${e.resource_id}, ${e.exam_type_id}::uuid, ${e.exam_key}, ${e.starts_at.toISOString()}::timestamptz, ${e.citizen_id}::uuid,
      ${e.contact_name}, ${e.name_key}, ${e.email}, ${e.phone}, ${e.birth_date}::date, ${e.sex}, ${e.lang})
    on conflict do nothing returning ${cols}`);
  return row && fix(row);
}

/** Entries of a resource waiting for the draw, by slot. */
export async function pendingEntries(tx: Tx, resourceId: string): Promise<EntryRow[]> {
  return (await txRows<EntryRow>(tx, sql`select ${cols} from reservations_lottery_entries where resource_id = ${resourceId} and status = 'entered'
    order by starts_at, exam_key, id`)).map(fix);
}

/** Records an entry's result (and the booking a winner got). */
export async function setResult(tx: Tx, id: string, status: 'won' | 'lost', bookingId: string | null): Promise<void> {
  await tx.execute(sql`update reservations_lottery_entries set status = ${status}, booking_id = ${bookingId}::uuid where id = ${id}`);
}

/** Marks a resource's lottery drawn with the seed used (kept, so the draw can be re-run by an auditor). */
export async function markDrawn(tx: Tx, resourceId: string, seed: string, at: Date): Promise<void> {
  await tx.execute(sql`update reservations_resources set lottery_drawn_at = ${at.toISOString()}::timestamptz, lottery_seed = ${seed} where id = ${resourceId}`);
}

/** Resources whose entries closed and that are not drawn yet, locked. */
export async function dueResources(tx: Tx, now: Date): Promise<string[]> {
  return (await txRows<{ id: string }>(tx, sql`select id from reservations_resources where lottery_entries_until <= ${now.toISOString()}::timestamptz
    and lottery_drawn_at is null for update skip locked`)).map((r) => r.id);
}
