import { addDays, dayOfWeek, daysInMonth, formatIsoDate, jstDayStart, parseIsoDate } from '../../../core/ja/dates.ts';
import type { CalendarDay, DayClosure, SlotRules, Slot, SlotState } from './types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MONTH = /^(\d{4})-(\d{2})$/;

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Start minutes (after JST midnight) of the slots of a day: each window cut into slot + buffers, no slot crossing its window's end. */
export function slotMinutesOfDay(rules: SlotRules, date: string): number[] {
  const dow = dayOfWeek(date);
  const step = rules.bufferBeforeMinutes + rules.slotMinutes + rules.bufferAfterMinutes;
  const starts = new Set<number>();
  for (const w of rules.hours) {
    if (w.weekday !== dow || step <= 0) continue;
    for (let s = w.opensMin + rules.bufferBeforeMinutes; s + rules.slotMinutes + rules.bufferAfterMinutes <= w.closesMin; s += step) starts.add(s);
  }
  return [...starts].sort((a, b) => a - b);
}

/** The instant a slot starting `min` minutes after JST midnight of `date` begins. */
export function slotInstant(date: string, min: number): Date {
  return new Date(jstDayStart(date).getTime() + min * MINUTE);
}

/** The instant booking a slot of `date` opens: JST midnight `opensDaysAhead` days before. */
export function bookingOpensAt(rules: Pick<SlotRules, 'opensDaysAhead'>, date: string): Date {
  return jstDayStart(addDays(date, -rules.opensDaysAhead));
}

/** Whether a slot can be booked now as far as time goes: past, closed (too near), not yet open, or open. */
export function windowState(rules: Pick<SlotRules, 'opensDaysAhead' | 'closesHoursBefore'>, date: string, startsAt: Date, now: Date): Exclude<SlotState, 'full' | 'lottery'> {
  const start = startsAt.getTime();
  const t = now.getTime();
  if (start <= t) return 'past';
  if (start - t < rules.closesHoursBefore * HOUR) return 'closed';
  if (t < bookingOpensAt(rules, date).getTime()) return 'not_yet_open';
  return 'open';
}

/** First and last day of a month given as 'YYYY-MM'; throws RangeError on a malformed month. */
export function monthRange(month: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { from: formatIsoDate(y, mo, 1), to: formatIsoDate(y, mo, daysInMonth(y, mo)) };
}

/** What the calendar needs beside the rules: closures, seats, bookings made and the clock. */
export interface CalendarInput {
  rules: SlotRules;
  from: string;
  to: string;
  /** Why a day is closed (holiday, 年末年始, a closed date); days not in the map follow the weekly hours. */
  closures: ReadonlyMap<string, Exclude<DayClosure, null | 'no_hours'>>;
  capacity: number;
  /** Seats held per slot, keyed by the slot's UTC ISO start. Capacity stored per slot (when lowered/raised) overrides `capacity`. */
  booked: ReadonlyMap<string, number | { booked: number; capacity: number }>;
  now: Date;
  /** Slots on or before this day are allocated by lottery (not booked first-come) until drawn. */
  lotteryUntil?: string | null;
}

/** A calendar of days from `from` to `to` (JST), each with its slots, free seats and state. */
export function calendar(input: CalendarInput): CalendarDay[] {
  const days: CalendarDay[] = [];
  parseIsoDate(input.from);
  parseIsoDate(input.to);
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const weekday = dayOfWeek(date);
    const closure = input.closures.get(date) ?? null;
    const minutes = closure ? [] : slotMinutesOfDay(input.rules, date);
    const day = { start: jstDayStart(date).getTime(), opens: bookingOpensAt(input.rules, date).getTime(), lottery: !!input.lotteryUntil && date <= input.lotteryUntil };
    const slots = minutes.map((min) => buildSlot(input, date, min, day));
    const free = slots.reduce((n, s) => n + (s.state === 'open' ? s.free : 0), 0);
    days.push({ date, weekday, closed: closure ?? (minutes.length ? null : 'no_hours'), slots, free });
  }
  return days;
}

/** One slot; the day's start and booking-open instants are computed once per day (a month has hundreds of slots). */
function buildSlot(input: CalendarInput, date: string, min: number, day: { start: number; opens: number; lottery: boolean }): Slot {
  const start = day.start + min * MINUTE;
  const key = new Date(start).toISOString();
  const held = input.booked.get(key);
  const booked = typeof held === 'number' ? held : held?.booked ?? 0;
  const capacity = typeof held === 'object' ? held.capacity : input.capacity;
  const free = Math.max(0, capacity - booked);
  const now = input.now.getTime();
  let state: SlotState = start <= now ? 'past' : start - now < input.rules.closesHoursBefore * HOUR ? 'closed' : now < day.opens ? 'not_yet_open' : 'open';
  if (state === 'open' && day.lottery) state = 'lottery';
  else if (state === 'open' && free === 0) state = 'full';
  return { date, time: hhmm(min), startsAt: key, endsAt: new Date(start + input.rules.slotMinutes * MINUTE).toISOString(), capacity, booked, free, state };
}

/**
 * The slot a requested start names, or null when no slot of the resource starts then (wrong time,
 * closed day). `closure` is the day's closure, if any.
 */
export function slotAt(rules: SlotRules, startsAt: Date, closureOf: (date: string) => DayClosure): { date: string; time: string; startsAt: string; endsAt: string } | null {
  if (!Number.isFinite(startsAt.getTime())) return null;
  const date = new Date(startsAt.getTime() + 9 * HOUR).toISOString().slice(0, 10);
  if (closureOf(date)) return null;
  const min = Math.round((startsAt.getTime() - jstDayStart(date).getTime()) / MINUTE);
  if (slotInstant(date, min).getTime() !== startsAt.getTime() || !slotMinutesOfDay(rules, date).includes(min)) return null;
  return { date, time: hhmm(min), startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + rules.slotMinutes * MINUTE).toISOString() };
}
