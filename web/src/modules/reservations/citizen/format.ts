import type { Lang } from '../../../app/i18n/index.tsx';
import { formatDate } from '../../../app/format.ts';

/** A slot's start and end in JST with 和暦 for Japanese: 令和8年11月25日（水） 9:00〜9:30. */
export function formatSlot(startsAt: string, endsAt: string | null, lang: Lang): string {
  const time = (iso: string) => new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  const weekday = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', weekday: 'short' }).format(new Date(startsAt));
  const day = formatDate(startsAt, lang, { era: true });
  const range = endsAt ? `${time(startsAt)}〜${time(endsAt)}` : time(startsAt);
  return lang === 'en' ? `${weekday} ${day}, ${range.replace('〜', '–')} (JST)` : `${day}（${weekday}） ${range}`;
}

/** A calendar date (YYYY-MM-DD) as 11月25日（水） / Wed 25 Nov. */
export function formatDay(date: string, lang: Lang): string {
  const d = new Date(`${date}T12:00:00+09:00`);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', month: lang === 'en' ? 'short' : 'long', day: 'numeric', weekday: 'short' }).format(d);
}

/** A month (YYYY-MM) as 2026年11月 / November 2026. */
export function formatMonth(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long' }).format(new Date(`${month}-15T12:00:00+09:00`));
}

/** The month before or after a YYYY-MM. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** This month in JST (YYYY-MM). */
export function thisMonthJst(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
}
