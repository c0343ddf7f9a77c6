import type { Texts } from '../engine.ts';

/** A bundle text in the UI language: やさしい日本語 falls back to ja; other languages to en, then ja. */
export function pickTexts(texts: Texts | null | undefined, lang: string): string {
  if (!texts) return '';
  const own = (texts as Record<string, string | undefined>)[lang];
  if (own) return own;
  return lang === 'ja-easy' ? texts.ja : texts.en || texts.ja;
}

const LOCALES: Record<string, string> = { ja: 'ja-JP', 'ja-easy': 'ja-JP', en: 'en-GB', 'zh-Hans': 'zh-Hans-CN', ko: 'ko-KR', vi: 'vi-VN', pt: 'pt-BR', ne: 'ne-NP' };

/** The Intl locale of a UI language. */
export const localeOf = (lang: string): string => LOCALES[lang] ?? 'ja-JP';

// ISO days are calendar days: format them at UTC so no time zone shifts them.
const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** 11月23日(月) / Mon 23 Nov. */
export function formatDay(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(utc(iso));
}

/** 2026年11月 / November 2026, of `YYYY-MM`. */
export function formatMonth(month: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(`${month}-01`));
}

/** The short weekday names, Sunday first. */
export function weekdayNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
  return [0, 1, 2, 3, 4, 5, 6].map((d) => f.format(utc(`2026-11-${String(1 + d).padStart(2, '0')}`)));
}

/** The month `YYYY-MM` n months after another. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}
