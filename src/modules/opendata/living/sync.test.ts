import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testApp } from '../../../test/app.ts';
import { twoTenants } from '../../../core/auth/testing.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Tenant } from '../../../core/platform.ts';
import type { Manifest } from '../../../core/modules/manifest.ts';
import { notices } from '../../notices/index.ts';
import { garbage } from '../../garbage/index.ts';
import { syncLiving, syncTenantIn } from './sync.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let tokushima: Tenant;
let matsusaka: Tenant;
const seed = (m: Manifest, t: Tenant) => y.platform.inTenant(t.id, (tx) => m.seed!({ tx, tenantId: t.id, platform: y.platform }, t));
const q = <T>(t: Tenant, query: ReturnType<typeof sql>) => y.platform.inTenant(t.id, (tx) => txRows<T>(tx, query));
const revision = async (t: Tenant) => Number((await q<{ revision: string }>(t, sql`select revision from opendata_catalog_state`))[0]?.revision ?? 0);

interface Res { id: string; living_format: string; file_id: string; format: string; mimetype: string; size: string; hash: string; url_type: string; datastore_active: boolean }
const resourcesOf = (t: Tenant, name: string) => q<Res>(t, sql`select r.* from opendata_resources r join opendata_datasets d on d.id = r.dataset_id
  where d.name = ${name} order by r.position`);
const fileOf = (t: Tenant, id: string) => y.platform.inTenant(t.id, (tx) => y.platform.files.read(tx, id));

beforeAll(async () => {
  y = await testApp();
  await twoTenants(y.platform);
  await y.tenants.reload();
  tokushima = (await y.tenants.bySlugName('tokushima'))!;
  matsusaka = (await y.tenants.bySlugName('matsusaka'))!;
  await seed(notices, tokushima);
  await seed(garbage, tokushima);
});
afterAll(() => y?.close());

describe('living datasets', () => {
  it('creates a dataset with CSV, JSON and datastore rows matching the module\'s rows', async () => {
    const results = await syncLiving(y.platform, tokushima.id);
    expect(results.find((r) => r.source === 'notices/notices')?.outcome).toBe('created');
    expect(results.find((r) => r.source === 'garbage/garbage-points')?.outcome).toBe('created');
    // applications has no procedures in this tenant: no empty dataset
    expect(results.find((r) => r.source === 'applications/procedures')?.outcome).toBe('skipped');
    expect(results.every((r) => r.tenantId === tokushima.id)).toBe(true);

    const [ds] = await q<{ name: string; title: { ja: string; en: string }; tags: string[]; extras: unknown; license_id: string; org: string; private: boolean; state: string }>(tokushima, sql`
      select d.*, o.name as org from opendata_datasets d join opendata_organizations o on o.id = d.owner_org where d.source = 'notices/notices'`);
    expect(ds).toMatchObject({ name: 'notices-notices', title: { ja: 'お知らせ一覧', en: 'Notices' }, tags: ['自動更新'], license_id: 'CC-BY-4.0', org: 'city-systems', private: false, state: 'active' });
    expect(ds!.extras).toEqual([{ key: 'source', value: 'notices/notices' }, { key: 'frequency', value: 'continuous' }]);

    const res = await resourcesOf(tokushima, 'notices-notices');
    expect(res.map((r) => [r.living_format, r.format, r.url_type])).toEqual([['csv', 'CSV', 'living'], ['json', 'JSON', 'living']]);
    const expected = await y.platform.inTenant(tokushima.id, (tx) => notices.openData![0]!.rows(tx, tokushima.id));
    expect(expected.length).toBeGreaterThan(0);
    const csv = await fileOf(tokushima, res[0]!.file_id);
    expect([...csv.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.file.sha256).toBe(res[0]!.hash);
    expect(Number(res[0]!.size)).toBe(csv.data.length);
    const parsed = parse(csv.data, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r['タイトル'])).toEqual(expected.map((r) => r['タイトル']));
    const json = JSON.parse((await fileOf(tokushima, res[1]!.file_id)).data.toString('utf8')) as Record<string, unknown>[];
    expect(json.map((r) => r['ID'])).toEqual(expected.map((r) => r['ID']));
    expect(Object.keys(json[0]!)).toEqual(notices.openData![0]!.columns);

    expect(res[0]!.datastore_active).toBe(true);
    const stored = await q<{ data: Record<string, unknown> }>(tokushima, sql`select data from opendata_datastore_rows where resource_id = ${res[0]!.id} order by row_id`);
    expect(stored.map((s) => s.data['ID'])).toEqual(parsed.map((r) => r['ID']));
    expect(stored.map((s) => s.data['本文'])).toEqual(parsed.map((r) => r['本文']));
  });

  it('publishes GeoJSON points at [lng, lat] for data with 緯度 and 経度, typed numeric in the datastore', async () => {
    const res = await resourcesOf(tokushima, 'garbage-garbage-points');
    expect(res.map((r) => r.living_format)).toEqual(['csv', 'json', 'geojson']);
    expect(res[2]!.mimetype).toBe('application/geo+json');
    const geo = JSON.parse((await fileOf(tokushima, res[2]!.file_id)).data.toString('utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    const rows = await y.platform.inTenant(tokushima.id, (tx) => garbage.openData!.find((d) => d.id === 'garbage-points')!.rows(tx, tokushima.id));
    const first = rows.find((r) => r['緯度'] !== '')!;
    const f = geo.features.find((x: { properties: Record<string, unknown> }) => x.properties['ID'] === first['ID']);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [Number(first['経度']), Number(first['緯度'])] });
    expect(f.geometry.coordinates[0]).toBeGreaterThan(130); // longitude first
    const fields = await q<{ id: string; type: string }>(tokushima, sql`select id, type from opendata_datastore_fields where resource_id = ${res[0]!.id} order by position`);
    expect(fields.find((x) => x.id === '緯度')!.type).toBe('numeric');
    expect(fields.find((x) => x.id === '名称')!.type).toBe('text');
  });

  it('changes nothing when the source has not changed: no revision bump, same metadata_modified', async () => {
    const before = await revision(tokushima);
    const [m0] = await q<{ metadata_modified: Date }>(tokushima, sql`select metadata_modified from opendata_datasets where name = 'notices-notices'`);
    const results = await syncLiving(y.platform, tokushima.id);
    expect(results.filter((r) => r.outcome !== 'skipped').every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(await revision(tokushima)).toBe(before);
    const [m1] = await q<{ metadata_modified: Date }>(tokushima, sql`select metadata_modified from opendata_datasets where name = 'notices-notices'`);
    expect(new Date(m1!.metadata_modified).getTime()).toBe(new Date(m0!.metadata_modified).getTime());
  });

  it('picks up a change of the source: new snapshot, old file dropped, datastore reloaded', async () => {
    const [old] = await resourcesOf(tokushima, 'notices-notices');
    await q(tokushima, sql`insert into notices_notices (tenant_id, title_ja, body_ja, published_at) values (${tokushima.id}, '新しいお知らせ', '本文', now() - interval '1 minute')`);
    const before = await revision(tokushima);
    const results = await syncLiving(y.platform, tokushima.id);
    expect(results.find((r) => r.source === 'notices/notices')?.outcome).toBe('updated');
    expect(results.find((r) => r.source === 'garbage/garbage-items')?.outcome).toBe('unchanged');
    expect(await revision(tokushima)).toBeGreaterThan(before);
    const [now] = await resourcesOf(tokushima, 'notices-notices');
    expect(now!.id).toBe(old!.id);
    expect(now!.hash).not.toBe(old!.hash);
    expect(await q(tokushima, sql`select id from files where id = ${old!.file_id}`)).toEqual([]);
    const csv = parse((await fileOf(tokushima, now!.file_id)).data, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv[0]!['タイトル']).toBe('新しいお知らせ');
    const [n] = await q<{ n: number }>(tokushima, sql`select count(*)::int as n from opendata_datastore_rows where resource_id = ${now!.id}`);
    expect(n!.n).toBe(csv.length);
  });

  it('keeps tenants apart, leaves a deleted living dataset deleted, and syncs inside a seed transaction', async () => {
    await q(tokushima, sql`update opendata_datasets set state = 'deleted' where name = 'notices-notices'`);
    await q(tokushima, sql`insert into notices_notices (tenant_id, title_ja, body_ja, published_at) values (${tokushima.id}, 'もう一件', '本文', now() - interval '1 minute')`);
    expect((await syncLiving(y.platform, tokushima.id)).find((r) => r.source === 'notices/notices')?.outcome).toBe('skipped');
    expect(await q(matsusaka, sql`select id from opendata_datasets`)).toEqual([]);
    await seed(notices, matsusaka);
    const results = await y.platform.inTenant(matsusaka.id, (tx) => syncTenantIn(y.platform, tx, matsusaka.id));
    expect(results.find((r) => r.source === 'notices/notices')?.outcome).toBe('created');
    expect((await q<{ name: string }>(matsusaka, sql`select name from opendata_datasets`)).map((d) => d.name)).toEqual(['notices-notices']);
  });
});
