import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { inferType, parseCsvTable, parseXlsxTable, tableOf } from './parse.ts';
import { xlsx } from './xlsx-fixture.ts';

describe('inferType', () => {
  it('finds int, numeric, date and text, ignoring empty cells', () => {
    expect(inferType(['1', '-20', '', '300'])).toBe('int');
    expect(inferType(['1', '2.5'])).toBe('numeric');
    expect(inferType(['2026-04-01', '', '2024-02-29'])).toBe('date');
    expect(inferType([''])).toBe('text');
  });
  it('keeps text when values are mixed, have a leading zero, or are impossible dates', () => {
    expect(inferType(['1', 'あ'])).toBe('text');
    expect(inferType(['0770001', '1234567'])).toBe('text');
    expect(inferType(['2023-02-29'])).toBe('text');
    expect(inferType(['1', '2026-04-01'])).toBe('text');
    expect(inferType(['99999999999999999999'])).toBe('numeric');
  });
});

describe('tables', () => {
  it('types the rows: numbers as numbers, empty typed cells as null, text as written', () => {
    const t = tableOf(['名称', '人数', '', '名称'], [['公園 ', '3', 'x', 'a'], ['広場', '', 'y', 'b']])!;
    expect(t.fields).toEqual([{ id: '名称', type: 'text' }, { id: '人数', type: 'int' }, { id: 'field3', type: 'text' }, { id: '名称_2', type: 'text' }]);
    expect(t.rows).toEqual([{ 名称: '公園 ', 人数: 3, field3: 'x', 名称_2: 'a' }, { 名称: '広場', 人数: null, field3: 'y', 名称_2: 'b' }]);
  });
  it('reads CP932, UTF-16 and TSV; refuses what is not CSV', () => {
    expect(parseCsvTable(iconv.encode('名称,数\r\n徳島,1\r\n', 'cp932'))!.rows).toEqual([{ 名称: '徳島', 数: 1 }]);
    expect(parseCsvTable(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('名称\t数\r\n徳島\t1\r\n', 'utf-16le')]))!.rows).toEqual([{ 名称: '徳島', 数: 1 }]);
    expect(parseCsvTable(Buffer.from('a,b\n"unclosed,1\n'))).toBeNull();
    expect(parseCsvTable(Buffer.from(''))).toBeNull();
  });
  it('reads the first sheet of an XLSX workbook; refuses bytes that are not one', async () => {
    const t = await parseXlsxTable(xlsx([['名称', '人数', '開設日'], ['公園', 3, '2026-04-01'], ['広場', 4, '2025-10-10']]));
    expect(t!.fields).toEqual([{ id: '名称', type: 'text' }, { id: '人数', type: 'int' }, { id: '開設日', type: 'date' }]);
    expect(t!.rows[1]).toEqual({ 名称: '広場', 人数: 4, 開設日: '2025-10-10' });
    expect(await parseXlsxTable(Buffer.from('PK not a zip'))).toBeNull();
  });
});
