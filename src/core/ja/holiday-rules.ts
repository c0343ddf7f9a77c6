/**
 * Japanese national holidays computed from the 祝日法 (国民の祝日に関する法律) for years the bundled
 * data does not cover. The rules follow the law as amended up to 2018 (in force from 2020) for
 * years after 2019, and the 1948 law with its amendments for 1949–1969 (no 振替休日 before 1973).
 * Names follow @holiday-jp/holiday_jp so both sources read alike.
 */
import { addDays, dayOfWeek, formatIsoDate } from './dates.ts';
import type { Holiday } from './holidays.ts';

/** 春分の日 (vernal equinox day) of a year by the standard formula, valid 1900–2150. */
export function vernalEquinoxDay(year: number): number {
  const base = year < 1980 ? 20.8357 : year < 2100 ? 20.8431 : 21.851;
  return Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

/** 秋分の日 (autumnal equinox day) of a year by the standard formula, valid 1900–2150. */
export function autumnalEquinoxDay(year: number): number {
  const base = year < 1980 ? 23.2588 : year < 2100 ? 23.2488 : 24.2488;
  return Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

/** Day of the month of the n-th Monday (Happy Monday rule). */
function nthMonday(year: number, month: number, n: number): number {
  const first = dayOfWeek(formatIsoDate(year, month, 1));
  return 1 + ((8 - first) % 7) + (n - 1) * 7;
}

type Rule = [month: number, day: number, ja: string, en: string];

function statutoryHolidays(year: number): Rule[] {
  if (year < 1949) throw new RangeError(`holidays before 1949 are not supported: ${year}`);
  const modern = year >= 2020;
  const rules: Rule[] = [
    [1, 1, '元日', "New Year's Day"],
    [1, modern ? nthMonday(year, 1, 2) : 15, '成人の日', 'Coming of Age Day'],
    [3, vernalEquinoxDay(year), '春分の日', 'Vernal Equinox Day'],
    [4, 29, modern ? '昭和の日' : '天皇誕生日', modern ? 'Showa Day' : "Emperor's Birthday"],
    [5, 3, '憲法記念日', 'Constitution Memorial Day'],
    [5, 5, 'こどもの日', "Children's Day"],
    [9, autumnalEquinoxDay(year), '秋分の日', 'Autumnal Equinox Day'],
    [11, 3, '文化の日', 'National Culture Day'],
    [11, 23, '勤労感謝の日', 'Labor Thanksgiving Day'],
  ];
  if (year >= 1967) rules.push([2, 11, '建国記念の日', 'National Foundation Day']);
  if (year >= 1966 && !modern) {
    rules.push([9, 15, '敬老の日', 'Respect for the Aged Day'], [10, 10, '体育の日', 'Health and Sports Day']);
  }
  if (modern) {
    rules.push(
      [2, 23, '天皇誕生日', "Emperor's Birthday"],
      [5, 4, 'みどりの日', 'Greenery Day'],
      [7, nthMonday(year, 7, 3), '海の日', 'Marine Day'],
      [8, 11, '山の日', 'Mountain Day'],
      [9, nthMonday(year, 9, 3), '敬老の日', 'Respect for the Aged Day'],
      [10, nthMonday(year, 10, 2), 'スポーツの日', 'Health and Sports Day'],
    );
  }
  if (year === 1959) rules.push([4, 10, '結婚の儀', 'The Rite of Wedding of HIH Crown Prince Akihito']);
  return rules;
}

/** All holidays of a year from the rules: 国民の祝日, then 振替休日 (from 1973-04-12) and 国民の休日 (from 1986). */
export function computeHolidays(year: number): Holiday[] {
  const statutory = new Map<string, Holiday>();
  for (const [m, d, ja, en] of statutoryHolidays(year)) {
    const date = formatIsoDate(year, m, d);
    statutory.set(date, { date, name: { ja, en } });
  }
  const all = new Map(statutory);
  if (year >= 1973) {
    // 振替休日: a holiday on a Sunday moves the rest day to the next day that is not a holiday.
    for (const h of statutory.values()) {
      if (dayOfWeek(h.date) !== 0 || h.date < '1973-04-12') continue;
      let next = addDays(h.date, 1);
      while (statutory.has(next)) next = addDays(next, 1);
      // Named after the holiday just before it, as the Cabinet Office data does (2026-05-06: こどもの日 振替休日).
      const before = statutory.get(addDays(next, -1))!;
      if (next.startsWith(`${year}-`)) all.set(next, { date: next, name: { ja: `${before.name.ja} 振替休日`, en: 'Holiday in lieu' } });
    }
  }
  if (year >= 1986) {
    // 国民の休日: a day that is not a 国民の祝日 but lies between two of them.
    for (const h of statutory.values()) {
      const between = addDays(h.date, 1);
      if (!statutory.has(between) && statutory.has(addDays(h.date, 2)) && !all.has(between) && dayOfWeek(between) !== 0) {
        all.set(between, { date: between, name: { ja: '休日', en: "Citizen's Holiday" } });
      }
    }
  }
  return [...all.values()].sort((a, b) => a.date.localeCompare(b.date));
}
