import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { validateCsv, MAX_PROBLEMS } from './validate.ts';
import { TEMPLATES, templateById } from './templates.ts';

const aed = templateById('aed')!;
const fixture = readFileSync(new URL('./fixtures/aed-valid.csv', import.meta.url), 'utf8');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bom = (s: string): Uint8Array => utf8(`\uFEFF${s}`);

const HEADER = '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,緯度,経度,開始時間';
const one = (cells: string): ReturnType<typeof validateCsv> => validateCsv(utf8(`${HEADER}\n${cells}\n`), aed);
const codes = (r: ReturnType<typeof validateCsv>): string[] => r.problems.map((p) => p.code);

describe('templates', () => {
  it('covers the eleven datasets, each with unique column names and a code column first', () => {
    expect(TEMPLATES).toHaveLength(11);
    for (const t of TEMPLATES) {
      const names = t.columns.map((c) => c.name);
      expect(new Set(names).size, t.id).toBe(names.length);
      expect(t.columns[0]).toMatchObject({ name: '全国地方公共団体コード', type: 'lgcode', required: true });
    }
  });
});

describe('validateCsv', () => {
  it('accepts a valid AED file in UTF-8 with BOM, including quoted commas and quotes', () => {
    const r = validateCsv(bom(fixture), aed);
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.rows).toBe(2);
    expect(r.problems).toEqual([]);
    expect(r.header.missing).toEqual([]);
    expect(r.header.unknown).toEqual([]);
    expect(r.header.mapped).toHaveLength(aed.columns.length);
  });

  it('accepts the same file saved as CP932', () => {
    const r = validateCsv(new Uint8Array(iconv.encode(fixture, 'cp932')), aed);
    expect(r.encoding).toBe('cp932');
    expect(r.rows).toBe(2);
    expect(r.problems).toEqual([]);
  });

  it('maps old 推奨データセット and データモデル型 header names to the standard columns', () => {
    const text = '都道府県コード又は市区町村コード,NO,市区町村名,AED設置箇所_名称,名称_カナ,所在地_連結表記,緯度,経度,開始時刻,独自列\n362018,1,徳島市,市役所,シヤクショ,幸町2-5,34.07,134.55,08:30,x\n';
    const r = validateCsv(utf8(text), aed);
    expect(r.problems).toEqual([]);
    expect(r.header.mapped).toContainEqual({ column: '全国地方公共団体コード', from: '都道府県コード又は市区町村コード' });
    expect(r.header.mapped).toContainEqual({ column: 'ID', from: 'NO' });
    expect(r.header.mapped).toContainEqual({ column: '名称', from: 'AED設置箇所_名称' });
    expect(r.header.mapped).toContainEqual({ column: '住所', from: '所在地_連結表記' });
    expect(r.header.mapped).toContainEqual({ column: '開始時間', from: '開始時刻' });
    expect(r.header.unknown).toEqual(['独自列']);
  });

  it('lets a column present under its own name win over another column\'s alias', () => {
    const r = validateCsv(utf8('開始時刻,開始時間\n08:30,09:00\n'), aed);
    expect(r.header.mapped).toEqual([{ column: '開始時間', from: '開始時間' }]);
    expect(r.header.unknown).toEqual(['開始時刻']);
  });

  it('rejects a code with a wrong check digit, naming row and column', () => {
    const r = one('362011,1,徳島市,市役所,シヤクショ,34.07,134.55,08:30');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 2, column: '全国地方公共団体コード', value: '362011', code: 'lgcode' });
    expect(r.problems[0]!.message.ja).toContain('2行目「全国地方公共団体コード」');
    expect(r.problems[0]!.message.en).toContain('row 2, "全国地方公共団体コード"');
  });

  it('rejects half-width and hiragana kana', () => {
    expect(codes(one('362018,1,徳島市,市役所,ｼﾔｸｼｮ,34.07,134.55,08:30'))).toEqual(['kana']);
    expect(codes(one('362018,1,徳島市,市役所,しやくしょ,34.07,134.55,08:30'))).toEqual(['kana']);
  });

  it('detects swapped coordinates and points outside Japan', () => {
    const swapped = one('362018,1,徳島市,市役所,シヤクショ,134.55,34.07,08:30');
    expect(codes(swapped)).toEqual(['lat_lng_swapped', 'lat_lng_swapped']);
    expect(swapped.problems.map((p) => p.column)).toEqual(['緯度', '経度']);
    expect(codes(one('362018,1,徳島市,市役所,シヤクショ,51.5,-0.12,08:30'))).toEqual(['outside_japan', 'outside_japan']);
    expect(codes(one('362018,1,徳島市,市役所,シヤクショ,北緯34度,134.55,08:30'))).toEqual(['number']);
  });

  it('rejects 25:00 as a time', () => {
    const r = one('362018,1,徳島市,市役所,シヤクショ,34.07,134.55,25:00');
    expect(r.problems).toMatchObject([{ row: 2, column: '開始時間', value: '25:00', code: 'time' }]);
  });

  it('reports a missing required column on row 1 and empty required cells on their row', () => {
    const r = validateCsv(utf8('全国地方公共団体コード,ID,地方公共団体名,名称,緯度\n362018,1,徳島市,,34.07\n'), aed);
    expect(r.header.missing).toEqual(['経度']);
    expect(r.problems).toMatchObject([
      { row: 1, column: '経度', code: 'missing_column' },
      { row: 2, column: '名称', code: 'required' },
    ]);
  });

  it('keeps a quoted comma inside one cell', () => {
    const r = one('362018,1,徳島市,"市役所, 本庁舎",シヤクショ,34.07,134.55,08:30');
    expect(r.problems).toEqual([]);
    expect(r.header.unknown).toEqual([]);
  });

  it('checks dates, 有/無 and URLs in other templates', () => {
    const ev = templateById('event')!;
    const r = validateCsv(utf8('全国地方公共団体コード,ID,地方公共団体名,イベント名,開始日,URL\n362018,1,徳島市,阿波おどり,2026-02-30,ftp://x\n'), ev);
    expect(codes(r)).toEqual(['date', 'url']);
    const sh = templateById('evacuation-space')!;
    const s = validateCsv(utf8('全国地方公共団体コード,ID,地方公共団体名,名称,緯度,経度,洪水\n362018,1,徳島市,公園,34.07,134.55,○\n'), sh);
    expect(s.problems).toMatchObject([{ column: '洪水', code: 'umu' }]);
  });

  it('caps the listed problems and counts the rest', () => {
    const rows = Array.from({ length: 600 }, (_, i) => `362011,${i},徳島市,市役所,しやくしょ,34.07,134.55,08:30`).join('\n');
    const r = one(rows);
    expect(r.rows).toBe(600);
    expect(r.problems).toHaveLength(MAX_PROBLEMS);
    expect(r.moreProblems).toBe(200);
    expect(r.problems.at(-1)!.row).toBe(501);
  });

  it('reports unreadable CSV instead of throwing', () => {
    const r = validateCsv(utf8('全国地方公共団体コード,名称\n362018,"unterminated\n'), aed);
    expect(codes(r)).toEqual(['csv_syntax']);
  });
});
