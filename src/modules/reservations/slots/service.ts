import { AppError, invalid, notFound } from '../../../core/http/errors.ts';
import { addDays, jstDayStart } from '../../../core/ja/dates.ts';
import { holidayOn } from '../../../core/ja/holidays.ts';
import { calendar, monthRange, type CalendarDay } from '../engine/index.ts';
import type { ServiceContext } from '../context.ts';
import * as resources from '../resources/repo.ts';
import { slotCounts } from '../bookings/repo.ts';
import { closuresOf, slotRulesOf } from './closures.ts';

/** A month of a resource's slots (for one exam of a checkup), with free seats and states, in JST days. */
export interface MonthCalendar {
  resourceId: string;
  examTypeId: string | null;
  month: string;
  days: (CalendarDay & { note: string | null })[];
}

/** What a calendar shows under a day: the holiday's name, or staff's note on a closed or specially opened day. */
function dayNote(date: string, closed: CalendarDay['closed'], notes: Map<string, string>, lang: string): string | null {
  if (notes.get(date)) return notes.get(date)!;
  if (closed === 'holiday') return holidayOn(date)?.name[lang === 'en' ? 'en' : 'ja'] ?? null;
  return null;
}

/** Days of [from, to] with their slots for one resource and exam, given the seats held per slot. */
export function daysOf(ctx: ServiceContext, r: resources.ResourceFull, exam: resources.ExamTypeRow | undefined, from: string, to: string, booked: Awaited<ReturnType<typeof slotCounts>>): CalendarDay[] {
  return calendar({
    rules: slotRulesOf(r), from, to, closures: closuresOf(r, from, to), capacity: exam?.capacity_per_slot ?? r.row.seats_per_slot,
    booked, now: ctx.now ?? new Date(), lotteryUntil: r.row.lottery_drawn_at ? null : r.row.lottery_slots_until,
  });
}

/** The month calendar citizens (and staff, for staff-only resources) book from: one transaction, then pure computation. */
export async function monthOf(ctx: ServiceContext, resourceId: string, month: string, examTypeId: string | null): Promise<MonthCalendar> {
  let range: { from: string; to: string };
  try {
    range = monthRange(month);
  } catch {
    throw invalid('month', 'YYYY-MM');
  }
  const { r, exam, booked } = await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const r = await resources.findFull(tx, resourceId);
    if (!r || !r.row.active || (r.row.staff_only && ctx.actor.kind !== 'staff')) throw notFound();
    const exam = r.examTypes.length ? r.examTypes.find((e) => e.id === examTypeId) : undefined;
    if (r.examTypes.length && !exam) throw new AppError(400, 'invalid', 'reservations.booking.exam_required', {}, 'examTypeId');
    return { r, exam, booked: await slotCounts(tx, r.row.id, exam?.id ?? '', jstDayStart(range.from), jstDayStart(addDays(range.to, 1))) };
  });
  const notes = new Map(r.overrides.map((o) => [o.day, o.note]));
  const days = daysOf(ctx, r, exam, range.from, range.to, booked).map((d) => ({ ...d, note: dayNote(d.date, d.closed, notes, ctx.lang) }));
  return { resourceId, examTypeId, month, days };
}
