import { messages as ja } from './messages/ja.ts';
import { messages as en } from './messages/en.ts';

/** Languages the server answers in; the web app adds やさしい日本語 (ja-easy) and more for content. */
export type Lang = 'ja' | 'en';
/** Keys of every server-side message, checked at compile time against the Japanese catalogue. */
export type MessageKey = keyof typeof ja;

const catalogues: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** Picks ja or en from `?lang=`, a `lang` cookie or Accept-Language; Japanese when unsure. */
export function pickLang(input: { query?: string; cookie?: string; acceptLanguage?: string }): Lang {
  for (const v of [input.query, input.cookie]) {
    if (v === 'en' || (ENGLISH_CONTENT_LANGS as readonly string[]).includes(v ?? '')) return 'en';
    if (v === 'ja' || v === 'ja-easy') return 'ja';
  }
  // A reader of another language is more likely served by English messages than by Japanese ones.
  const first = (input.acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === '' || first.startsWith('ja') ? 'ja' : 'en';
}

/** Formats a message in the given language, filling `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key] ?? catalogues.ja[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Languages content records carry: Japanese, English and やさしい日本語 (plain Japanese). */
export type ContentLang = 'ja' | 'en' | 'ja-easy';

/**
 * UI languages of the web app that content records do not carry (Simplified Chinese, Korean, Vietnamese,
 * Portuguese, Nepali): their readers get the English text, which they more likely read than Japanese.
 */
export const ENGLISH_CONTENT_LANGS = ['zh-Hans', 'ko', 'vi', 'pt', 'ne'] as const;
/** A web UI language whose content is served in English. */
export type EnglishContentLang = (typeof ENGLISH_CONTENT_LANGS)[number];

/** Picks the language of content (`?lang=` or the `lang` cookie may ask for ja-easy or another UI language), else the message language. */
export function pickContentLang(input: { query?: string; cookie?: string }, fallback: Lang): ContentLang {
  for (const v of [input.query, input.cookie]) {
    if (v === 'ja' || v === 'en' || v === 'ja-easy') return v;
    if ((ENGLISH_CONTENT_LANGS as readonly string[]).includes(v ?? '')) return 'en';
  }
  return fallback;
}

/** Chooses the text of a record in the wanted language, falling back to Japanese when it has none. */
export function localized(text: { ja: string; en?: string | null; 'ja-easy'?: string | null }, lang: ContentLang): string {
  return (lang === 'en' ? text.en : lang === 'ja-easy' ? text['ja-easy'] : null) || text.ja;
}
