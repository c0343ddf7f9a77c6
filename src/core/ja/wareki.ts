/**
 * 和暦 (Japanese era calendar) formatting and parsing, 明治 to 令和.
 *
 * Start dates: 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01. For 明治 we use the
 * conventional 1868-01-25 (明治元年1月1日 of the old calendar; the 改元 of 1868-10-23 was declared to
 * apply from the start of that year), so every day of Gregorian 1868 from 01-25 is 明治元年.
 * Month and day are always Gregorian: before 明治6年 (1873) Japan used a lunisolar calendar, which
 * this module does not convert. Days before 1868-01-25 have no era here (RangeError / null).
 *
 * An era's last day is the day before the next one starts: 平成31年4月30日 is valid, 平成31年5月1日
 * is rejected (it is 令和元年5月1日), as are 平成32年…, 昭和64年1月8日 and 令和元年4月30日.
 */
import { asJstDate, formatIsoDate, isValidYmd, parseIsoDate } from './dates.ts';

/** One era: names, the Latin initial used in abbreviations (R6, H31), and its first day. */
export interface Era {
  name: string;
  nameEn: string;
  initial: 'M' | 'T' | 'S' | 'H' | 'R';
  start: string;
}

/** The eras, newest first. */
export const ERAS: readonly Era[] = [
  { name: '令和', nameEn: 'Reiwa', initial: 'R', start: '2019-05-01' },
  { name: '平成', nameEn: 'Heisei', initial: 'H', start: '1989-01-08' },
  { name: '昭和', nameEn: 'Showa', initial: 'S', start: '1926-12-25' },
  { name: '大正', nameEn: 'Taisho', initial: 'T', start: '1912-07-30' },
  { name: '明治', nameEn: 'Meiji', initial: 'M', start: '1868-01-25' },
];

/** A day expressed in an era: 令和6年4月1日 → { era: 令和, year: 6, month: 4, day: 1 }. */
export interface WarekiDate {
  era: Era;
  year: number;
  month: number;
  day: number;
}

/** The era and era year of a day ('YYYY-MM-DD') or instant (read in JST); RangeError before 明治. */
export function toWarekiParts(date: Date | string): WarekiDate {
  const iso = asJstDate(date);
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) throw new RangeError(`before the Meiji era: ${iso}`);
  const { y, m, d } = parseIsoDate(iso);
  return { era, year: y - Number(era.start.slice(0, 4)) + 1, month: m, day: d };
}

/** Options for toWareki. */
export interface WarekiFormat {
  /** 'long' (default): 令和6年4月1日; 'short': R6.4.1; 'year': 令和6年. */
  style?: 'long' | 'short' | 'year';
  /** Write the first year as 元年 (default true; long and year styles only). */
  gannen?: boolean;
  /** Digits as ASCII (default) or full-width (６). */
  digits?: 'ascii' | 'fullwidth';
}

const toFullwidth = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Formats a day in 和暦: toWareki('2024-04-01') → '令和6年4月1日'; toWareki('2019-05-01') → '令和元年5月1日'. */
export function toWareki(date: Date | string, format: WarekiFormat = {}): string {
  const w = toWarekiParts(date);
  const style = format.style ?? 'long';
  let text: string;
  if (style === 'short') {
    text = `${w.era.initial}${w.year}.${w.month}.${w.day}`;
  } else {
    const year = w.year === 1 && format.gannen !== false ? '元' : String(w.year);
    text = style === 'year' ? `${w.era.name}${year}年` : `${w.era.name}${year}年${w.month}月${w.day}日`;
  }
  return format.digits === 'fullwidth' ? toFullwidth(text) : text;
}

/** The Gregorian year of an era year; null when that era never had such a year (平成32, 令和0). */
export function warekiYearToGregorian(eraName: string, year: number): number | null {
  const index = ERAS.findIndex((e) => e.name === eraName || e.initial === eraName.toUpperCase());
  const era = ERAS[index];
  if (!era || !Number.isInteger(year) || year < 1) return null;
  const gregorian = Number(era.start.slice(0, 4)) + year - 1;
  const next = ERAS[index - 1];
  if (next && gregorian > Number(next.start.slice(0, 4))) return null;
  return gregorian;
}

// Era by full name or initial, year as digits or 元, then month and day with 年月日 or . / - separators.
const PATTERN = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2}))$/i;
const YEAR_ONLY = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*年?$/i;

const KANJI_DIGITS = '〇一二三四五六七八九';

/** 漢数字 up to 99 as written in dates: 六, 十, 十二, 二十, 三十一, and digit by digit (二〇). */
function kanjiNumber(text: string): string {
  if (!text.includes('十')) return [...text].map((c) => KANJI_DIGITS.indexOf(c)).join('');
  const [tens, ones] = text.split('十');
  if (text.split('十').length > 2 || (tens ?? '').length > 1 || (ones ?? '').length > 1) return text;
  return String((tens ? KANJI_DIGITS.indexOf(tens) : 1) * 10 + (ones ? KANJI_DIGITS.indexOf(ones) : 0));
}

function normaliseInput(text: string): string {
  // NFKC turns full-width digits, letters and ．／－ into ASCII, and the ㋿ / ㍻ ligatures into 令和 / 平成.
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[〇一二三四五六七八九十]+/g, kanjiNumber);
}

/**
 * Parses a 和暦 date into 'YYYY-MM-DD', or null when it is malformed, impossible (2月30日) or outside
 * its era (平成31年5月1日). Accepts 令和6年4月1日, 令和元年5月1日, full-width digits, 漢数字 (令和六年四月一日,
 * 平成三十一年), R6.4.1, H31/4/30, S64-1-7.
 */
export function parseWareki(text: string): string | null {
  const match = PATTERN.exec(normaliseInput(text));
  if (!match) return null;
  const [, eraText, yearText, m1, d1, m2, d2] = match;
  const era = ERAS.find((e) => e.name === eraText || e.initial === eraText!.toUpperCase())!;
  const year = yearText === '元' ? 1 : Number(yearText);
  const gregorian = warekiYearToGregorian(era.name, year);
  const month = Number(m1 ?? m2);
  const day = Number(d1 ?? d2);
  if (gregorian === null || !isValidYmd(gregorian, month, day)) return null;
  const iso = formatIsoDate(gregorian, month, day);
  // Must fall inside the era: on or after its start and before the next era's start.
  const index = ERAS.indexOf(era);
  if (iso < era.start) return null;
  if (index > 0 && iso >= ERAS[index - 1]!.start) return null;
  return iso;
}

/** Parses an era year alone (令和6年, R6, 平成元年) into the Gregorian year, or null. */
export function parseWarekiYear(text: string): number | null {
  const match = YEAR_ONLY.exec(normaliseInput(text));
  if (!match) return null;
  return warekiYearToGregorian(match[1]!, match[2] === '元' ? 1 : Number(match[2]));
}
