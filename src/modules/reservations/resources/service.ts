import { randomBytes } from 'node:crypto';
import { AppError, forbidden, invalid, notFound } from '../../../core/http/errors.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import { canManage } from '../policy.ts';
import type { ServiceContext } from '../context.ts';
import { isOverbooked } from '../db-errors.ts';
import * as repo from './repo.ts';
import type { ResourceInput } from './schema.ts';
import { bookingsOnClosedDays, type ClosedDayWarning } from './closed-days.ts';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function assertManage(ctx: ServiceContext): void {
  if (!canManage(ctx.actor)) throw forbidden();
}

/** Checks what a schema cannot (hours in order, ages in order, exams of checkups) and maps input to columns. */
function toValues(input: ResourceInput): repo.ResourceValues {
  input.hours.forEach((h, i) => { if (minutes(h.opens) >= minutes(h.closes)) throw invalid(`hours[${i}].closes`, 'must be after opens'); });
  const exams = input.examTypes ?? [];
  if (input.kind === 'checkup' && !exams.length) throw invalid('examTypes', 'a checkup needs at least one exam type');
  if (input.kind !== 'checkup' && exams.length) throw invalid('examTypes', 'only checkups have exam types');
  const codes = new Set<string>();
  exams.forEach((e, i) => {
    if (e.minAge != null && e.maxAge != null && e.minAge > e.maxAge) throw invalid(`examTypes[${i}].maxAge`, 'must not be below minAge');
    if (codes.has(e.code)) throw invalid(`examTypes[${i}].code`, 'used twice');
    codes.add(e.code);
  });
  const staffOnly = input.kind === 'meeting_room' || input.kind === 'vehicle' ? true : input.staffOnly ?? false;
  return {
    kind: input.kind, staff_only: staffOnly, name_ja: input.nameJa.trim(), name_en: input.nameEn?.trim() ?? '', name_easy: input.nameEasy?.trim() ?? '',
    description_ja: input.descriptionJa ?? '', description_en: input.descriptionEn ?? '', venue_ja: input.venueJa ?? '', venue_en: input.venueEn ?? '',
    department_id: input.departmentId ?? null, slot_minutes: input.slotMinutes,
    buffer_before_minutes: input.bufferBeforeMinutes ?? 0, buffer_after_minutes: input.bufferAfterMinutes ?? 0, seats_per_slot: input.seatsPerSlot ?? 1,
    opens_days_ahead: input.opensDaysAhead ?? 60, closes_hours_before: input.closesHoursBefore ?? 24, limit_per_person: input.limitPerPerson ?? 0,
    approval_required: input.approvalRequired ?? false, close_on_holidays: input.closeOnHolidays ?? true, close_on_new_year: input.closeOnNewYear ?? true,
    lottery_entries_until: input.lottery ? new Date(input.lottery.entriesUntil) : null, lottery_slots_until: input.lottery?.slotsUntil ?? null,
    active: input.active ?? true,
  };
}

/** Writes a resource and all its rules in one transaction; a capacity below seats already booked is a 409. */
async function write(ctx: ServiceContext, id: string | null, input: ResourceInput): Promise<repo.ResourceFull> {
  const values = toValues(input);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
      if (id && !(await repo.findResource(tx, id, true))) throw notFound();
      const rid = await repo.saveResource(tx, ctx.tenant.id, id, values);
      await repo.replaceCalendar(tx, ctx.tenant.id, rid,
        input.hours.map((h) => ({ weekday: h.weekday, opens_min: minutes(h.opens), closes_min: minutes(h.closes) })),
        (input.dayOverrides ?? []).map((o) => ({ day: o.date, closed: o.closed, note: o.note ?? '' })));
      const keep: string[] = [];
      for (const [i, e] of (input.examTypes ?? []).entries()) {
        const eid = await repo.upsertExamType(tx, ctx.tenant.id, rid, {
          code: e.code, name_ja: e.nameJa.trim(), name_en: e.nameEn?.trim() ?? '', capacity_per_slot: e.capacityPerSlot,
          sex: e.sex ?? null, min_age: e.minAge ?? null, max_age: e.maxAge ?? null, interval_fiscal_years: e.intervalFiscalYears ?? null, sort: i,
        });
        keep.push(eid);
        await capacity(() => repo.setUpcomingCapacity(tx, rid, eid, e.capacityPerSlot), `examTypes[${i}].capacityPerSlot`);
      }
      if (!(await repo.deleteOtherExamTypes(tx, rid, keep))) throw new AppError(409, 'exam_type_in_use', 'reservations.resource.exam_type_in_use', {}, 'examTypes');
      await capacity(() => repo.setUpcomingCapacity(tx, rid, '', values.seats_per_slot), 'seatsPerSlot');
      await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: id ? 'reservations.resource.update' : 'reservations.resource.create', targetType: 'reservations_resource', targetId: rid });
      return (await repo.findFull(tx, rid))!;
    });
}

async function capacity(fn: () => Promise<void>, field: string): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (isOverbooked(err)) throw new AppError(409, 'capacity_below_booked', 'reservations.resource.capacity_below_booked', {}, field);
    throw err;
  }
}

/** Creates a resource with its rules. */
export async function createResource(ctx: ServiceContext, input: ResourceInput): Promise<repo.ResourceFull> {
  assertManage(ctx);
  return write(ctx, null, input);
}

/** Replaces a resource's rules (hours, exam types, closed days); upcoming bookings stay. */
export async function replaceResource(ctx: ServiceContext, id: string, input: ResourceInput): Promise<repo.ResourceFull> {
  assertManage(ctx);
  return write(ctx, id, input);
}

/** Replaces a resource's rules and lists the days the new rules close that still hold live bookings. */
export async function replaceResourceWithWarnings(ctx: ServiceContext, id: string, input: ResourceInput): Promise<{ resource: repo.ResourceFull; bookingsOnClosedDays: ClosedDayWarning[] }> {
  const resource = await replaceResource(ctx, id, input);
  const perDay = await ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.liveBookingsPerDay(tx, id, ctx.now ?? new Date()));
  return { resource, bookingsOnClosedDays: bookingsOnClosedDays(input, perDay) };
}

/** Every resource of the tenant for the console. */
export async function listForStaff(ctx: ServiceContext): Promise<repo.ResourceFull[]> {
  if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'system') throw forbidden();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => repo.loadRules(tx, await repo.listResources(tx)));
}

/** One resource for the console. */
export async function getForStaff(ctx: ServiceContext, id: string): Promise<repo.ResourceFull> {
  if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'system') throw forbidden();
  const r = await ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.findFull(tx, id));
  if (!r) throw notFound();
  return r;
}

/** Deletes a resource without bookings (409 otherwise: deactivate it instead). */
export async function deleteResource(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.findResource(tx, id, true))) throw notFound();
    if (!(await repo.deleteResource(tx, id))) throw new AppError(409, 'resource_in_use', 'reservations.resource.in_use', {}, 'id');
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.resource.delete', targetType: 'reservations_resource', targetId: id });
  });
}

/** Turns on (new token, returned once) or off the iCalendar feed of a resource's bookings. */
export async function rotateFeedToken(ctx: ServiceContext, id: string, enable: boolean): Promise<string | null> {
  assertManage(ctx);
  const token = enable ? randomBytes(24).toString('base64url') : null;
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.findResource(tx, id, true))) throw notFound();
    await repo.setFeedTokenHash(tx, id, token ? hashToken(token) : null);
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: 'reservations.resource.feed', targetType: 'reservations_resource', targetId: id, details: { enabled: enable } });
  });
  return token;
}

/** Active resources citizens may book (staff-only ones never appear). */
export async function listPublic(ctx: ServiceContext): Promise<repo.ResourceFull[]> {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => repo.loadRules(tx, await repo.listResources(tx, { publicOnly: true })));
}

/** One resource a citizen may see, or 404 (staff-only and inactive ones are hidden; staff see staff-only ones). */
export async function getBookable(ctx: ServiceContext, id: string): Promise<repo.ResourceFull> {
  const r = await ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.findFull(tx, id));
  if (!r || !r.row.active || (r.row.staff_only && ctx.actor.kind !== 'staff')) throw notFound();
  return r;
}
