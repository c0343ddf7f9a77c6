import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { twoTenants } from '../../core/auth/testing.ts';
import { insertDataset, insertLinkResource, insertOrg } from './testing.ts';
import { opendataKpis } from './kpis.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let tenantId: string;
let otherId: string;
const ids: Record<string, string> = {};

const kpi = (id: string) => opendataKpis.find((k) => k.id === id)!;
const compute = (id: string, from: string, to: string, tenant = tenantId) =>
  y.platform.inTenant(tenant, (tx) => kpi(id).compute(tx, { tenantId: tenant, from: new Date(from), to: new Date(to) }));

beforeAll(async () => {
  y = await testApp();
  const t = await twoTenants(y.platform);
  tenantId = t.tokushima.id;
  otherId = t.matsusaka.id;
  const org = await insertOrg(y.platform, tenantId, 'soumu');
  for (const [name, over] of [['aa', {}], ['bb', {}], ['secret', { private: true }], ['draft', { state: 'draft' }], ['gone', { state: 'deleted' }], ['living', {}]] as const) {
    ids[name] = await insertDataset(y.platform, tenantId, org, { name, title: { ja: `データ${name}`, en: `Data ${name}` }, ...over });
  }
  await y.platform.inTenant(tenantId, async (tx) => {
    // a and the rest created in January 2026; b only in March; gone deleted in February
    await tx.execute(sql`update opendata_datasets set metadata_created = '2026-01-10T00:00:00+09:00'`);
    await tx.execute(sql`update opendata_datasets set metadata_created = '2026-03-05T00:00:00+09:00' where name = 'bb'`);
    await tx.execute(sql`update opendata_datasets set deleted_at = '2026-02-15T00:00:00+09:00' where name = 'gone'`);
    await tx.execute(sql`update opendata_datasets set source = 'notices/notices' where name = 'living'`);
  });
  const ra = await insertLinkResource(y.platform, tenantId, ids.aa!);
  const ra2 = await insertLinkResource(y.platform, tenantId, ids.aa!, { position: 1 });
  const rb = await insertLinkResource(y.platform, tenantId, ids.bb!);
  await y.platform.inTenant(tenantId, (tx) => tx.execute(sql`insert into opendata_downloads (tenant_id, resource_id, month, count) values
    (${tenantId}, ${ra}, '2026-01-01', 5), (${tenantId}, ${ra2}, '2026-01-01', 2), (${tenantId}, ${ra}, '2026-02-01', 7),
    (${tenantId}, ${rb}, '2026-03-01', 11), (${tenantId}, ${ra}, '2026-04-01', 100)`));
});
afterAll(() => y?.close());

describe('open data KPIs', () => {
  it('counts public datasets standing at the end of the period: not private, not draft, not yet deleted', async () => {
    // Jan: a, gone (deleted later), living
    expect(await compute('opendata.datasets_published', '2026-01-01T00:00:00+09:00', '2026-02-01T00:00:00+09:00')).toBe(3);
    // Feb: gone was deleted mid-February
    expect(await compute('opendata.datasets_published', '2026-02-01T00:00:00+09:00', '2026-03-01T00:00:00+09:00')).toBe(2);
    // Mar: b appears
    expect(await compute('opendata.datasets_published', '2026-03-01T00:00:00+09:00', '2026-04-01T00:00:00+09:00')).toBe(3);
    expect(await compute('opendata.datasets_published', '2025-01-01T00:00:00+09:00', '2026-01-01T00:00:00+09:00')).toBe(0);
    expect(await compute('opendata.datasets_published', '2026-01-01T00:00:00+09:00', '2026-04-01T00:00:00+09:00', otherId)).toBe(0);
  });

  it('counts living datasets the same way', async () => {
    expect(await compute('opendata.living_datasets', '2026-01-01T00:00:00+09:00', '2026-02-01T00:00:00+09:00')).toBe(1);
    expect(await compute('opendata.living_datasets', '2025-12-01T00:00:00+09:00', '2026-01-01T00:00:00+09:00')).toBe(0);
  });

  it('sums downloads over the months of the period, with a breakdown per dataset that adds up', async () => {
    const q = { tenantId, from: new Date('2026-01-01T00:00:00+09:00'), to: new Date('2026-04-01T00:00:00+09:00') };
    expect(await compute('opendata.downloads', '2026-01-01T00:00:00+09:00', '2026-04-01T00:00:00+09:00')).toBe(25);
    expect(await compute('opendata.downloads', '2026-02-01T00:00:00+09:00', '2026-03-01T00:00:00+09:00')).toBe(7);
    const parts = await y.platform.inTenant(tenantId, (tx) => kpi('opendata.downloads').breakdown!(tx, q));
    expect(parts).toEqual([
      { key: ids.aa, label: { ja: 'データaa', en: 'Data aa' }, value: 14 },
      { key: ids.bb, label: { ja: 'データbb', en: 'Data bb' }, value: 11 },
    ]);
  });
});
