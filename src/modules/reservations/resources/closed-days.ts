import { dayOfWeek } from '../../../core/ja/dates.ts';
import type { ResourceInput } from './schema.ts';

export interface ClosedDayWarning { date: string; count: number }

/**
 * Days with live bookings that the saved rules close (a closed-day override, or a weekday left without
 * hours): the bookings stay, so staff must call or cancel those people rather than strand them.
 */
export function bookingsOnClosedDays(input: Pick<ResourceInput, 'hours' | 'dayOverrides'>, perDay: { day: string; n: number }[]): ClosedDayWarning[] {
  const overrides = new Map((input.dayOverrides ?? []).map((o) => [o.date, o.closed]));
  const openWeekdays = new Set(input.hours.map((h) => h.weekday));
  return perDay
    .filter(({ day }) => overrides.get(day) ?? !openWeekdays.has(dayOfWeek(day)))
    .map(({ day, n }) => ({ date: day, count: Number(n) }));
}
