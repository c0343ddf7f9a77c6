/**
 * National holidays of Japan (国民の祝日, 振替休日, 国民の休日) and the 年末年始 closure of offices.
 *
 * 1970–2050 come from @holiday-jp/holiday_jp (Cabinet Office data, including one-off days such as
 * 即位礼正殿の儀 and the Olympic moves of 2020–2021). Other years are computed from the 祝日法 rules
 * (see holiday-rules.ts); 春分・秋分 use the standard approximation formula, which the 国立天文台
 * confirms only each February for the following year, so far-future equinoxes are predictions.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, asJstDate, parseIsoDate } from './dates.ts';
import { computeHolidays } from './holiday-rules.ts';

/** One holiday: its day and its names. */
export interface Holiday {
  date: string;
  name: { ja: string; en: string };
}

/** First and last year the bundled data covers; outside them holidays are computed. */
export const DATA_FIRST_YEAR = 1970;
export const DATA_LAST_YEAR = 2050;

const byYear = new Map<number, Holiday[]>();

function dataYear(year: number): Holiday[] {
  const list: Holiday[] = [];
  for (const h of Object.values(holidayJp.holidays) as { date: string; name: string; name_en: string }[]) {
    if (h.date.startsWith(`${year}-`)) list.push({ date: h.date, name: { ja: h.name, en: h.name_en } });
  }
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** Every holiday of a calendar year, in date order. */
export function holidaysOfYear(year: number): Holiday[] {
  let list = byYear.get(year);
  if (!list) {
    list = year >= DATA_FIRST_YEAR && year <= DATA_LAST_YEAR ? dataYear(year) : computeHolidays(year);
    byYear.set(year, list);
  }
  return list;
}

/** The holiday on a day ('YYYY-MM-DD', or an instant read in JST), or null. */
export function holidayOn(date: Date | string): Holiday | null {
  const iso = asJstDate(date);
  return holidaysOfYear(parseIsoDate(iso).y).find((h) => h.date === iso) ?? null;
}

/** True when the day is a national holiday, 振替休日 or 国民の休日 (not for plain weekends). */
export function isHoliday(date: Date | string): boolean {
  return holidayOn(date) !== null;
}

/** Holidays from `from` to `to`, both included, in date order. */
export function holidaysBetween(from: Date | string, to: Date | string): Holiday[] {
  const a = asJstDate(from);
  const b = asJstDate(to);
  const out: Holiday[] = [];
  for (let y = parseIsoDate(a).y; y <= parseIsoDate(b).y; y++) {
    for (const h of holidaysOfYear(y)) if (h.date >= a && h.date <= b) out.push(h);
  }
  return out;
}

/** True during 年末年始 (12/29 to 1/3), when municipal offices are closed by ordinance. */
export function isNewYearClosure(date: Date | string): boolean {
  const { m, d } = parseIsoDate(asJstDate(date));
  return (m === 12 && d >= 29) || (m === 1 && d <= 3);
}

/** True when offices are open: a weekday that is neither a holiday nor 年末年始. */
export function isBusinessDay(date: Date | string): boolean {
  const iso = asJstDate(date);
  const { y, m, d } = parseIsoDate(iso);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return dow !== 0 && dow !== 6 && !isHoliday(iso) && !isNewYearClosure(iso);
}

/** The `n`-th business day after a day (n ≥ 1), e.g. for 開庁日 deadlines. */
export function addBusinessDays(date: Date | string, n: number): string {
  let iso = asJstDate(date);
  for (let left = n; left > 0;) {
    iso = addDays(iso, 1);
    if (isBusinessDay(iso)) left--;
  }
  return iso;
}
