import { describe, expect, it } from 'vitest';
import { buildIndex, searchIndex } from './search.ts';
import { foldKey, looseKey, queryForms } from './fold.ts';
import type { Category, Item } from './types.ts';
import { SEED_ITEMS } from '../seed-data/items.ts';
import { SEED_CATEGORIES } from '../seed-data/categories.ts';

const cat: Category = { id: 'c-pet', code: 'pet', name: { ja: 'ペットボトル' }, color: '#0c8599', icon: 'pet', howTo: { ja: '' }, sortOrder: 1 };
const mk = (id: string, ja: string, reading: string, synonyms: string[] = [], en?: string): Item => ({
  id, name: en ? { ja, en } : { ja }, reading, synonyms, categoryId: 'c-pet', notes: { ja: '' }, fee: null,
});

describe('foldKey / looseKey', () => {
  it('folds width, case, script and separators to one key', () => {
    expect(foldKey('ﾍﾟｯﾄ ﾎﾞﾄﾙ')).toBe('ペットボトル');
    expect(foldKey('ぺっと・ぼとる')).toBe('ペットボトル');
    expect(foldKey('ＰＥＴ－Bottle')).toBe('petbottle');
    expect(foldKey('スプレ-缶')).toBe('スプレー缶');
    expect(foldKey('さんあ～～る')).toBe('サンアール');
    expect(foldKey('Chai nhựa')).toBe('chainhua');
    expect(foldKey('か゛み')).toBe('ガミ');
  });
  it('tolerant form drops ー and enlarges small kana', () => {
    expect(looseKey(foldKey('ボトール'))).toBe(looseKey(foldKey('ボトル')));
    expect(looseKey('キャノン')).toBe('キヤノン');
    expect(looseKey('ペットボトル')).toBe('ペツトボトル');
  });
  it('reads romaji as kana, dropping an unfinished syllable', () => {
    expect(queryForms('petto botoru').map((f) => f.text)).toEqual(['pettobotoru', 'ペットボトル']);
    expect(queryForms('supure-kan')[1]).toEqual({ text: 'スプレーカン', complete: true });
    expect(queryForms('shimbun')[1]!.text).toBe('シンブン');
    expect(queryForms('pett')[1]).toEqual({ text: 'ペッ', complete: false });
    expect(queryForms('spray')).toEqual([{ text: 'spray', complete: true }]);
    expect(queryForms('  ')).toEqual([]);
  });
});

describe('searchIndex', () => {
  const items = [
    mk('i1', 'ペットボトル', 'ペットボトル', ['PET', 'petto'], 'PET bottle'),
    mk('i2', 'ペットボトルのキャップ', 'ペットボトルノキャップ', ['キャップ']),
    mk('i3', '水のペットボトル', 'ミズノペットボトル'),
    mk('i4', 'ペンキ', 'ペンキ'),
    mk('i5', 'ボトルキャップ', 'ボトルキャップ', ['ペットボトルのふた']),
  ];
  const index = buildIndex(items, [cat]);
  const first = (q: string) => searchIndex(index, q)[0]?.item.id;

  it.each(['ペットボトル', 'ぺっとぼとる', 'ﾍﾟｯﾄﾎﾞﾄﾙ', 'ＰＥＴ', 'PET', 'pet bottle', 'petto', 'pettobotoru', 'petto botoru', 'PETTOBOTORU', 'ペット ボトル', 'ぺっと・ぼとる', 'ペットボトール', 'ペツトボトル'])('finds ペットボトル from %j', (q) => {
    expect(first(q)).toBe('i1');
  });

  it('ranks exact > prefix > substring, then field, then shorter name, then id', () => {
    const hits = searchIndex(index, 'ペットボトル');
    expect(hits.map((h) => h.item.id)).toEqual(['i1', 'i2', 'i5', 'i3']);
    expect(hits.map((h) => h.matched)).toEqual(['name', 'name', 'synonym', 'name']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    // i5 starts a synonym with the query (prefix), i3 only contains it: prefix wins over the field.
    expect(hits[2]!.score).toBeGreaterThan(hits[3]!.score);
    const tie = buildIndex([mk('b', 'カンA', 'カンA'), mk('a', 'カンB', 'カンB'), mk('c', 'カン', 'カン')], [cat]);
    expect(searchIndex(tie, 'かん').map((h) => h.item.id)).toEqual(['c', 'a', 'b']);
  });

  it('returns nothing for an empty query and only prefix matches for one character', () => {
    expect(searchIndex(index, '')).toEqual([]);
    expect(searchIndex(index, ' 　')).toEqual([]);
    expect(searchIndex(index, 'ト')).toEqual([]);
    expect(searchIndex(index, 'ぺ').map((h) => h.item.id)).toEqual(['i4', 'i1', 'i2', 'i5']);
  });

  it('honours the limit and misses cleanly', () => {
    expect(searchIndex(index, 'ボトル', { limit: 2 })).toHaveLength(2);
    expect(searchIndex(index, 'zzq')).toEqual([]);
    expect(searchIndex(index, 'ボトル', { limit: 0 })).toEqual([]);
  });
});

describe('the seed dictionary', () => {
  const index = buildIndex(SEED_ITEMS, SEED_CATEGORIES);
  const top = (q: string) => searchIndex(index, q, { limit: 3 })[0]?.item;

  it.each([
    ['でんち', '乾電池', 'cat-hazardous'],
    ['kan', '缶', 'cat-cans'],
    ['spray', 'スプレー缶', 'cat-hazardous'],
    ['ﾃﾚﾋﾞ', 'テレビ', null],
    ['ぺっとぼとる', 'ペットボトル', 'cat-pet'],
    ['しんぶん', '新聞', 'cat-paper'],
    ['shimbun', '新聞', 'cat-paper'],
    ['reizouko', '冷蔵庫', null],
    ['aircon', 'エアコン', null],
    ['パソコン', 'パソコン', null],
    ['laptop', 'パソコン', null],
    ['ふとん', '布団', 'cat-bulky'],
    ['ダンボール', '段ボール', 'cat-paper'],
    ['けいこうとう', '蛍光管', 'cat-hazardous'],
    ['なまごみ', '生ごみ', 'cat-burnable'],
    ['ｽﾌﾟﾚｰ缶', 'スプレー缶', 'cat-hazardous'],
    ['oshibin', undefined, undefined],
    ['電池', '乾電池', 'cat-hazardous'],
    ['건전지', '乾電池', 'cat-hazardous'],
    ['jitensha', '自転車', 'cat-bulky'],
    ['garrafa pet', 'ペットボトル', 'cat-pet'],
  ] as const)('%s → %s', (q, ja, category) => {
    const hit = top(q);
    expect(hit?.name.ja).toBe(ja);
    if (hit) expect(hit.categoryId).toBe(category);
  });

  it('has well-formed data: unique ids, katakana readings, known categories, bulky fees', () => {
    const ids = new Set(SEED_ITEMS.map((i) => i.id));
    expect(ids.size).toBe(SEED_ITEMS.length);
    expect(SEED_ITEMS.length).toBeGreaterThanOrEqual(240);
    const cats = new Set(SEED_CATEGORIES.map((c) => c.id));
    for (const i of SEED_ITEMS) {
      expect(i.reading, i.id).toMatch(/^[\u30A0-\u30FF]+$/);
      if (i.categoryId) expect(cats.has(i.categoryId), i.id).toBe(true);
      for (const lang of ['en', 'ja-easy', 'zh-Hans', 'ko', 'vi', 'pt'] as const) expect(i.name[lang], `${i.id} ${lang}`).toBeTruthy();
      if (i.categoryId === 'cat-bulky') expect([300, 500, 1000]).toContain(i.fee);
    }
  });
});
