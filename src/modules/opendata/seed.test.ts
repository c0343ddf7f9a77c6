import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testApp } from '../../test/app.ts';
import { seedDemo } from '../../core/seed/demo.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import type { Tenant } from '../../core/platform.ts';
import { TestClient } from '../../core/auth/testing.ts';
import { validateCsv } from './standards/validate.ts';
import { templateById } from './standards/templates.ts';
import { opendata } from './index.ts';
import { action } from './testing.ts';
import { syncLiving } from './living/sync.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let tokushima: Tenant;
let matsusaka: Tenant;
const q = <T>(t: Tenant, query: ReturnType<typeof sql>) => y.platform.inTenant(t.id, (tx) => txRows<T>(tx, query));

beforeAll(async () => {
  y = await testApp();
  await seedDemo(y.platform);
  await y.tenants.reload();
  tokushima = (await y.tenants.bySlugName('tokushima'))!;
  matsusaka = (await y.tenants.bySlugName('matsusaka'))!;
});
afterAll(() => y?.close());

describe('open data demo seed', () => {
  it('makes one organisation per department and the five theme groups with English titles', async () => {
    const orgs = await q<{ name: string; title: { ja: string; en: string }; department_id: string | null }>(tokushima, sql`select name, title, department_id from opendata_organizations order by name`);
    const depts = await q<{ code: string }>(tokushima, sql`select code from departments`);
    expect(orgs.filter((o) => o.department_id).map((o) => o.name).sort()).toEqual(depts.map((d) => d.code).sort());
    expect(orgs.find((o) => o.name === 'crisis')!.title).toEqual({ ja: '危機管理課', en: 'Crisis Management Division' });
    const groups = await q<{ name: string; title: { ja: string; en: string } }>(matsusaka, sql`select name, title from opendata_groups order by name`);
    expect(groups.map((g) => g.name)).toEqual(['bousai', 'kanko', 'kenko-fukushi', 'kosodate', 'kurashi']);
    expect(groups.every((g) => g.title.ja && g.title.en)).toBe(true);
  });

  it('publishes AED, evacuation and facility datasets whose CSVs pass the standard and match the datastore', async () => {
    for (const [t, code] of [[tokushima, '362018'], [matsusaka, '242047']] as const) {
      const rows = await q<{ name: string; template_id: string; org: string; file_id: string; resource_id: string; check_ok: boolean; datastore_active: boolean; groups: string[] }>(t, sql`
        select d.name, d.template_id, o.name as org, r.file_id, r.id as resource_id, r.check_ok, r.datastore_active,
               array(select g.name from opendata_dataset_groups dg join opendata_groups g on g.id = dg.group_id where dg.dataset_id = d.id order by g.name) as groups
          from opendata_datasets d join opendata_organizations o on o.id = d.owner_org join opendata_resources r on r.dataset_id = d.id
         where d.source is null and not d.private and d.state = 'active' order by d.name`);
      expect(rows.map((r) => r.name)).toEqual([`${code}-aed`, `${code}-evacuation-space`, `${code}-public-facility`]);
      expect(rows[0]!.groups).toEqual(['bousai', 'kenko-fukushi']);
      expect(rows[1]!.org).toBe(t === tokushima ? 'crisis' : 'disaster');
      for (const r of rows) {
        expect(r.check_ok && r.datastore_active).toBe(true);
        const { data } = await y.platform.inTenant(t.id, (tx) => y.platform.files.read(tx, r.file_id));
        const report = validateCsv(data, templateById(r.template_id)!);
        expect(report.problems, r.name).toEqual([]);
        expect(report.header.missing).toEqual([]);
        const csv = parse(data, { bom: true, columns: true }) as Record<string, string>[];
        expect(csv.length).toBeGreaterThanOrEqual(3);
        expect(csv.every((c) => c['全国地方公共団体コード'] === code && c['備考']!.includes('デモ'))).toBe(true);
        const stored = await q<{ data: Record<string, unknown> }>(t, sql`select data from opendata_datastore_rows where resource_id = ${r.resource_id} order by row_id`);
        const types = new Map((await q<{ id: string; type: string }>(t, sql`select id, type from opendata_datastore_fields where resource_id = ${r.resource_id}`)).map((f) => [f.id, f.type]));
        expect(types.get('緯度')).toBe('numeric');
        // numbers in typed columns (34.5300 reads back as 34.53), text as written
        const asCsv = (k: string, v: string) => (types.get(k) === 'text' ? v : v === '' ? null : Number(v));
        expect(stored.map((s) => s.data)).toEqual(csv.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, asCsv(k, v)]))));
      }
    }
  });

  it('places the demo facilities near each city hall', async () => {
    const [hall] = await q<{ data: Record<string, number> }>(matsusaka, sql`select r.data from opendata_datastore_rows r
      join opendata_resources s on s.id = r.resource_id join opendata_datasets d on d.id = s.dataset_id where d.name = '242047-public-facility' and r.row_id = 1`);
    expect(hall!.data['緯度']).toBeCloseTo(34.5779, 3);
    expect(hall!.data['経度']).toBeCloseTo(136.5275, 3);
    const coords = await q<{ lat: number; lng: number }>(tokushima, sql`select (r.data->>'緯度')::float as lat, (r.data->>'経度')::float as lng from opendata_datastore_rows r
      join opendata_resources s on s.id = r.resource_id join opendata_datasets d on d.id = s.dataset_id where d.name like '362018-%'`);
    expect(coords.every((c) => Math.abs(c.lat - 34.0703) < 0.05 && Math.abs(c.lng - 134.5548) < 0.05)).toBe(true);
  });

  it('syncs the living datasets of the seeded modules and is found through the CKAN API', async () => {
    const living = await q<{ name: string; org: string }>(tokushima, sql`select d.name, o.name as org from opendata_datasets d
      join opendata_organizations o on o.id = d.owner_org where d.source is not null order by d.name`);
    expect(living.map((d) => d.name)).toEqual(expect.arrayContaining(['garbage-garbage-points', 'notices-notices']));
    expect(new Set(living.map((d) => d.org))).toEqual(new Set(['city-systems']));
    const res = await new TestClient(y.app, '/t/tokushima').send('GET', action('package_show', 'id=362018-aed'));
    expect(res.statusCode).toBe(200);
    expect(res.data.result.resources[0].check.ok).toBe(true);
  });

  it('runs once: seeding again adds nothing', async () => {
    const count = async () => (await q<{ n: number }>(tokushima, sql`select count(*)::int as n from opendata_datasets`))[0]!.n;
    const before = await count();
    await y.platform.inTenant(tokushima.id, (tx) => opendata.seed!({ tx, tenantId: tokushima.id, platform: y.platform }, tokushima));
    expect(await count()).toBe(before);
    // the seed's sync left nothing to do and nothing failed
    const again = await syncLiving(y.platform);
    expect(again.filter((r) => r.outcome !== 'unchanged' && r.outcome !== 'skipped')).toEqual([]);
    expect(again.filter((r) => r.outcome === 'unchanged').map((r) => r.source)).toEqual(expect.arrayContaining(['applications/procedures', 'garbage/garbage-calendar', 'notices/notices']));
  });
});
