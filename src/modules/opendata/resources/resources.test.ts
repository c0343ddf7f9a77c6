import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { testApp } from '../../../test/app.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { action, insertDataset } from '../testing.ts';
import { postMultipart, resourceWorld, type ResourceWorld } from './testing.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let w: ResourceWorld;
const LIMIT = 256 * 1024;

beforeAll(async () => {
  y = await testApp({ config: { maxUploadBytes: LIMIT } });
  w = await resourceWorld(y);
});
afterAll(() => y.close());

const AED = readFileSync(new URL('../standards/fixtures/aed-valid.csv', import.meta.url), 'utf8');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const upload = (client = w.publisher, fields: Record<string, string>, filename: string, data: Buffer) =>
  postMultipart(y.app, client, action(fields.id ? 'resource_update' : 'resource_create'), fields, { field: 'upload', filename, data });
/** The path of a resource's absolute download address, as the TestClient wants it. */
const pathOf = (url: string) => new URL(url, 'http://localhost').pathname.replace(/^\/t\/tokushima/, '');
const downloads = async (resourceId: string) => {
  const [row] = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ n: string | null }>(tx, sql`select sum(count) as n from opendata_downloads where resource_id = ${resourceId}`));
  return Number(row?.n ?? 0);
};

describe('resource_create', () => {
  it('adds a link resource with the format from its address; others than the organisation\'s staff are refused', async () => {
    const ds = await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'parks' });
    const res = await w.publisher.send('POST', action('resource_create'), { package_id: 'parks', url: 'https://example.jp/files/公園一覧.csv', name_translated: { ja: '公園一覧', en: 'Parks' } });
    expect(res.statusCode).toBe(200);
    expect(res.data.result).toMatchObject({ package_id: ds, name: '公園一覧', name_translated: { ja: '公園一覧', en: 'Parks' }, url: 'https://example.jp/files/公園一覧.csv', url_type: '', format: 'CSV', datastore_active: false, position: 0 });
    const outsider = await w.outsider.send('POST', action('resource_create'), { package_id: 'parks', url: 'https://example.jp/x.csv' });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.data.error.__type).toBe('Authorization Error');
    expect((await w.anonymous.send('POST', action('resource_create'), { package_id: 'parks', url: 'https://example.jp/x.csv' })).statusCode).toBe(403);
    const bad = await w.publisher.send('POST', action('resource_create'), { package_id: 'parks', url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(409);
    expect(bad.data.error.url).toHaveLength(1);
    const none = await w.publisher.send('POST', action('resource_create'), { package_id: 'no-such-dataset', url: 'https://example.jp/x.csv' });
    expect(none.statusCode).toBe(404);
  });

  it('stores a CP932 CSV upload with its hash, size, encoding and a datastore table', async () => {
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'benches' });
    const bytes = iconv.encode('名称,設置数\r\n徳島中央公園,12\r\n眉山公園,3\r\n', 'cp932');
    const res = await upload(w.publisher, { package_id: 'benches', name: 'ベンチ' }, 'ベンチ.csv', bytes);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.data.result;
    expect(r).toMatchObject({ name: 'ベンチ', url_type: 'upload', format: 'CSV', mimetype: 'text/csv', encoding: 'cp932', size: bytes.length, datastore_active: true, check: null });
    expect(r.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.url).toMatch(new RegExp(`/t/tokushima/api/opendata/resources/${r.id}/download/`));
    const search = await w.anonymous.send('GET', action('datastore_search', `resource_id=${r.id}`));
    expect(search.data.result.records).toEqual([{ _id: 1, 名称: '徳島中央公園', 設置数: 12 }, { _id: 2, 名称: '眉山公園', 設置数: 3 }]);
  });

  it('takes PDF and XLSX-less binaries by content, refuses an executable (415) and a file over the limit (413), naming upload', async () => {
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'reports' });
    const pdf = await upload(w.publisher, { package_id: 'reports' }, '報告書.pdf', PDF);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.data.result).toMatchObject({ name: '報告書.pdf', format: 'PDF', mimetype: 'application/pdf', datastore_active: false, encoding: null });
    const exe = await upload(w.publisher, { package_id: 'reports' }, 'data.csv', EXE);
    expect(exe.statusCode).toBe(415);
    expect(exe.data.error.upload).toHaveLength(1);
    const big = await upload(w.publisher, { package_id: 'reports' }, 'big.csv', Buffer.alloc(LIMIT + 10, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.data.error.upload).toHaveLength(1);
  });

  it('refuses living datasets (403) and hides private datasets from staff of other organisations (404)', async () => {
    const living = await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'living-shelters' });
    await y.platform.inTenant(w.tenantId, (tx) => tx.execute(sql`update opendata_datasets set source = 'shelters/shelters' where id = ${living}`));
    const res = await w.publisher.send('POST', action('resource_create'), { package_id: 'living-shelters', url: 'https://example.jp/x.csv' });
    expect(res.statusCode).toBe(403);
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'draft-data', state: 'draft' });
    expect((await w.outsider.send('POST', action('resource_create'), { package_id: 'draft-data', url: 'https://example.jp/x.csv' })).statusCode).toBe(404);
    expect((await w.publisher.send('POST', action('resource_create'), { package_id: 'draft-data', url: 'https://example.jp/x.csv' })).statusCode).toBe(200);
  });
});

describe('standard check', () => {
  it('reports a bad AED CSV (check_ok false, problems listed), then passes once fixed', async () => {
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'aed', template_id: 'aed' });
    const broken = AED.replace('34.0702,134.5548', '134.5548,34.0702').replace('トクシマシヤクショホンチョウシャ', 'とくしま');
    const bad = await upload(w.publisher, { package_id: 'aed', name: 'AED設置箇所一覧' }, 'aed.csv', Buffer.from(broken));
    expect(bad.statusCode, bad.body).toBe(200);
    const id = bad.data.result.id;
    expect(bad.data.result.check).toMatchObject({ template_id: 'aed', ok: false, rows: 2 });
    expect(bad.data.result.check.problems).toBeGreaterThanOrEqual(3);
    const report = await w.publisher.send('GET', `/api/admin/opendata/resources/${id}/check`);
    expect(report.statusCode).toBe(200);
    expect(report.data).toMatchObject({ resourceId: id, templateId: 'aed', ok: false });
    expect(report.data.report.problems.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['lat_lng_swapped', 'kana']));
    expect((await w.outsider.send('GET', `/api/admin/opendata/resources/${id}/check`)).statusCode).toBe(403);

    const fixed = await upload(w.publisher, { id }, 'aed.csv', Buffer.from(AED));
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.data.result.check).toEqual({ template_id: 'aed', ok: true, rows: 2, problems: 0 });
    expect((await w.publisher.send('GET', `/api/admin/opendata/resources/${id}/check`)).data.ok).toBe(true);
  });

  it('misses a required column: not ok even without row problems', async () => {
    const noLat = AED.split(/\r?\n/).map((l) => l.split(',').filter((_, i) => i !== 8).join(',')).join('\n');
    const res = await postMultipart(y.app, w.publisher, '/api/admin/opendata/check', { template: 'aed' }, { field: 'file', filename: 'aed.csv', data: Buffer.from(noLat) });
    expect(res.statusCode).toBe(200);
    expect(res.data.ok).toBe(false);
    expect(res.data.report.header.missing).toContain('緯度');
  });

  it('dry-runs a file against a template without saving; names an unknown template; lists the templates', async () => {
    const before = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ n: number }>(tx, sql`select count(*)::int as n from files`));
    const ok = await postMultipart(y.app, w.publisher, '/api/admin/opendata/check', { template: 'aed' }, { field: 'file', filename: 'aed.csv', data: iconv.encode(AED, 'cp932') });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ templateId: 'aed', ok: true, report: { encoding: 'cp932', rows: 2, problems: [] } });
    const after = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ n: number }>(tx, sql`select count(*)::int as n from files`));
    expect(after[0]!.n).toBe(before[0]!.n);
    const unknown = await postMultipart(y.app, w.publisher, '/api/admin/opendata/check', { template: 'nope' }, { field: 'file', filename: 'aed.csv', data: Buffer.from(AED) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.field).toBe('template');
    const templates = await w.publisher.send('GET', '/api/admin/opendata/templates');
    expect(templates.statusCode).toBe(200);
    expect(templates.data.find((t: { id: string }) => t.id === 'aed').columns[0]).toMatchObject({ name: '全国地方公共団体コード', type: 'lgcode', required: true });
    expect((await w.anonymous.send('GET', '/api/admin/opendata/templates')).statusCode).toBe(401);
  });
});

describe('downloads', () => {
  it('streams the file with its name, ETag and charset, counting GETs but not HEAD nor 304', async () => {
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'toilets' });
    const bytes = iconv.encode('名称\r\n公衆トイレ\r\n', 'cp932');
    const created = (await upload(w.publisher, { package_id: 'toilets' }, '公衆トイレ.csv', bytes)).data.result;
    const path = pathOf(created.url);
    const res = await w.anonymous.send('GET', path);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('公衆トイレ.csv')}`);
    expect(res.headers.etag).toBe(`"${created.hash}"`);
    expect(await downloads(created.id)).toBe(1);
    const head = await y.app.inject({ method: 'HEAD', url: `/t/tokushima${path}` });
    expect(head.statusCode).toBe(200);
    const cached = await y.app.inject({ method: 'GET', url: `/t/tokushima${path}`, headers: { 'if-none-match': `"${created.hash}"` } });
    expect(cached.statusCode).toBe(304);
    expect(await downloads(created.id)).toBe(1);
    await w.anonymous.send('GET', path);
    expect(await downloads(created.id)).toBe(2);
    const [month] = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ month: string }>(tx, sql`select to_char(month, 'YYYY-MM-DD') as month from opendata_downloads where resource_id = ${created.id}`));
    expect(month!.month).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('serves private datasets only to staff who may edit them, and nothing of links or deleted resources', async () => {
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'private-data', private: true });
    const created = (await upload(w.publisher, { package_id: 'private-data' }, 'p.csv', Buffer.from('a,b\n1,2\n'))).data.result;
    const path = pathOf(created.url);
    expect((await w.anonymous.send('GET', path)).statusCode).toBe(404);
    expect((await w.outsider.send('GET', path)).statusCode).toBe(404);
    expect((await w.publisher.send('GET', path)).statusCode).toBe(200);
    expect((await w.anonymous.send('GET', action('datastore_search', `resource_id=${created.id}`))).statusCode).toBe(404);
    expect((await w.publisher.send('GET', action('datastore_search', `resource_id=${created.id}`))).statusCode).toBe(200);
    const fileRows = () => y.platform.inTenant(w.tenantId, (tx) => txRows(tx, sql`select id from files where owner_id = ${created.id}`));
    expect(await fileRows()).toHaveLength(1);
    const del = await w.publisher.send('POST', action('resource_delete'), { id: created.id });
    expect(del.statusCode).toBe(200);
    expect(del.data.result).toBeNull();
    expect(await fileRows()).toHaveLength(0);
    expect((await w.publisher.send('GET', path)).statusCode).toBe(404);
    expect((await w.anonymous.send('GET', `/api/opendata/resources/not-an-id/download/x.csv`)).statusCode).toBe(404);
  });
});

describe('living resources', () => {
  it('are downloaded and counted like uploads, and cannot be changed through the API', async () => {
    const ds = await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'living-aed' });
    const bytes = Buffer.from('名称\r\n本庁舎\r\n');
    const id = await y.platform.inTenant(w.tenantId, async (tx) => {
      await tx.execute(sql`update opendata_datasets set source = 'facilities/aed' where id = ${ds}`);
      const f = await y.platform.files.store(tx, { tenantId: w.tenantId, filename: 'living-aed.csv', data: bytes, policy: { allowedTypes: ['text/csv'], maxBytes: 1024 } });
      const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_resources (tenant_id, dataset_id, name, url_type, file_id, format, mimetype, hash, size, encoding, living_format)
        values (${w.tenantId}, ${ds}, '{"ja": "AED"}', 'living', ${f.id}, 'CSV', 'text/csv', ${f.sha256}, ${f.size}, 'utf-8', 'csv') returning id`);
      return row!.id;
    });
    const res = await w.anonymous.send('GET', `/api/opendata/resources/${id}/download/living-aed.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(await downloads(id)).toBe(1);
    expect((await w.publisher.send('POST', action('resource_update'), { id, name: 'x' })).statusCode).toBe(403);
    expect((await w.publisher.send('POST', action('resource_delete'), { id })).statusCode).toBe(403);
  });
});

describe('resource_update', () => {
  it('changes the fields given; a link replaces an upload and drops its datastore table', async () => {
    await insertDataset(y.platform, w.tenantId, w.orgs.toshi, { name: 'stops' });
    const created = (await upload(w.publisher, { package_id: 'stops', name: 'バス停' }, 'stops.csv', Buffer.from('名称,番号\nA,1\n'))).data.result;
    await w.publisher.send('POST', action('resource_update'), { id: created.id, name_translated: { ja: 'バス停', en: 'Bus stops' } });
    // ckanapi sends back the whole dict, own download address included: nothing changes but the name (English kept).
    const renamed = await w.publisher.send('POST', action('resource_update'), { ...created, name: 'バス停一覧', name_translated: undefined });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.data.result).toMatchObject({ name: 'バス停一覧', name_translated: { ja: 'バス停一覧', en: 'Bus stops' }, url_type: 'upload', hash: created.hash, datastore_active: true });
    const linked = await w.publisher.send('POST', action('resource_update'), { id: created.id, url: 'https://example.jp/stops.json' });
    expect(linked.data.result).toMatchObject({ url: 'https://example.jp/stops.json', url_type: '', format: 'JSON', hash: '', size: null, datastore_active: false });
    expect(await y.platform.inTenant(w.tenantId, (tx) => txRows(tx, sql`select id from files where owner_id = ${created.id}`))).toEqual([]);
    expect((await w.outsider.send('POST', action('resource_update'), { id: created.id, name: 'x' })).statusCode).toBe(403);
    const missing = await w.publisher.send('POST', action('resource_update'), {});
    expect(missing.statusCode).toBe(409);
    expect(missing.data.error.id).toHaveLength(1);
  });
});
