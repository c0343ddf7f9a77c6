// Folding of dictionary keys and queries, so that every way a person types a word lands on one form:
// ぺっとぼとる, ペットボトル, ﾍﾟｯﾄﾎﾞﾄﾙ, ＰＥＴ, "petto botoru". Keys and queries go through the same
// functions; the index stores the folded keys so a query pays only for its own folding.
import { toKatakana as romajiToKatakana } from 'wanakana';
import { toKatakana } from '../../../core/ja/kana.ts';

const KANA = '\\u3041-\\u309F\\u30A0-\\u30FF';
// Dash look-alikes after a kana are a long vowel typed another way (スプレ-缶, さんあ～る).
const DASH_AFTER_KANA = new RegExp(`(?<=[${KANA}])[\\u2010-\\u2015\\u2212\\u2500\\u2501\\uFF0D\\-~\\u301C\\uFF5E]+`, 'g');
// Separators people put in or leave out at will (ペット・ボトル, e-mail, "spray can").
const SEPARATORS = /[\s\u3000・･\-‐‑–—―−_.,，、。/／'’"“”()（）「」『』［］[\]{}!！?？:：;；&＆+＋*＊~～〜\p{Cc}]+/gu;
// Latin diacritics only (vi, pt): the Japanese sound marks U+3099/U+309A stay.
const LATIN_MARKS = /[\u0300-\u036F]/g;
const SMALL_KANA: Record<string, string> = {
  'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ', 'ャ': 'ヤ', 'ュ': 'ユ', 'ョ': 'ヨ',
  'ヮ': 'ワ', 'ヵ': 'カ', 'ヶ': 'ケ',
};
const SMALL_KANA_RE = /[ァィゥェォッャュョヮヵヶ]/g;
const LATIN = /[a-z]/;

/** NFKC, lower case, Latin accents off, hiragana → katakana, dashes after kana → ー; separators kept. */
function base(s: string): string {
  let t = s.replace(/\u309B/g, '\u3099').replace(/\u309C/g, '\u309A').normalize('NFKC').toLowerCase();
  if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(t)) t = t.normalize('NFD').replace(LATIN_MARKS, '').replace(/đ/g, 'd').normalize('NFC');
  t = toKatakana(t).normalize('NFC');
  return t.replace(DASH_AFTER_KANA, 'ー');
}

function squeeze(t: string): string {
  return t.replace(SEPARATORS, '').replace(/ー{2,}/g, 'ー');
}

/** The primary folded form of a key or query: NFKC, lower case, katakana, no spaces or ・/-. */
export function foldKey(s: string): string {
  return squeeze(base(s));
}

/**
 * The tolerant form of an already folded string: no ー and small kana as full-size ones, so ボトール,
 * ボトル and ボトル typed as ぼとーる meet, and so do キャノン / キヤノン or ッ / ツ.
 */
export function looseKey(folded: string): string {
  return folded.replace(/ー/g, '').replace(SMALL_KANA_RE, (c) => SMALL_KANA[c]!);
}

/** A folded form of the query, and whether it is whole (romaji cut at an unfinished syllable is not). */
export interface QueryForm {
  text: string;
  /** False when trailing romaji was dropped (pett → ペッ): it may start a key but not equal one. */
  complete: boolean;
}

/**
 * The forms a query is looked up in: as typed (folded) and, when it has Latin letters, read as
 * romaji (pettobotoru → ペットボトル, supure-kan → スプレーカン, shimbun → シンブン). An unfinished
 * syllable at the end (the user is still typing) is dropped; romaji that does not read as kana
 * (spray, aircon) gives no second form.
 */
export function queryForms(query: string): QueryForm[] {
  const b = base(query);
  const direct = squeeze(b);
  if (!direct) return [];
  const forms: QueryForm[] = [{ text: direct, complete: true }];
  if (LATIN.test(direct)) {
    const romaji = b.replace(/[\s\u3000]+/g, '').replace(/m(?=[bp])/g, 'n');
    let kana = romajiToKatakana(romaji, { IMEMode: false });
    let complete = true;
    const tail = /[a-z]+$/.exec(kana);
    if (tail) {
      complete = false;
      const rest = kana.slice(0, tail.index);
      // A doubled consonant is a small ッ in the making (pett → ペッ).
      kana = /^([bcdfghjkmpqrstvwxyz])\1$/.test(tail[0]) ? `${rest}ッ` : rest;
    }
    const text = squeeze(kana);
    if (text && !LATIN.test(text) && text !== direct) forms.push({ text, complete });
  }
  return forms;
}
