/**
 * Normalisation of Japanese text for search, and bigrams for matching without a dictionary
 * (the approach of pg_bigm).
 *
 * normalizeForSearch, in order:
 * 1. stand-alone ゛゜ become combining marks so that か゛ composes to が;
 * 2. NFKC: full-width ASCII → ASCII, half-width kana → full-width (ｶﾞ → ガ), ㈱ → (株), U+3000 → space;
 * 3. lower case (ＡＢＣ → abc);
 * 4. katakana → hiragana, incl. ヴ → ゔ;
 * 5. small kana folded to their full-size forms (ぁ→あ, っ→つ, ゃ→や, ゎ→わ, ヵ/ヶ → か/け) — a deliberate
 *    choice for recall: official names mix them (キヤノン / キャノン, 霞ヶ関 / 霞ケ関 both match);
 * 6. long vowel mark: dash look-alikes after a kana (‐ - − ― ─ ━ ～) become ー, and runs of ー become one;
 *    ー itself is kept (コーヒー and コヒ stay different);
 * 7. every run of white space becomes one ASCII space, trimmed.
 */
import { toHiragana } from './kana.ts';

const SMALL_TO_LARGE: Record<string, string> = {
  'ぁ': 'あ', 'ぃ': 'い', 'ぅ': 'う', 'ぇ': 'え', 'ぉ': 'お', 'っ': 'つ', 'ゃ': 'や', 'ゅ': 'ゆ', 'ょ': 'よ',
  'ゎ': 'わ', 'ゕ': 'か', 'ゖ': 'け',
};
const SMALL_KANA = /[ぁぃぅぇぉっゃゅょゎゕゖ]/g;
const KANA = '\\u3041-\\u309F\\u30A0-\\u30FF';
const DASH_AFTER_KANA = new RegExp(`(?<=[${KANA}])[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\u2500\\u2501\\uFF0D\\-~\\u301C\\uFF5E]+`, 'g');

/** Folds text for search: NFKC, lower case, katakana→hiragana, small kana→large, ー unified, spaces collapsed. */
export function normalizeForSearch(s: string): string {
  let t = s.replace(/\u309B/g, '\u3099').replace(/\u309C/g, '\u309A');
  t = t.normalize('NFKC').toLowerCase();
  // Compose again after folding: ゖ + ゛ only composes once it has become け (→ げ).
  t = toHiragana(t).replace(SMALL_KANA, (c) => SMALL_TO_LARGE[c]!).normalize('NFC');
  t = t.replace(DASH_AFTER_KANA, 'ー').replace(/ー{2,}/g, 'ー');
  return t.replace(/\s+/gu, ' ').trim();
}

/**
 * The distinct bigrams of a text, as pg_bigm makes them: each word (split on spaces) padded with a
 * space at both ends, so 'ab' gives ' a', 'ab', 'b '. The text is normalised first unless told not to.
 */
export function bigrams(s: string, options: { normalize?: boolean } = {}): string[] {
  const text = options.normalize === false ? s : normalizeForSearch(s);
  const out = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word) continue;
    const chars = [' ', ...Array.from(word), ' '];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** pg_bigm's bigm_similarity: shared bigrams over the bigram count of the larger set (0…1). */
export function bigramSimilarity(a: string, b: string): number {
  const A = new Set(bigrams(a));
  const B = bigrams(b);
  if (A.size === 0 || B.length === 0) return 0;
  let shared = 0;
  for (const g of B) if (A.has(g)) shared++;
  return shared / Math.max(A.size, B.length);
}

/** True when every bigram of the query occurs in the text (what a bigram index finds before a recheck). */
export function bigramMatch(text: string, query: string): boolean {
  const inText = new Set(bigrams(text));
  // Edge bigrams (' x', 'x ') of the query need not be word edges in the text: check the inner ones,
  // and fall back to a substring test for one-character queries.
  const q = normalizeForSearch(query);
  if (Array.from(q.replace(/ /g, '')).length < 2) return normalizeForSearch(text).includes(q);
  return bigrams(q, { normalize: false }).filter((g) => !g.startsWith(' ') && !g.endsWith(' ')).every((g) => inText.has(g));
}
