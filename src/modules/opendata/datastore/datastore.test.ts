import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { action, insertDataset } from '../testing.ts';
import { postMultipart, resourceWorld, type ResourceWorld } from '../resources/testing.ts';
import { xlsx } from './xlsx-fixture.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let w: ResourceWorld;
let parks: string;

const KINDS = ['公園', '広場', '緑地'];
/** 30 rows: 名称 公園1…, 種別 cycling through KINDS, 面積 i*1.5, 人数 i%7, 開設日 in April 2026 (empty every 10th). */
const CSV = ['名称,種別,人数,面積,開設日', ...Array.from({ length: 30 }, (_, k) => {
  const i = k + 1;
  return `施設${i},${KINDS[k % 3]},${i % 7},${i * 1.5},${i % 10 === 0 ? '' : `2026-04-${String(i % 28 + 1).padStart(2, '0')}`}`;
})].join('\r\n');

beforeAll(async () => {
  y = await testApp();
  w = await resourceWorld(y);
  await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'parks' });
  const res = await postMultipart(y.app, w.publisher, action('resource_create'), { package_id: 'parks', name: '公園' }, { field: 'upload', filename: 'parks.csv', data: Buffer.from(CSV) });
  if (res.statusCode !== 200) throw new Error(res.body);
  parks = res.data.result.id;
});
afterAll(() => y.close());

const search = (params: Record<string, unknown>, client = w.anonymous) => client.send('POST', action('datastore_search'), { resource_id: parks, ...params });
const get = (query: string) => w.anonymous.send('GET', action('datastore_search', `resource_id=${parks}&${query}`));

describe('datastore_search', () => {
  it('answers every row with typed fields, _id first and numbers as numbers', async () => {
    const res = await search({});
    expect(res.statusCode).toBe(200);
    const r = res.data.result;
    expect(r.fields).toEqual([{ id: '_id', type: 'int' }, { id: '名称', type: 'text' }, { id: '種別', type: 'text' }, { id: '人数', type: 'int' }, { id: '面積', type: 'numeric' }, { id: '開設日', type: 'date' }]);
    expect(r).toMatchObject({ resource_id: parks, total: 30, total_was_estimated: false, limit: 100, offset: 0 });
    expect(r.records).toHaveLength(30);
    expect(r.records[0]).toEqual({ _id: 1, 名称: '施設1', 種別: '公園', 人数: 1, 面積: 1.5, 開設日: '2026-04-02' });
    expect(r.records[9].開設日).toBeNull();
  });

  it('filters by equality (values from a GET as strings too) and by lists of values, counting the same rows', async () => {
    const one = await search({ filters: { 種別: '広場', 人数: 2 } });
    expect(one.data.result.records.map((x: { 名称: string }) => x.名称)).toEqual(['施設2', '施設23']);
    expect(one.data.result.total).toBe(2);
    const fromGet = await get(`filters=${encodeURIComponent(JSON.stringify({ 人数: '3' }))}`);
    expect(fromGet.data.result.records.map((x: { _id: number }) => x._id)).toEqual([3, 10, 17, 24]);
    const list = await search({ filters: { 種別: ['公園', '緑地'] }, limit: 2 });
    expect(list.data.result.total).toBe(20);
    expect(list.data.result.records.map((x: { _id: number }) => x._id)).toEqual([1, 3]);
    const byId = await search({ filters: { _id: [5, 6] } });
    expect(byId.data.result.total).toBe(2);
  });

  it('refuses unknown columns and bad values with 409 naming the parameter', async () => {
    for (const [params, field] of [
      [{ filters: { 住所: 'x' } }, 'filters'], [{ filters: { 人数: 'many' } }, 'filters'], [{ filters: '[1]' }, 'filters'],
      [{ fields: '名称,住所' }, 'fields'], [{ sort: '住所 desc' }, 'sort'], [{ q: { 住所: 'x' } }, 'q'],
      [{ limit: 32001 }, 'limit'], [{ limit: -1 }, 'limit'], [{ offset: 'x' }, 'offset'], [{ records_format: 'xml' }, 'records_format'],
    ] as const) {
      const res = await search(params);
      expect(res.statusCode, JSON.stringify(params)).toBe(409);
      expect(res.data.error.__type).toBe('Validation Error');
      expect(res.data.error[field], JSON.stringify(params)).toHaveLength(1);
    }
    const missing = await w.anonymous.send('GET', action('datastore_search'));
    expect(missing.statusCode).toBe(409);
    expect(missing.data.error.resource_id).toHaveLength(1);
  });

  it('searches text in any column or one column', async () => {
    expect((await search({ q: '施設2' })).data.result.total).toBe(11); // 施設2, 施設20…29
    expect((await search({ q: { 種別: '緑' } })).data.result.total).toBe(10);
    expect((await search({ q: '100%' })).data.result.total).toBe(0);
  });

  it('sorts by columns and _id, projects fields, pages with limit, offset and _links', async () => {
    const sorted = await search({ sort: '人数 desc, _id desc', fields: ['_id', '人数'], limit: 3 });
    expect(sorted.data.result.fields).toEqual([{ id: '_id', type: 'int' }, { id: '人数', type: 'int' }]);
    expect(sorted.data.result.records).toEqual([{ _id: 27, 人数: 6 }, { _id: 20, 人数: 6 }, { _id: 13, 人数: 6 }]);
    const dates = await get('sort=開設日&fields=開設日&limit=40');
    const values = dates.data.result.records.map((x: { 開設日: string | null }) => x.開設日);
    expect(values.slice(-3)).toEqual([null, null, null]);
    expect(values.slice(0, -3)).toEqual([...values.slice(0, -3)].sort());
    const page = await get('limit=5&offset=5&fields=名称');
    expect(page.data.result.records.map((x: { 名称: string }) => x.名称)).toEqual(['施設6', '施設7', '施設8', '施設9', '施設10']);
    expect(page.data.result._links.start).toBe(`/t/tokushima/api/3/action/datastore_search?resource_id=${parks}&limit=5&fields=%E5%90%8D%E7%A7%B0`);
    expect(page.data.result._links.next).toMatch(/&offset=10$/);
    expect((await search({ limit: 0 })).data.result).toMatchObject({ total: 30, records: [] });
    expect((await search({ offset: 100, filters: { 種別: '公園' } })).data.result).toMatchObject({ total: 10, records: [] });
    expect((await search({ filters: { 種別: '森' } })).data.result).toMatchObject({ total: 0, records: [] });
    const noTotal = await search({ include_total: false, limit: 1 });
    expect(noTotal.data.result.total).toBeUndefined();
  });

  it('answers lists and CSV records as CKAN does', async () => {
    const lists = await search({ records_format: 'lists', fields: '名称,面積', limit: 2 });
    expect(lists.data.result.records).toEqual([['施設1', 1.5], ['施設2', 3]]);
    expect(lists.data.result.records_format).toBe('lists');
    const csv = await search({ records_format: 'csv', fields: '_id,名称', limit: 2 });
    expect(csv.data.result.records).toBe('1,施設1\r\n2,施設2\r\n');
  });

  it('is 404 for unknown resources, links, files that are not tables, and private datasets for the public', async () => {
    expect((await w.anonymous.send('GET', action('datastore_search', 'resource_id=00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await w.anonymous.send('GET', action('datastore_search', 'resource_id=nope'))).statusCode).toBe(404);
    const broken = await postMultipart(y.app, w.publisher, action('resource_create'), { package_id: 'parks' }, { field: 'upload', filename: 'broken.csv', data: Buffer.from('a,b\n"unclosed,1\n') });
    expect(broken.statusCode).toBe(200);
    expect(broken.data.result.datastore_active).toBe(false);
    expect((await search({ resource_id: broken.data.result.id })).statusCode).toBe(404);
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'hidden', private: true });
    const hidden = await postMultipart(y.app, w.publisher, action('resource_create'), { package_id: 'hidden' }, { field: 'upload', filename: 'h.csv', data: Buffer.from('a\n1\n') });
    expect((await search({ resource_id: hidden.data.result.id })).statusCode).toBe(404);
    expect((await search({ resource_id: hidden.data.result.id }, w.publisher)).data.result.records).toEqual([{ _id: 1, a: 1 }]);
  });

  it('loads XLSX uploads and answers datastore_info', async () => {
    const res = await postMultipart(y.app, w.publisher, action('resource_create'), { package_id: 'parks', name: '施設（Excel）' }, {
      field: 'upload', filename: '施設.xlsx', data: xlsx([['名称', '定員'], ['中央公民館', 120], ['東部公民館', 80]]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.result).toMatchObject({ format: 'XLSX', datastore_active: true, encoding: null });
    const found = await search({ resource_id: res.data.result.id, filters: { 定員: 80 } });
    expect(found.data.result.records).toEqual([{ _id: 2, 名称: '東部公民館', 定員: 80 }]);
    const info = await w.anonymous.send('GET', action('datastore_info', `id=${res.data.result.id}`));
    expect(info.data.result).toEqual({ meta: { count: 2 }, fields: [{ id: '名称', type: 'text' }, { id: '定員', type: 'int' }] });
  });

  it('filters through opendata_datastore_match, which answers only the current tenant\'s rows', async () => {
    const count = async (tenantId: string) => (await y.platform.inTenant(tenantId, (tx) => txRows<{ n: number }>(tx,
      sql`select count(*)::int as n from opendata_datastore_match(${parks}::uuid, '{"種別":"公園"}'::jsonb, '[[{"人数":1},{"人数":2}]]'::jsonb)`)))[0]!.n;
    expect(await count(w.tenantId)).toBe(3); // 施設1, 施設16, 施設22
    const other = (await y.tenants.bySlugName('matsusaka'))!;
    expect(await count(other.id)).toBe(0);
  });
});
