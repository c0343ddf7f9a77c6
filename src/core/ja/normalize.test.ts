import { describe, expect, it } from 'vitest';
import { bigramMatch, bigrams, bigramSimilarity, normalizeForSearch } from './normalize.ts';
import { toHiragana, toKatakana } from './kana.ts';
import { int, randomText, seeded } from './test-random.ts';

describe('normalizeForSearch', () => {
  it('folds width, case, katakana and half-width kana', () => {
    expect(normalizeForSearch('ＡＢＣ　１２３')).toBe('abc 123');
    expect(normalizeForSearch('ﾄｸｼﾏｼ')).toBe('とくしまし');
    expect(normalizeForSearch('ｶﾞｲﾄﾞ')).toBe('がいど');
    expect(normalizeForSearch('トクシマ')).toBe(normalizeForSearch('とくしま'));
    expect(normalizeForSearch('ヴァイオリン')).toBe('ゔあいおりん');
    expect(normalizeForSearch('か゛')).toBe('が');
    expect(normalizeForSearch('㈱ヤクバ')).toBe('(株)やくば');
  });

  it('folds small kana to full size (キヤノン finds キャノン)', () => {
    expect(normalizeForSearch('キャノン')).toBe(normalizeForSearch('キヤノン'));
    expect(normalizeForSearch('霞ヶ関')).toBe(normalizeForSearch('霞ケ関'));
    expect(normalizeForSearch('ちょっと')).toBe('ちよつと');
  });

  it('unifies long vowel look-alikes after kana and collapses runs, but keeps ー', () => {
    expect(normalizeForSearch('コーヒー')).toBe('こーひー');
    expect(normalizeForSearch('コ－ヒ‐')).toBe('こーひー');
    expect(normalizeForSearch('ｺｰﾋｰ')).toBe('こーひー');
    expect(normalizeForSearch('ゴーーール')).toBe('ごーる');
    expect(normalizeForSearch('コーヒー')).not.toBe(normalizeForSearch('コヒ'));
    expect(normalizeForSearch('090-1234')).toBe('090-1234'); // digits keep their hyphen
  });

  it('collapses white space', () => {
    expect(normalizeForSearch('  徳島\t\n　市  役所 ')).toBe('徳島 市 役所');
  });

  it('is idempotent on random Japanese and ASCII text (property)', () => {
    const rand = seeded(42);
    const ranges: [number, number][] = [[0x20, 0x7e], [0x3041, 0x3096], [0x30a1, 0x30fa], [0x30fc, 0x30fc], [0xff61, 0xff9f], [0xff01, 0xff5e], [0x4e00, 0x4e50], [0x3000, 0x3000], [0x2010, 0x2015]];
    for (let i = 0; i < 3000; i++) {
      const s = randomText(rand, int(rand, 0, 20), ranges);
      const once = normalizeForSearch(s);
      expect(normalizeForSearch(once)).toBe(once);
      expect(once).toBe(once.trim());
      expect(/[\u30A1-\u30F6]|\s\s|[ぁぃぅぇぉっゃゅょゎ]/.test(once)).toBe(false);
      expect(normalizeForSearch(toKatakana(s))).toBe(normalizeForSearch(toHiragana(s)));
    }
  });
});

describe('kana conversion', () => {
  it('converts both ways, widening half-width kana', () => {
    expect(toKatakana('ひらがな・ゔ・ゝ')).toBe('ヒラガナ・ヴ・ヽ');
    expect(toHiragana('カタカナ・ヴ・ヵヶ・ｶﾞ')).toBe('かたかな・ゔ・ゕゖ・が');
    expect(toHiragana('コーヒー漢字abc')).toBe('こーひー漢字abc');
  });

  it('round-trips hiragana through katakana (property)', () => {
    const rand = seeded(3);
    for (let i = 0; i < 1000; i++) {
      const s = randomText(rand, int(rand, 1, 12), [[0x3041, 0x3096], [0x309d, 0x309e], [0x4e00, 0x4e10]]);
      expect(toHiragana(toKatakana(s))).toBe(s);
    }
  });
});

describe('bigrams', () => {
  it('makes pg_bigm-style bigrams with space padding', () => {
    expect(bigrams('ab')).toEqual([' a', 'ab', 'b ']);
    expect(bigrams('徳島市')).toEqual([' 徳', '徳島', '島市', '市 ']);
    expect(bigrams('ア イ')).toEqual([' あ', 'あ ', ' い', 'い ']);
    expect(bigrams('')).toEqual([]);
    expect(bigrams('𠮷野')).toEqual([' 𠮷', '𠮷野', '野 ']); // surrogate pairs stay whole
  });

  it('matches a query whose inner bigrams all occur, across width and kana differences', () => {
    expect(bigramMatch('徳島市役所 子育て支援課', 'ｺｿﾀﾞﾃ')).toBe(false);
    expect(bigramMatch('こそだて支援', 'ｺｿﾀﾞﾃ')).toBe(true);
    expect(bigramMatch('ゴミ分別辞典', 'ごみ')).toBe(true);
    expect(bigramMatch('ゴミ分別辞典', '粗大')).toBe(false);
    expect(bigramMatch('ゴミ分別辞典', '辞')).toBe(true);
  });

  it('scores similarity like bigm_similarity', () => {
    expect(bigramSimilarity('徳島市', '徳島市')).toBe(1);
    expect(bigramSimilarity('徳島市', '松阪市')).toBeGreaterThan(0);
    expect(bigramSimilarity('徳島市', '松阪市')).toBeLessThan(0.5);
    expect(bigramSimilarity('', 'a')).toBe(0);
  });
});
