/**
 * Calendar helpers in Japan Standard Time. JST is UTC+9 all year (no daylight saving), so a fixed
 * offset is exact. Calendar days travel as ISO strings 'YYYY-MM-DD'; instants as Date.
 */

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The JST calendar day ('YYYY-MM-DD') of an instant (Date, epoch ms or an ISO timestamp string). */
export function toJstDateString(instant: Date | number | string): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a JST calendar day begins (00:00 JST = 15:00 UTC of the day before). */
export function jstDayStart(isoDate: string): Date {
  const { y, m, d } = parseIsoDate(isoDate);
  return new Date(Date.UTC(y, m - 1, d) - JST_OFFSET_MS);
}

/** Splits a valid 'YYYY-MM-DD' into numbers; throws RangeError on a malformed or impossible date. */
export function parseIsoDate(isoDate: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (!isValidYmd(y, m, d)) throw new RangeError(`no such date: ${isoDate}`);
  return { y, m, d };
}

/** True when year/month/day name a real Gregorian date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Number of days in a Gregorian month (1-based month). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Formats numbers as 'YYYY-MM-DD'. */
export function formatIsoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts an ISO day string as is, or turns an instant into its JST day. */
export function asJstDate(date: Date | string): string {
  if (typeof date === 'string' && ISO_DATE.test(date)) {
    parseIsoDate(date);
    return date;
  }
  return toJstDateString(date);
}

/** The ISO day `n` days after (negative: before) the given one. */
export function addDays(isoDate: string, n: number): string {
  const { y, m, d } = parseIsoDate(isoDate);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of an ISO day: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  const { y, m, d } = parseIsoDate(isoDate);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** 年度 (fiscal year, April to March) of a day or instant (instants are read in JST): 2025-03-31 → 2024. */
export function fiscalYear(date: Date | string): number {
  const { y, m } = parseIsoDate(asJstDate(date));
  return m >= 4 ? y : y - 1;
}

/** First and last day of a 年度: fiscalYearRange(2024) → { from: '2024-04-01', to: '2025-03-31' }. */
export function fiscalYearRange(fy: number): { from: string; to: string } {
  return { from: formatIsoDate(fy, 4, 1), to: formatIsoDate(fy + 1, 3, 31) };
}
