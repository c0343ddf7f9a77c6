import { invalid } from '../../core/http/errors.ts';
import { addDays, parseIsoDate } from '../../core/ja/dates.ts';

/** Longest calendar one request may ask for. */
export const MAX_CALENDAR_DAYS = 400;
/** Length of the calendar when `to` is not given. */
export const DEFAULT_CALENDAR_DAYS = 62;

function day(v: string, field: string): string {
  try {
    parseIsoDate(v);
    return v;
  } catch {
    throw invalid(field, 'must be a real date YYYY-MM-DD');
  }
}

/** The range a calendar request asks for: default today (JST) + 62 days, at most 400 days; 400 naming `from` or `to` otherwise. */
export function calendarRange(from: string | undefined, to: string | undefined, today: string): { from: string; to: string } {
  const a = from ? day(from, 'from') : today;
  const b = to ? day(to, 'to') : addDays(a, DEFAULT_CALENDAR_DAYS);
  if (b < a) throw invalid('to', 'must not be before from');
  if (b > addDays(a, MAX_CALENDAR_DAYS - 1)) throw invalid('to', `at most ${MAX_CALENDAR_DAYS} days after from`);
  return { from: a, to: b };
}
