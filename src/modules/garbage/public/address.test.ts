import { describe, expect, it } from 'vitest';
import type { Area } from '../engine/types.ts';
import { foldAddress, searchAreas } from './address.ts';

const area = (code: string, ja: string, reading: string, towns: string[]): Area => ({ id: code, code, name: { ja }, reading, towns, center: '', geometry: null, points: [], sortOrder: 0 });
const areas = [
  area('shinmachi', '新町地区', 'シンマチチク', ['万代町', '南末広町1丁目']),
  area('kamo', '加茂地区', 'カモチク', ['万代町10丁目', '南庄町']),
];
const codes = (q: string) => searchAreas(areas, q).map((a) => a.code);

describe('address search of areas', () => {
  it('folds 丁目, kanji numerals, widths and dashes alike', () => {
    expect(foldAddress('万代町三丁目')).toBe(foldAddress('万代町３−１'.replace('−１', '丁目')));
    expect(foldAddress('万代町３丁目２番地１号')).toBe('万代町3-2-1-');
    expect(foldAddress('南末広町十二丁目')).toBe('南末広町12-');
  });

  it('finds the area listing a town from an address inside it, without confusing 1丁目 and 10丁目', () => {
    expect(codes('万代町3丁目')).toEqual(['shinmachi']);
    expect(codes('徳島市万代町３丁目５−１')).toEqual(['shinmachi']);
    expect(codes('万代町10丁目')).toEqual(['kamo']);
    expect(codes('南末広町1丁目3')).toEqual(['shinmachi']);
    expect(codes('南末広町10丁目')).toEqual([]);
  });

  it('matches part of a name, a reading in any kana, and returns all for a blank query', () => {
    expect(codes('加茂')).toEqual(['kamo']);
    expect(codes('かもちく')).toEqual(['kamo']);
    expect(codes('万代')).toEqual(['shinmachi', 'kamo']);
    expect(codes('  ')).toEqual(['shinmachi', 'kamo']);
  });
});
