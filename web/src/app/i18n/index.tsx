import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ja } from './ja.ts';
import { en } from './en.ts';
import { jaEasy } from './ja-easy.ts';
import { zhHans } from './zh-Hans.ts';
import { ko } from './ko.ts';
import { vi } from './vi.ts';
import { pt } from './pt.ts';
import { ne } from './ne.ts';

/**
 * Languages of the UI: Japanese (default), English, やさしい日本語 (plain Japanese for citizens) and the
 * languages of the larger foreign communities: Simplified Chinese, Korean, Vietnamese, Brazilian
 * Portuguese and Nepali. Those five cover the citizen pages; staff pages fall back to English.
 */
export type Lang = 'ja' | 'en' | 'ja-easy' | 'zh-Hans' | 'ko' | 'vi' | 'pt' | 'ne';
/** The three languages every page offers, shown as buttons. */
export const MAIN_LANGS: Lang[] = ['ja', 'en', 'ja-easy'];
/** The community languages, offered in a list beside the buttons. */
export const OTHER_LANGS: Lang[] = ['zh-Hans', 'ko', 'vi', 'pt', 'ne'];
/** Every UI language, in the switcher's order. */
export const LANGS: Lang[] = [...MAIN_LANGS, ...OTHER_LANGS];

/** Text a record or the server gives in several languages; ja is always there. */
export interface LocalText { ja: string; en: string; 'ja-easy'?: string; 'zh-Hans'?: string; ko?: string; vi?: string; pt?: string; ne?: string }

/** Languages records carry their own texts in (forms, notices); the server's ContentLang too. */
export type ContentLang = 'ja' | 'en' | 'ja-easy';
/** The language to show a record's texts in: readers of the community languages get the English text. */
export function contentLang(lang: Lang): ContentLang {
  return lang === 'ja' || lang === 'ja-easy' ? lang : 'en';
}

/** A message catalogue: key → text with {name} placeholders. */
export type Catalogue = Record<string, string>;

const catalogues: Record<Lang, Catalogue> = {
  ja: { ...ja }, en: { ...en }, 'ja-easy': { ...jaEasy },
  'zh-Hans': { ...zhHans }, ko: { ...ko }, vi: { ...vi }, pt: { ...pt }, ne: { ...ne },
};

/**
 * Adds a module's messages to the catalogues (call at import time from web/src/modules/<id>/index.ts).
 * Any language may be partial or missing: its keys then fall back (see `translate`).
 */
export function addMessages(messages: Partial<Record<Lang, Catalogue>>): void {
  for (const lang of LANGS) Object.assign(catalogues[lang], messages[lang] ?? {});
}

/** Every key of a language's catalogue (used by the catalogue completeness test). */
export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(catalogues[lang]);
}

/** Where a language looks when its catalogue lacks a key. */
function chain(lang: Lang): Lang[] {
  // やさしい日本語 readers read Japanese; readers of the community languages more likely read English.
  if (lang === 'ja' || lang === 'ja-easy') return [lang, 'ja'];
  return lang === 'en' ? ['en', 'ja'] : [lang, 'en', 'ja'];
}

/** Looks a key up in the language's catalogue, then along its fallback chain (see `chain`). */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  let text: string | undefined;
  for (const l of chain(lang)) if ((text = catalogues[l][key]) !== undefined) break;
  if (text === undefined) {
    if (import.meta.env.DEV) console.warn(`i18n: missing key ${key}`);
    return key;
  }
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** Picks the text of a LocalText in the UI language. */
export function pickText(text: Partial<LocalText> | null | undefined, lang: Lang): string {
  if (!text) return '';
  for (const l of chain(lang)) if (text[l]) return text[l];
  return text.ja || text.en || '';
}

const STORAGE_KEY = 'yakuba.lang';

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as string[]).includes(v);
}

function initialLang(): Lang {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  if (isLang(fromQuery)) return fromQuery;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch { /* storage blocked: fall through */ }
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('lang='))?.slice(5);
  if (isLang(cookie)) return cookie;
  return 'ja';
}

/** The BCP 47 tag for <html lang>: やさしい日本語 is Japanese; the others are their own tags. */
export function htmlLang(lang: Lang): string {
  return lang === 'ja-easy' ? 'ja' : lang;
}

function remember(lang: Lang): void {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* private mode */ }
  // The server localises API messages and content from this cookie.
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax${location.protocol === 'https:' ? '; secure' : ''}`;
  document.documentElement.lang = htmlLang(lang);
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, params?: Record<string, string | number>): string;
  /** Picks a LocalText in the current language. */
  pick(text: Partial<LocalText> | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the UI language, remembers it (localStorage + `lang` cookie) and keeps <html lang> in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => remember(lang), [lang]);
  const setLang = useCallback((l: Lang) => setLangState(l), []);
  const value = useMemo<I18n>(() => ({
    lang,
    setLang,
    t: (key, params) => translate(lang, key, params),
    pick: (text) => pickText(text, lang),
  }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and the translate function. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
