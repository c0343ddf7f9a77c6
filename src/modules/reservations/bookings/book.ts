import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../../core/db/connection.ts';
import { AppError, forbidden, invalid, notFound } from '../../../core/http/errors.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { t, type MessageKey } from '../../../core/i18n/index.ts';
import { checkEligibility, nameKey, slotAt, windowState } from '../engine/index.ts';
import { ageBasisOf, type ServiceContext } from '../context.ts';
import { isDbError, isOverbooked, reservationError } from '../db-errors.ts';
import { canBookStaffResource, canProcess } from '../policy.ts';
import * as resources from '../resources/repo.ts';
import { eligibilityOf } from '../resources/presenter.ts';
import { closureOn, slotRulesOf } from '../slots/closures.ts';
import * as repo from './repo.ts';
import { sendBookingMail } from './emails.ts';

/** What a citizen (or staff for a phone caller) sends to book. */
export interface BookInput {
  resourceId: string;
  startsAt: string;
  examTypeId?: string | null;
  /** Alternatively the exam type by its code (an application form's reservation field names it so). */
  examTypeCode?: string | null;
  name: string;
  kana?: string;
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  sex?: 'female' | 'male' | 'other' | null;
  note?: string;
  lang?: string;
  /** Join the waiting list when the slot is full (instead of a 409). */
  waitlist?: boolean;
  idempotencyKey?: string | null;
}

/** The outcome: the booking, whether this call made it, and its manage token (only when made now). */
export interface BookResult { created: boolean; booking: repo.BookingRow; resource: resources.ResourceFull; token: string | null }

const KEY = /^[\x21-\x7e]{8,200}$/;
const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A booking number people can read out on the phone: 'R' and 10 characters without I, L, O, U. */
export function newReference(): string {
  return `R${[...randomBytes(10)].map((b) => REF_ALPHABET[b % 32]).join('')}`;
}

const full = () => new AppError(409, 'slot_full', 'reservations.booking.full', {}, 'startsAt');

/** The 4xx for a slot the clock does not allow. */
function outsideWindow(state: string, r: resources.ResourceFull, date: string): AppError {
  if (state === 'not_yet_open') {
    const opens = new Date(Date.parse(`${date}T00:00:00+09:00`) - r.row.opens_days_ahead * 86_400_000);
    return new AppError(400, 'outside_window', 'reservations.booking.not_yet_open', { opensAt: `${new Date(opens.getTime() + 9 * 3600_000).toISOString().slice(0, 10)} 00:00` }, 'startsAt');
  }
  return new AppError(400, 'outside_window', state === 'past' ? 'reservations.booking.past' : 'reservations.booking.closed', { hours: r.row.closes_hours_before }, 'startsAt');
}

function requestHash(input: BookInput): string {
  const { idempotencyKey: _k, lang: _l, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/**
 * Books a seat (or a waiting-list place) in one transaction: slot exists, window open, not a lottery
 * slot, applicant eligible, per-person limit, then the insert whose trigger takes the seat — the
 * database refuses the seat too many, so two racing callers can never both get the last one.
 */
export async function bookIn(tx: Tx, ctx: ServiceContext, input: BookInput, channel: 'online' | 'staff'): Promise<BookResult> {
  const now = ctx.now ?? new Date();
  const key = input.idempotencyKey ?? null;
  if (key !== null && !KEY.test(key)) throw invalid('Idempotency-Key', '8–200 printable ASCII characters');
  const hash = requestHash(input);
  if (key) {
    const existing = await repo.findByIdempotencyKey(tx, key);
    if (existing) {
      if (existing.request_hash !== hash) throw new AppError(422, 'idempotency_mismatch', 'reservations.booking.idempotency_mismatch', {}, 'Idempotency-Key');
      return { created: false, booking: existing, resource: (await resources.findFull(tx, existing.resource_id))!, token: null };
    }
  }
  const r = await resources.findFull(tx, input.resourceId);
  if (!r || !r.row.active) throw notFound();
  if (channel === 'online' && r.row.staff_only) throw notFound();
  if (channel === 'staff' && !(canProcess(ctx.actor, { departmentId: r.row.department_id }) || (r.row.staff_only && canBookStaffResource(ctx.actor)))) throw forbidden();
  const exam = r.examTypes.length ? r.examTypes.find((e) => e.id === input.examTypeId || (!!input.examTypeCode && e.code === input.examTypeCode)) : undefined;
  if (r.examTypes.length && !exam) throw new AppError(400, 'invalid', 'reservations.booking.exam_required', {}, 'examTypeId');
  const start = new Date(input.startsAt);
  const slot = slotAt(slotRulesOf(r), start, (day) => closureOn(r, day));
  if (!slot) throw new AppError(400, 'no_such_slot', 'reservations.booking.no_such_slot', {}, 'startsAt');
  const state = windowState(slotRulesOf(r), slot.date, start, now);
  if (state !== 'open' && (channel === 'online' || state === 'past')) throw outsideWindow(state, r, slot.date);
  if (r.row.lottery_slots_until && !r.row.lottery_drawn_at && slot.date <= r.row.lottery_slots_until) throw new AppError(409, 'lottery', 'reservations.booking.lottery', {}, 'startsAt');
  const email = input.email ? normaliseEmail(input.email) : ctx.actor.kind === 'citizen' && ctx.actor.id ? await repo.citizenEmail(tx, ctx.actor.id) : null;
  const phone = input.phone?.trim() || null;
  if (channel === 'online' && !r.row.staff_only && !email && !phone) throw new AppError(400, 'invalid', 'reservations.booking.contact_required', {}, 'email');
  const person: repo.PersonRef = { citizenId: ctx.actor.kind === 'citizen' ? ctx.actor.id : null, nameKey: nameKey(input.name), birthDate: input.birthDate ?? null, email, phone };
  if (exam) {
    const earlier = exam.interval_fiscal_years ? await repo.examDatesOf(tx, person, exam.code) : [];
    const fail = checkEligibility(eligibilityOf(exam), { sex: input.sex ?? null, birthDate: input.birthDate ?? null }, slot.date, ageBasisOf(ctx.tenant), earlier);
    if (fail) throw ineligible(fail.rule, fail.params, ctx.lang === 'en' ? 'en' : 'ja');
  }
  const examKey = exam?.id ?? '';
  if (await repo.hasSameSlot(tx, person, r.row.id, examKey, start)) throw new AppError(409, 'duplicate', 'reservations.booking.duplicate', {}, 'startsAt');
  if (r.row.limit_per_person > 0 && (await repo.upcomingCount(tx, person, r.row.id, now)) >= r.row.limit_per_person) {
    throw new AppError(409, 'limit', 'reservations.booking.limit', { limit: r.row.limit_per_person }, 'startsAt');
  }
  const free = await repo.freeSeats(tx, r.row.id, examKey, start, exam?.capacity_per_slot ?? r.row.seats_per_slot);
  if (free <= 0 && !input.waitlist) throw full();
  const status: repo.BookingStatus = free <= 0 ? 'waitlisted' : r.row.approval_required && channel === 'online' ? 'provisional' : 'confirmed';
  const token = randomBytes(24).toString('base64url');
  const values: repo.NewBooking = {
    id: randomUUID(), tenant_id: ctx.tenant.id, reference: newReference(), resource_id: r.row.id, exam_type_id: exam?.id ?? null, exam_key: examKey, exam_code: exam?.code ?? null,
    starts_at: start, ends_at: new Date(slot.endsAt), status, channel, citizen_id: person.citizenId, staff_id: channel === 'staff' || r.row.staff_only ? ctx.actor.id : null,
    contact_name: input.name.trim(), contact_kana: input.kana?.trim() ?? '', name_key: person.nameKey, email, phone, birth_date: input.birthDate ?? null,
    sex: input.sex ?? null, note: input.note ?? '', lang: input.lang === 'en' || input.lang === 'ja-easy' ? input.lang : 'ja', manage_token_hash: hashToken(token),
    idempotency_key: key, request_hash: key ? hash : null, provisional_until: null,
  };
  // Mail, event and audit first, the seat last: the slot row stays locked from the insert to the commit, so
  // racers for the same slot wait for as little as possible (all of it commits or rolls back together).
  const { manage_token_hash: _h, ...shown } = values;
  const draft: repo.BookingRow = { ...shown, id: values.id!, reminded_at: null, checked_in_at: null, cancelled_at: null, created_at: now, updated_at: now };
  await sendBookingMail(tx, ctx.platform, ctx.tenant, r, draft, status, { token });
  await ctx.platform.events.publish(tx, ctx.tenant.id, 'reservations.booked', { id: draft.id, resourceId: r.row.id, startsAt: start.toISOString(), status });
  await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.booking.create', targetType: 'reservations_booking', targetId: draft.id, personalData: true, details: { channel, status } });
  const booking = await repo.insertBooking(tx, values);
  return { created: true, booking, resource: r, token };
}

/** 422 naming the eligibility rule that failed, with its figures; the field is the answer at fault. */
export function ineligible(rule: string, params: Record<string, string | number>, lang: 'ja' | 'en'): AppError {
  const field = rule === 'sex' || rule === 'sex_required' ? 'sex' : rule === 'interval' ? 'examTypeId' : 'birthDate';
  const shown = rule === 'sex' ? { ...params, sex: t(lang, `reservations.sex.${params.sex}` as MessageKey) } : params;
  return new AppError(422, 'ineligible', `reservations.eligibility.${rule}` as MessageKey, shown, field, [{ rule, ...params }]);
}

/** Books in its own transaction; a racing booking that took the last seat, or a racing retry, is answered cleanly. */
export async function book(ctx: ServiceContext, input: BookInput, channel: 'online' | 'staff'): Promise<BookResult> {
  try {
    return await ctx.platform.inTenant(ctx.tenant.id, (tx) => bookIn(tx, ctx, input, channel));
  } catch (err) {
    if (isOverbooked(err)) throw reservationError(err);
    // A racing retry with the same key: its twin committed first, so this try hit the key's unique
    // index, or (under READ COMMITTED) already saw the twin's booking as "the same person in the same
    // slot". Run again: the key lookup now answers the twin's booking (or the real 4xx).
    const twinCommitted = isDbError(err, '23505', 'idempotency_key') || (err instanceof AppError && err.code === 'duplicate');
    if (input.idempotencyKey && twinCommitted) {
      return ctx.platform.inTenant(ctx.tenant.id, (tx) => bookIn(tx, ctx, input, channel));
    }
    throw err;
  }
}
