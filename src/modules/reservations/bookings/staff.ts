import { AppError, forbidden, invalid, notFound } from '../../../core/http/errors.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import { addDays, jstDayStart, parseIsoDate } from '../../../core/ja/dates.ts';
import type { ServiceContext } from '../context.ts';
import { canBookStaffResource, canProcess } from '../policy.ts';
import * as resources from '../resources/repo.ts';
import * as repo from './repo.ts';
import { cancelIn } from './manage.ts';
import { sendBookingMail } from './emails.ts';
import { icsOf, type IcsEvent } from './ics.ts';
import { bookingTitle } from './emails.ts';

/** Staff actions on one booking and the statuses each one starts from. */
export const ACTIONS = {
  'check-in': { from: ['confirmed', 'provisional'], to: 'checked_in' },
  'no-show': { from: ['confirmed', 'provisional'], to: 'no_show' },
  approve: { from: ['provisional'], to: 'confirmed' },
  undo: { from: ['checked_in', 'no_show'], to: 'confirmed' },
  cancel: { from: ['provisional', 'confirmed', 'waitlisted'], to: 'cancelled' },
} as const satisfies Record<string, { from: repo.BookingStatus[]; to: repo.BookingStatus }>;
/** Name of a staff action. */
export type StaffAction = keyof typeof ACTIONS;

/** Whether the actor may work this resource's bookings (its department, or a staff-only resource they may book). */
function mayWork(ctx: ServiceContext, r: resources.ResourceRow): boolean {
  return canProcess(ctx.actor, { departmentId: r.department_id }) || (r.staff_only && canBookStaffResource(ctx.actor));
}

async function resourceFor(ctx: ServiceContext, tx: Parameters<typeof resources.findFull>[0], id: string): Promise<resources.ResourceFull> {
  const r = await resources.findFull(tx, id);
  if (!r) throw notFound();
  if (!mayWork(ctx, r.row)) throw forbidden();
  return r;
}

/** The day's roster of a resource: every booking with contact details (an audited read of personal data). */
export async function roster(ctx: ServiceContext, resourceId: string, from: string, days = 1): Promise<{ resource: resources.ResourceFull; bookings: repo.BookingRow[] }> {
  try { parseIsoDate(from); } catch { throw invalid('date', 'YYYY-MM-DD'); }
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const resource = await resourceFor(ctx, tx, resourceId);
    const bookings = await repo.listForResource(tx, resourceId, jstDayStart(from), jstDayStart(addDays(from, days)));
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.roster.read', targetType: 'reservations_resource', targetId: resourceId, personalData: true, details: { from, days, count: bookings.length } });
    return { resource, bookings };
  });
}

/** The day's roster of every resource at a venue the actor may work (検診会場の当日名簿), in time order. */
export async function venueRoster(ctx: ServiceContext, venue: string, date: string): Promise<{ resources: resources.ResourceFull[]; bookings: repo.BookingRow[] }> {
  try { parseIsoDate(date); } catch { throw invalid('date', 'YYYY-MM-DD'); }
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const rows = (await resources.listResources(tx)).filter((r) => r.venue_ja === venue && mayWork(ctx, r));
    const list = await resources.loadRules(tx, rows);
    const bookings: repo.BookingRow[] = [];
    for (const r of list) bookings.push(...await repo.listForResource(tx, r.row.id, jstDayStart(date), jstDayStart(addDays(date, 1))));
    bookings.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime() || a.resource_id.localeCompare(b.resource_id));
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.roster.read', targetType: 'reservations_venue', targetId: venue.slice(0, 200), personalData: true, details: { date, count: bookings.length } });
    return { resources: list, bookings };
  });
}

/** Applies a staff action (check-in, no-show, approve, undo, cancel) to a booking. */
export async function act(ctx: ServiceContext, bookingId: string, action: StaffAction): Promise<{ booking: repo.BookingRow; resource: resources.ResourceFull }> {
  const rule = ACTIONS[action];
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const b = await repo.findById(tx, bookingId, true);
    if (!b) throw notFound();
    const resource = await resourceFor(ctx, tx, b.resource_id);
    // On a staff-only room or vehicle, a member without PROCESS works only the bookings they made.
    if (!canProcess(ctx.actor, { departmentId: resource.row.department_id }) && b.staff_id !== ctx.actor.id) throw forbidden();
    if (!(rule.from as readonly string[]).includes(b.status)) {
      throw new AppError(409, 'invalid_transition', 'reservations.booking.invalid_transition', { from: b.status, to: rule.to }, 'status');
    }
    if (action === 'no-show' && b.starts_at > (ctx.now ?? new Date())) throw new AppError(409, 'invalid_transition', 'reservations.booking.invalid_transition', { from: b.status, to: rule.to }, 'status');
    if (action === 'cancel') return { booking: await cancelIn(tx, ctx, b), resource };
    const booking = await repo.setStatus(tx, b.id, rule.to, { provisionalUntil: null });
    if (action === 'approve') await sendBookingMail(tx, ctx.platform, ctx.tenant, resource, booking, 'confirmed');
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: `reservations.booking.${action}`, targetType: 'reservations_booking', targetId: b.id, personalData: true });
    return { booking, resource };
  });
}

/** The iCalendar feed of a resource's bookings for the staff calendar (secret-URL token, no session). */
export async function feed(ctx: ServiceContext, token: string): Promise<string> {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await resources.findByFeedHash(tx, hashToken(token));
    if (!row) throw notFound();
    const r = (await resources.loadRules(tx, [row]))[0]!;
    const now = ctx.now ?? new Date();
    const bookings = await repo.listForResource(tx, row.id, new Date(now.getTime() - 30 * 86_400_000), new Date(now.getTime() + 400 * 86_400_000));
    const events: IcsEvent[] = bookings.filter((b) => repo.HOLDS_SEAT.includes(b.status)).map((b) => ({
      uid: b.id, start: b.starts_at, end: b.ends_at, summary: `${b.contact_name}（${b.reference}）`, location: row.venue_ja,
      description: `${bookingTitle(r, { exam_type_id: b.exam_type_id, lang: 'ja' })}\n${b.status}`,
    }));
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.feed.read', targetType: 'reservations_resource', targetId: row.id, personalData: true, details: { count: events.length } });
    return icsOf(events, { name: row.name_ja, host: ctx.platform.config.baseUrl ? new URL(ctx.platform.config.baseUrl).host : 'yakuba.invalid' });
  });
}
