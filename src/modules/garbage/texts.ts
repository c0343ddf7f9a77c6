import { Type } from '@sinclair/typebox';
import { invalid } from '../../core/http/errors.ts';
import { GARBAGE_LANGS, type GarbageLang, type Texts } from './engine/types.ts';

/**
 * A multilingual text as staff send it: `ja` required, other keys only from GARBAGE_LANGS (an unknown
 * key is refused with its name as the field, e.g. `name.fr`).
 */
export function TextsSchema(maxLength: number, description: string, jaRequired = true) {
  const other = () => Type.Optional(Type.String({ maxLength }));
  return Type.Object({
    ja: Type.String({ minLength: jaRequired ? 1 : 0, maxLength }),
    'ja-easy': other(), en: other(), 'zh-Hans': other(), ko: other(), vi: other(), pt: other(), ne: other(),
  }, { additionalProperties: false, description: `${description} — {ja, ja-easy, en, zh-Hans, ko, vi, pt, ne}, ja required` });
}

/** Texts trimmed, empty translations dropped; 400 naming `field.ja` when Japanese is blank and required. */
export function cleanTexts(t: Record<string, string | undefined>, field: string, jaRequired = true): Texts {
  const out: Record<string, string> = {};
  for (const lang of GARBAGE_LANGS) {
    const v = t[lang]?.trim();
    if (v) out[lang] = v;
  }
  if (!out.ja) {
    if (jaRequired) throw invalid(`${field}.ja`, 'Japanese text is required');
    out.ja = '';
  }
  return out as Texts;
}

/** The text in a language, falling back to English and then Japanese. */
export function textIn(t: Texts | null | undefined, lang: GarbageLang): string {
  if (!t) return '';
  return t[lang as keyof Texts] || (lang === 'ja-easy' ? '' : t.en) || t.ja;
}

// Katakana letters, ・ and ー (U+30A1–U+30FE), ASCII and ideographic spaces.
const KATAKANA = /^[\u30A1-\u30FE \u3000]*$/;

/** A reading (読み) trimmed and checked: katakana, ー, ・ and spaces only; 400 naming the field otherwise. */
export function cleanReading(s: string, field = 'reading'): string {
  const v = s.normalize('NFKC').trim();
  if (!KATAKANA.test(v)) throw invalid(field, 'must be katakana');
  return v;
}

/** The content language of a request: `?lang=`, then the `lang` cookie (any garbage language), then the message language. */
export function garbageLangOf(query: string | undefined, cookie: string | undefined, fallback: 'ja' | 'en'): GarbageLang {
  for (const v of [query, cookie]) if (v && (GARBAGE_LANGS as readonly string[]).includes(v)) return v as GarbageLang;
  return fallback;
}
