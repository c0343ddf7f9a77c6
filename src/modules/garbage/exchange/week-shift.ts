/**
 * 5374's `WeekShift = true` (js/setting.js; Kanazawa's setting): while a センター is closed, weekly and
 * nth-weekday collections of the month move one week later instead of being dropped. script.js does it
 * per token and month: walking weeks 0…4 from the month's first such weekday, once a week's date falls
 * in the closure every later date of that month is pushed by 7 days, and dates pushed out of the month
 * are lost (so a 5th Friday can vanish). This reproduces that as date exceptions: `collect` where 5374
 * collects and the plain rule does not, `cancel` where the plain rule collects outside the closure and
 * 5374 does not. Dates inside the closure are left to the suspension.
 */
import { addDays, daysInMonth, dayOfWeek, formatIsoDate } from '../../../core/ja/dates.ts';
import type { CollectionException, Rule, Suspension } from '../engine/types.ts';

function monthsBetween(from: string, to: string): [number, number][] {
  const out: [number, number][] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push([y, m]);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The dates 5374 shows for one token in one month: `nth` null for a weekly token. */
function datesOf5374(y: number, m: number, weekday: number, nth: number | null, closure: Suspension | null): string[] {
  const first1 = formatIsoDate(y, m, 1);
  const first = addDays(first1, (7 + weekday - dayOfWeek(first1)) % 7);
  const last = formatIsoDate(y, m, daysInMonth(y, m));
  const out: string[] = [];
  let shift = false;
  for (let week = 0; week < 5; week++) {
    let d = addDays(first, week * 7);
    if (closure && closure.from <= d && d <= closure.to) shift = true;
    if (shift) d = addDays(d, 7);
    if (d > last) continue;
    if (nth !== null && week !== nth - 1) continue;
    out.push(d);
  }
  return out;
}

function tokensOf(rule: Rule): { weekday: number; nth: number | null }[] {
  if (rule.pattern.kind === 'weekly') return rule.pattern.weekdays.map((weekday) => ({ weekday, nth: null }));
  if (rule.pattern.kind === 'nth_weekday') {
    const { weekday } = rule.pattern;
    return rule.pattern.nths.map((nth) => ({ weekday, nth }));
  }
  return [];
}

/** Exceptions that make the calendar of `rules` under `closure` what 5374 shows with WeekShift on. */
export function weekShiftExceptions(closure: Suspension, rules: readonly Rule[]): CollectionException[] {
  const out: CollectionException[] = [];
  for (const rule of rules) {
    if (!closure.areaIds.includes(rule.areaId)) continue;
    for (const [y, m] of monthsBetween(closure.from, closure.to)) {
      if (rule.months.length && !rule.months.includes(m)) continue;
      const shifted = new Set<string>();
      const plain = new Set<string>();
      for (const t of tokensOf(rule)) {
        for (const d of datesOf5374(y, m, t.weekday, t.nth, closure)) shifted.add(d);
        for (const d of datesOf5374(y, m, t.weekday, t.nth, null)) plain.add(d);
      }
      const add = (date: string, action: 'collect' | 'cancel'): void => {
        if (!out.some((e) => e.date === date && e.areaId === rule.areaId && e.categoryId === rule.categoryId)) {
          out.push({ id: crypto.randomUUID(), date, areaId: rule.areaId, categoryId: rule.categoryId, action, to: null, note: closure.note });
        }
      };
      for (const d of [...shifted].sort()) if (!plain.has(d)) add(d, 'collect');
      for (const d of [...plain].sort()) if (!shifted.has(d) && (d < closure.from || d > closure.to)) add(d, 'cancel');
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
