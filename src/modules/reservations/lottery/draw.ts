import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import type { Platform, Tenant } from '../../../core/platform.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import * as resources from '../resources/repo.ts';
import * as bookings from '../bookings/repo.ts';
import { newReference } from '../bookings/book.ts';
import { sendBookingMail } from '../bookings/emails.ts';
import { tenantsWith } from '../tenants.ts';
import * as repo from './repo.ts';
import { allocate, personKey, slotKey } from './allocate.ts';
import { AppError, forbidden, notFound } from '../../../core/http/errors.ts';
import { canManage } from '../policy.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Draws a resource's lottery: slot by slot (earliest first), entries are shuffled with the stored seed
 * (the same seed and entries always give the same winners) and as many win as the slot has free seats,
 * skipping people who reached the resource's per-person limit (see allocate.ts); winners get a
 * confirmed booking, everyone an email. Afterwards the slots open first-come.
 */
export async function drawResource(tx: Tx, platform: Platform, tenant: Tenant, resourceId: string, now: Date, seed = randomBytes(16).toString('hex')): Promise<{ won: number; lost: number }> {
  const r = (await resources.findFull(tx, resourceId, true))!;
  const entries = await repo.pendingEntries(tx, resourceId);
  const examOf = (e: repo.EntryRow) => r.examTypes.find((x) => x.id === e.exam_type_id);
  const seats = new Map<string, number>();
  const held = new Map<string, number>();
  for (const e of entries) {
    const key = slotKey(e);
    if (!seats.has(key)) seats.set(key, await bookings.freeSeats(tx, resourceId, e.exam_key, e.starts_at, examOf(e)?.capacity_per_slot ?? r.row.seats_per_slot));
    const p = personKey(e);
    if (r.row.limit_per_person > 0 && !held.has(p)) {
      held.set(p, await bookings.upcomingCount(tx, { citizenId: e.citizen_id, nameKey: e.name_key, birthDate: e.birth_date }, resourceId, now));
    }
  }
  const result = allocate(entries, seed, r.row.limit_per_person, (key) => seats.get(key) ?? 0, (e) => held.get(personKey(e)) ?? 0);
  let won = 0;
  let lost = 0;
  for (const e of result.won) {
    const exam = examOf(e);
    const token = randomBytes(24).toString('base64url');
    const b = await bookings.insertBooking(tx, {
      tenant_id: tenant.id, reference: newReference(), resource_id: resourceId, exam_type_id: e.exam_type_id, exam_key: e.exam_key, exam_code: exam?.code ?? null,
      starts_at: e.starts_at, ends_at: new Date(e.starts_at.getTime() + r.row.slot_minutes * 60_000), status: 'confirmed', channel: 'online',
      citizen_id: e.citizen_id, staff_id: null, contact_name: e.contact_name, contact_kana: '', name_key: e.name_key, email: e.email, phone: e.phone,
      birth_date: e.birth_date, sex: e.sex, note: '', lang: e.lang, manage_token_hash: hashToken(token), idempotency_key: null, request_hash: null, provisional_until: null,
    });
    await repo.setResult(tx, e.id, 'won', b.id);
    await sendBookingMail(tx, platform, tenant, r, b, 'lottery_won', { token });
    won++;
  }
  for (const e of result.lost) {
    await repo.setResult(tx, e.id, 'lost', null);
    await sendBookingMail(tx, platform, tenant, r, asMailBooking(e, r.row.slot_minutes), 'lottery_lost');
    lost++;
  }
  await repo.markDrawn(tx, resourceId, seed, now);
  await platform.audit.record(tx, { tenantId: tenant.id, actor: { kind: 'system', id: null }, action: 'reservations.lottery.draw', targetType: 'reservations_resource', targetId: resourceId, details: { seed, won, lost } });
  return { won, lost };
}

/** A lottery entry shaped like a booking for the result email. */
function asMailBooking(e: repo.EntryRow, minutes: number): bookings.BookingRow {
  return {
    id: e.id, tenant_id: e.tenant_id, reference: '-', resource_id: e.resource_id, exam_type_id: e.exam_type_id, exam_key: e.exam_key, exam_code: null,
    starts_at: e.starts_at, ends_at: new Date(e.starts_at.getTime() + minutes * 60_000), status: 'cancelled', channel: 'online', citizen_id: e.citizen_id,
    staff_id: null, contact_name: e.contact_name, contact_kana: '', name_key: e.name_key, email: e.email, phone: e.phone, birth_date: e.birth_date, sex: e.sex,
    note: '', lang: e.lang, idempotency_key: null, request_hash: null, provisional_until: null, reminded_at: null, checked_in_at: null, cancelled_at: null,
    created_at: e.created_at, updated_at: e.created_at,
  };
}

/** Draws every lottery whose entry period has ended, in every tenant. */
export async function drawDue(platform: Platform, now = new Date()): Promise<number> {
  const due = sql`select 1 from reservations_resources r where r.tenant_id = t.id and r.lottery_entries_until <= ${now.toISOString()}::timestamptz and r.lottery_drawn_at is null`;
  let n = 0;
  for (const tenant of await tenantsWith(platform, due)) {
    n += await platform.inTenant(tenant.id, async (tx) => {
      const ids = await repo.dueResources(tx, now);
      for (const id of ids) await drawResource(tx, platform, tenant, id, now);
      return ids.length;
    });
  }
  return n;
}

/** Draws a resource's lottery now (staff, MANAGE), once its entry period has ended. */
export async function drawNow(ctx: ServiceContext, resourceId: string): Promise<{ won: number; lost: number }> {
  if (!canManage(ctx.actor)) throw forbidden();
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const r = await resources.findResource(tx, resourceId, true);
    if (!r) throw notFound();
    if (!r.lottery_entries_until || r.lottery_drawn_at || r.lottery_entries_until > now) throw new AppError(409, 'lottery_not_due', 'reservations.lottery.not_due', {}, 'lottery');
    return drawResource(tx, ctx.platform, ctx.tenant, resourceId, now);
  });
}
