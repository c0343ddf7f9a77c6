import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { coordinateColumns, render } from './render.ts';

describe('living dataset rendering', () => {
  it('writes the columns in order as UTF-8 CSV with BOM, dates in ISO 8601, quotes where needed', () => {
    const r = render(['名称', '日時', 'メモ'], [
      { 名称: '徳島市役所', 日時: new Date('2026-04-01T00:00:00Z'), メモ: 'a, "b"\n改行', 余分: 'x' },
      { 名称: '空', 日時: null },
    ]);
    expect([...r.csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(r.csv, { bom: true })).toEqual([['名称', '日時', 'メモ'], ['徳島市役所', '2026-04-01T00:00:00.000Z', 'a, "b"\n改行'], ['空', '', '']]);
    expect(JSON.parse(r.json.toString('utf8'))).toEqual([
      { 名称: '徳島市役所', 日時: '2026-04-01T00:00:00.000Z', メモ: 'a, "b"\n改行' },
      { 名称: '空', 日時: null, メモ: null },
    ]);
    expect(r.geojson).toBeNull();
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(render(['名称'], [{ 名称: 'b' }]).hash).not.toBe(render(['名称'], [{ 名称: 'c' }]).hash);
  });

  it('finds coordinates under 緯度/経度 or lat/lng names, and leaves rows without them out of the GeoJSON', () => {
    expect(coordinateColumns(['ID', 'Latitude', 'LONGITUDE'])).toEqual({ lat: 'Latitude', lng: 'LONGITUDE' });
    expect(coordinateColumns(['ID', 'lat'])).toBeNull();
    const r = render(['ID', '緯度', '経度'], [{ ID: 1, 緯度: '34.07', 経度: 134.55 }, { ID: 2, 緯度: '', 経度: '134.5' }, { ID: 3, 緯度: 'x', 経度: '1' }]);
    const geo = JSON.parse(r.geojson!.toString('utf8'));
    expect(geo.features).toEqual([{ type: 'Feature', geometry: { type: 'Point', coordinates: [134.55, 34.07] }, properties: { ID: 1 } }]);
    expect(r.fields.map((f) => f.type)).toEqual(['int', 'text', 'numeric']);
  });
});
