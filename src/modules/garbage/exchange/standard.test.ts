import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { encodeCsv, toCsv } from '../../../core/ja/csv.ts';
import { decodeText } from '../../../core/ja/text-decode.ts';
import type { Area, Category, Rule } from '../engine/types.ts';
import { exportStandardItems, exportStandardPoints, importStandardItems, importStandardPoints, STANDARD_ITEM_HEADER, STANDARD_POINT_HEADER } from './standard.ts';

const cat = (code: string, ja: string, sortOrder: number): Category => ({ id: `c-${code}`, code, name: { ja }, color: '#123456', icon: 'other', howTo: { ja: '' }, sortOrder });
const CATEGORIES = [cat('burnable', '燃やせるごみ', 0), cat('nonburnable', '燃やせないごみ', 1), cat('pet-bottles', 'ペットボトル', 2)];
const area = (code: string, ja: string, towns: string[], sortOrder: number): Area => ({ id: `a-${code}`, code, name: { ja }, reading: '', towns, center: '', geometry: null, points: [], sortOrder });
const AREAS = [area('north', '北地区', ['万代町', '南末広町1丁目'], 0), area('south', '南地区', ['南末広町'], 1)];
const PUBLISHER = { lgCode: '362018', lgName: '徳島市' };

describe('importStandardItems', () => {
  it('reads a UTF-8 BOM file with the 推奨データセット header', () => {
    const { text, encoding } = decodeText(readFileSync(new URL('./fixtures/standard/items-recommended.csv', import.meta.url)));
    expect(encoding).toBe('utf-8-bom');
    const { data, report } = importStandardItems(text, CATEGORIES);
    expect(report.map((e) => [e.row, e.column, e.code, e.level])).toEqual([[4, '分別区分', 'category_created', 'warning']]);
    expect(data.categories.map((c) => [c.code, c.name.ja, c.icon])).toEqual([['bulky', '粗大ごみ', 'bulky']]);
    const code = new Map([...CATEGORIES, ...data.categories].map((c) => [c.id, c.code]));
    expect(data.items.map((i) => [i.name, i.reading, i.categoryId && code.get(i.categoryId), i.notes.ja, i.fee])).toEqual([
      [{ ja: 'アイロン', en: 'Iron' }, 'アイロン', 'nonburnable', 'コードは束ねる, 電池は外す', null],
      [{ ja: 'ペットボトル', en: 'PET bottle' }, 'ペットボトル', 'pet-bottles', 'キャップとラベルは外す\n店頭回収もあります', null],
      [{ ja: 'たんす', en: 'Chest of drawers' }, 'タンス', 'bulky', '申込制', 1200],
      [{ ja: 'テレビ', en: 'TV' }, 'テレビ', null, '家電リサイクル法により販売店へ', null],
    ]);
  });

  it('accepts the newer and データモデル型 column names, a CP932 file, and well-known synonyms of a category', () => {
    const csv = 'ゴミの分別方法_全国地方公共団体コード,ゴミの分別方法_ID,ゴミの分別方法_ゴミの品目,ゴミの分別方法_ゴミの品目_カナ,ゴミの分別方法_分別区分,ゴミの分別方法_出し方のポイント\r\n362018,1,紙くず,かみくず,可燃ごみ,袋に入れる\r\n';
    const { text, encoding } = decodeText(iconv.encode(csv, 'cp932'));
    expect(encoding).toBe('cp932');
    const { data, report } = importStandardItems(text, CATEGORIES);
    expect(report).toEqual([]);
    expect(data.items[0]).toMatchObject({ name: { ja: '紙くず' }, reading: 'カミクズ', categoryId: 'c-burnable', notes: { ja: '袋に入れる' } });
  });

  it('reports missing columns, empty names, bad codes and fees per row', () => {
    expect(importStandardItems('ID,分別区分\n1,燃やせるごみ\n', CATEGORIES).report.map((e) => [e.row, e.column, e.code])).toEqual([[1, 'ゴミの品目', 'missing_column']]);
    const { data, report } = importStandardItems('全国地方公共団体コード,ゴミの品目,粗大ごみ回収料金\n362019,,\n362018,机,300円～500円\n362018,椅子,要相談\n', CATEGORIES);
    expect(report.map((e) => [e.row, e.column, e.code, e.level])).toEqual([
      [2, '全国地方公共団体コード', 'bad_lg_code', 'warning'],
      [2, 'ゴミの品目', 'missing_item_name', 'error'],
      [3, '粗大ごみ回収料金', 'fee_ambiguous', 'warning'],
      [4, '粗大ごみ回収料金', 'bad_fee', 'warning'],
    ]);
    expect(data.items.map((i) => i.fee)).toEqual([300, null]);
  });
});

describe('importStandardPoints', () => {
  it('finds the area by 地区名, by a 町名 in the address, and checks coordinates', () => {
    const csv = [
      '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,所在地_連結表記,緯度,経度,地区名,備考',
      '362018,1,徳島市,万代町第1集積所,ﾊﾞﾝﾀﾞｲﾁｮｳ,徳島県徳島市万代町1丁目,34.0703,134.5548,,',
      '362018,2,徳島市,南末広町集積所,みなみすえひろ,徳島県徳島市南末広町1丁目5,34.07,134.56,,',
      '362018,3,徳島市,南集積所,,徳島県徳島市南末広町3丁目,,,south,"ネット, 有"',
      '362018,4,徳島市,逆さま,,,134.5,34.0,北地区,',
      '362018,5,徳島市,海外,,,51.5,-0.1,北地区,',
      '362018,6,徳島市,どこ,,徳島県徳島市川内町,34.1,134.6,,',
      '362018,7,徳島市,不明,,,34.1,134.6,東地区,',
    ].join('\r\n');
    const { data, report } = importStandardPoints(csv, AREAS);
    expect(report.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, '緯度', 'lat_lng_swapped'], [6, '緯度', 'outside_japan'], [7, '所在地_連結表記', 'area_not_found'], [8, '地区名', 'unknown_area'],
    ]);
    const names = Object.fromEntries(data.areas.map((a) => [a.areaId, a.points.map((p) => [p.name, p.nameKana, p.lat, p.lng, p.notes])]));
    expect(names).toEqual({
      'a-north': [['万代町第1集積所', 'バンダイチョウ', 34.0703, 134.5548, ''], ['南末広町集積所', 'ミナミスエヒロ', 34.07, 134.56, ''], ['逆さま', '', null, null, ''], ['海外', '', null, null, '']],
      'a-south': [['南集積所', '', null, null, 'ネット, 有']],
    });
  });

  it('reads UTF-16 tab-separated text (Excel "Unicode text")', () => {
    const tsv = '名称\t住所\t緯度\t経度\r\n駅前集積所\t万代町2丁目\t34.07\t134.55\r\n';
    const { text, encoding } = decodeText(iconv.encode(tsv, 'utf-16le', { addBOM: true }));
    expect(encoding).toBe('utf-16le');
    const { data, report } = importStandardPoints(text, AREAS);
    expect(report).toEqual([]);
    expect(data.areas[0].areaId).toBe('a-north');
    expect(data.areas[0].points[0]).toMatchObject({ name: '駅前集積所', address: '万代町2丁目', lat: 34.07, lng: 134.55 });
  });
});

describe('export', () => {
  it('writes items that import back the same, through CP932', () => {
    const items = importStandardItems(readFileSync(new URL('./fixtures/standard/items-recommended.csv', import.meta.url), 'utf8'), CATEGORIES);
    const categories = [...CATEGORIES, ...items.data.categories];
    const rows = exportStandardItems({ items: items.data.items, categories }, PUBLISHER);
    expect(rows[0]).toEqual(STANDARD_ITEM_HEADER);
    expect(rows[3]).toEqual(['362018', '3', '徳島市', '', 'たんす', 'タンス', 'Chest of drawers', '粗大ごみ', '申込制', '', '1200']);
    const { text } = decodeText(encodeCsv(toCsv(rows), 'cp932').body);
    const again = importStandardItems(text, categories);
    expect(again.report).toEqual([]);
    expect(again.data.items.map(({ id: _id, ...i }) => i)).toEqual(items.data.items.map(({ id: _id, ...i }) => i));
  });

  it('writes points with 収集曜日 from the rules, and they import back', () => {
    const areas: Area[] = [{ ...AREAS[0], points: [{ id: 'p1', name: '万代町第1集積所', nameKana: 'バンダイチョウ', address: '万代町1丁目', lat: 34.0703, lng: 134.5548, notes: 'ネット有' }] }, AREAS[1]];
    const rules: Rule[] = [
      { id: 'r1', areaId: 'a-north', categoryId: 'c-burnable', pattern: { kind: 'weekly', weekdays: [1, 4] }, months: [], validFrom: null, validTo: null, onHolidays: 'collect' },
      { id: 'r2', areaId: 'a-north', categoryId: 'c-nonburnable', pattern: { kind: 'nth_weekday', weekday: 3, nths: [2, 4] }, months: [], validFrom: null, validTo: null, onHolidays: 'skip' },
      { id: 'r3', areaId: 'a-north', categoryId: 'c-pet-bottles', pattern: { kind: 'every_n_weeks', interval: 2, from: '2025-04-04' }, months: [], validFrom: null, validTo: null, onHolidays: 'skip' },
    ];
    const rows = exportStandardPoints({ areas, rules, categories: CATEGORIES }, PUBLISHER);
    expect(rows).toEqual([
      STANDARD_POINT_HEADER,
      ['362018', '1', '徳島市', '万代町第1集積所', 'バンダイチョウ', '万代町1丁目', '34.0703', '134.5548', '北地区', '燃やせるごみ:月・木 / 燃やせないごみ:第2・第4水 / ペットボトル:隔週金', 'ネット有'],
    ]);
    const back = importStandardPoints(toCsv(rows), areas);
    expect(back.report).toEqual([]);
    expect(back.data.areas[0].points.map(({ id: _id, ...p }) => p)).toEqual(areas[0].points.map(({ id: _id, ...p }) => p));
  });
});
