import { addDays } from '../../../core/ja/dates.ts';
import { isHoliday, isNewYearClosure } from '../../../core/ja/holidays.ts';
import type { DayClosure, SlotRules } from '../engine/index.ts';
import type { ResourceFull } from '../resources/repo.ts';

/**
 * Why each day of [from, to] is closed for a resource: its closed dates, national holidays and
 * 年末年始 (unless the resource opts out, or a day override opens that day). Server-side because the
 * holiday table is not shared code (ADR 002); the browser gets the result with the calendar.
 */
export function closuresOf(r: ResourceFull, from: string, to: string): Map<string, 'holiday' | 'new_year' | 'closed'> {
  const overrides = new Map(r.overrides.map((o) => [o.day, o.closed]));
  const out = new Map<string, 'holiday' | 'new_year' | 'closed'>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const o = overrides.get(day);
    if (o === true) out.set(day, 'closed');
    else if (o === false) continue;
    else if (r.row.close_on_new_year && isNewYearClosure(day)) out.set(day, 'new_year');
    else if (r.row.close_on_holidays && isHoliday(day)) out.set(day, 'holiday');
  }
  return out;
}

/** The closure of one day (for checking a requested slot). */
export function closureOn(r: ResourceFull, day: string): DayClosure {
  return closuresOf(r, day, day).get(day) ?? null;
}

/** The engine's timing rules of a resource. */
export function slotRulesOf(r: ResourceFull): SlotRules {
  return {
    slotMinutes: r.row.slot_minutes,
    bufferBeforeMinutes: r.row.buffer_before_minutes,
    bufferAfterMinutes: r.row.buffer_after_minutes,
    opensDaysAhead: r.row.opens_days_ahead,
    closesHoursBefore: r.row.closes_hours_before,
    hours: r.hours.map((h) => ({ weekday: h.weekday, opensMin: h.opens_min, closesMin: h.closes_min })),
  };
}
