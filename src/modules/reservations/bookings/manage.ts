import { randomBytes } from 'node:crypto';
import type { Tx } from '../../../core/db/connection.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import type { Tenant } from '../../../core/platform.ts';
import type { ServiceContext } from '../context.ts';
import { reservationError } from '../db-errors.ts';
import * as resources from '../resources/repo.ts';
import * as repo from './repo.ts';
import { bookIn, type BookResult } from './book.ts';
import { sendBookingMail } from './emails.ts';
import type { Platform } from '../../../core/platform.ts';

/** Hours a freed seat is held for the next person on the waiting list. */
export const OFFER_HOURS = 24;
const CHANGEABLE: repo.BookingStatus[] = ['provisional', 'confirmed', 'waitlisted'];

function notChangeable(b: repo.BookingRow): AppError {
  return new AppError(409, 'not_changeable', 'reservations.booking.not_changeable', { status: b.status }, 'status');
}

async function byToken(tx: Tx, token: string): Promise<repo.BookingRow> {
  const b = await repo.findByTokenHash(tx, hashToken(token));
  if (!b) throw notFound();
  return b;
}

/** A booking and its resource, for the holder of its manage token. */
export async function viewByToken(ctx: ServiceContext, token: string): Promise<{ booking: repo.BookingRow; resource: resources.ResourceFull }> {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const booking = await byToken(tx, token);
    return { booking, resource: (await resources.findFull(tx, booking.resource_id))! };
  });
}

/**
 * Offers a freed seat to the first person waiting for the slot: their booking becomes provisional
 * (holding the seat) until they confirm, with a fresh manage link by email. Nothing when nobody waits
 * or the slot is too near to offer.
 */
export async function offerNext(tx: Tx, platform: Platform, tenant: Tenant, r: resources.ResourceFull, slot: Pick<repo.BookingRow, 'exam_key' | 'starts_at'>, now: Date): Promise<repo.BookingRow | null> {
  const until = new Date(Math.min(now.getTime() + OFFER_HOURS * 3600_000, slot.starts_at.getTime() - r.row.closes_hours_before * 3600_000));
  if (until <= now) return null;
  const next = await repo.firstWaiting(tx, r.row.id, slot.exam_key, slot.starts_at);
  if (!next) return null;
  const token = randomBytes(24).toString('base64url');
  const offered = await repo.setStatus(tx, next.id, 'provisional', { provisionalUntil: until, tokenHash: hashToken(token) });
  await sendBookingMail(tx, platform, tenant, r, offered, 'offer', { token, until });
  return offered;
}

/** Cancels a booking in the caller's transaction, frees its seat at once and offers it to the waiting list. */
export async function cancelIn(tx: Tx, ctx: ServiceContext, b: repo.BookingRow, opts: { mail?: boolean } = {}): Promise<repo.BookingRow> {
  const now = ctx.now ?? new Date();
  const held = repo.HOLDS_SEAT.includes(b.status);
  const cancelled = await repo.setStatus(tx, b.id, 'cancelled', { provisionalUntil: null });
  const r = (await resources.findFull(tx, b.resource_id))!;
  if (opts.mail !== false) await sendBookingMail(tx, ctx.platform, ctx.tenant, r, cancelled, 'cancelled');
  if (held && b.starts_at > now) await offerNext(tx, ctx.platform, ctx.tenant, r, b, now);
  await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.booking.cancel', targetType: 'reservations_booking', targetId: b.id, personalData: true });
  return cancelled;
}

/** Cancels by the manage token (citizens, from the emailed link); only upcoming, live bookings. */
export async function cancelByToken(ctx: ServiceContext, token: string): Promise<repo.BookingRow> {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const b = await byToken(tx, token);
    if (!CHANGEABLE.includes(b.status) || b.starts_at <= (ctx.now ?? new Date())) throw notChangeable(b);
    return cancelIn(tx, ctx, b);
  });
}

/** Confirms a seat offered from the waiting list, before the offer lapses. */
export async function confirmOffer(ctx: ServiceContext, token: string): Promise<repo.BookingRow> {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const b = await byToken(tx, token);
    if (b.status !== 'provisional' || !b.provisional_until) throw notChangeable(b);
    if (b.provisional_until <= (ctx.now ?? new Date())) throw new AppError(409, 'offer_expired', 'reservations.booking.offer_expired', {}, 'status');
    const confirmed = await repo.setStatus(tx, b.id, 'confirmed', { provisionalUntil: null });
    const r = (await resources.findFull(tx, b.resource_id))!;
    await sendBookingMail(tx, ctx.platform, ctx.tenant, r, confirmed, 'confirmed', { token });
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.booking.confirm', targetType: 'reservations_booking', targetId: b.id, personalData: true });
    return confirmed;
  });
}

/**
 * Moves a booking to another slot (and exam) in one transaction: the old seat is released and the
 * new one taken with every rule checked again; on any refusal the old booking stays as it was.
 */
export async function changeByToken(ctx: ServiceContext, token: string, to: { startsAt: string; examTypeId?: string | null }): Promise<BookResult> {
  try {
    return await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
      const b = await byToken(tx, token);
      if (!['provisional', 'confirmed'].includes(b.status) || b.starts_at <= (ctx.now ?? new Date())) throw notChangeable(b);
      await cancelIn(tx, ctx, b, { mail: false });
      return bookIn(tx, { ...ctx, actor: b.citizen_id ? { ...ctx.actor, kind: 'citizen', id: b.citizen_id } : ctx.actor }, {
        resourceId: b.resource_id, startsAt: to.startsAt, examTypeId: to.examTypeId === undefined ? b.exam_type_id : to.examTypeId,
        name: b.contact_name, kana: b.contact_kana, email: b.email, phone: b.phone, birthDate: b.birth_date, sex: b.sex, note: b.note, lang: b.lang,
      }, 'online');
    });
  } catch (err) {
    throw reservationError(err);
  }
}
