import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { twoTenants } from '../../../core/auth/testing.ts';
import type { Tenant } from '../../../core/platform.ts';
import { insertDataset, insertOrg } from '../testing.ts';
import { catalogIndex } from './catalog.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let tokushima: Tenant;
let matsusaka: Tenant;
let org: string;
const base = { baseUrl: 'https://yakuba.example.jp', slug: 'tokushima' };

beforeAll(async () => {
  y = await testApp();
  const t = await twoTenants(y.platform);
  tokushima = { id: t.tokushima.id, slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018', settings: {} };
  matsusaka = { id: t.matsusaka.id, slug: 'matsusaka', nameJa: '松阪市', nameEn: 'Matsusaka', lgCode: '242047', settings: {} };
  org = await insertOrg(y.platform, tokushima.id, 'soumu');
  await insertDataset(y.platform, tokushima.id, org, { name: 'first' });
});
afterAll(() => y?.close());

describe('the per-tenant search index', () => {
  it('is built once for concurrent callers and kept while the catalog does not change', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => catalogIndex(y.platform, tokushima, base)));
    expect(new Set(all).size).toBe(1);
    expect(all[0]!.docs.map((d) => d.pkg.name)).toEqual(['first']);
    expect(await catalogIndex(y.platform, tokushima, base)).toBe(all[0]);
  });

  it('is rebuilt after any change to the catalog, the next call seeing it (read your writes)', async () => {
    const before = await catalogIndex(y.platform, tokushima, base);
    await insertDataset(y.platform, tokushima.id, org, { name: 'second' });
    const after = await catalogIndex(y.platform, tokushima, base);
    expect(after).not.toBe(before);
    expect(BigInt(after.revision)).toBeGreaterThan(BigInt(before.revision));
    expect(after.docs.map((d) => d.pkg.name)).toEqual(['first', 'second']);
    await y.platform.inTenant(tokushima.id, (tx) => tx.execute(sql`update opendata_organizations set title = '{"ja": "総務課", "en": "General Affairs"}'`));
    const renamed = await catalogIndex(y.platform, tokushima, base);
    expect(renamed.docs[0]!.pkg.organization.title).toBe('総務課');
  });

  it('reloads only the changed datasets when it can, and everything when an organisation changed or changes were pruned', async () => {
    const before = await catalogIndex(y.platform, tokushima, base);
    const unchanged = before.byName.get('first')!.pkg;
    await y.platform.inTenant(tokushima.id, (tx) => tx.execute(sql`update opendata_datasets set title = '{"ja": "二番目", "en": "Second"}' where name = 'second'`));
    const third = await insertDataset(y.platform, tokushima.id, org, { name: 'third' });
    const delta = await catalogIndex(y.platform, tokushima, base);
    expect(delta.byName.get('second')!.pkg.title).toBe('二番目');
    expect(delta.byId.has(third)).toBe(true);
    expect(delta.byName.get('first')!.pkg).toBe(unchanged); // not reloaded
    expect(delta.byName.get('first')!.text).toBe(before.byName.get('first')!.text); // nor normalised again
    expect(delta.byName.get('second')!.text.title).toContain('二番目');
    expect(delta.grams.get('二番')).toBeDefined();
    await y.platform.inTenant(tokushima.id, (tx) => tx.execute(sql`delete from opendata_datasets where id = ${third}`));
    const removed = await catalogIndex(y.platform, tokushima, base);
    expect(removed.byId.has(third)).toBe(false);
    expect(removed.byName.get('first')!.pkg).toBe(unchanged);

    await y.platform.inTenant(tokushima.id, (tx) => tx.execute(sql`update opendata_organizations set title = '{"ja": "総務部", "en": "General Affairs"}'`));
    const full = await catalogIndex(y.platform, tokushima, base);
    expect(full.byName.get('first')!.pkg).not.toBe(unchanged);
    expect(full.byName.get('first')!.pkg.organization.title).toBe('総務部');

    const kept = full.byName.get('first')!.pkg;
    await insertDataset(y.platform, tokushima.id, org, { name: 'fourth' });
    await y.platform.inTenant(tokushima.id, (tx) => tx.execute(sql`delete from opendata_catalog_changes`));
    const afterPrune = await catalogIndex(y.platform, tokushima, base);
    expect(afterPrune.byName.has('fourth')).toBe(true);
    expect(afterPrune.byName.get('first')!.pkg).not.toBe(kept); // could not tell what changed: full reload
  });

  it('keeps tenants apart, and answers an empty catalog', async () => {
    const other = await catalogIndex(y.platform, matsusaka, { ...base, slug: 'matsusaka' });
    expect(other.docs).toEqual([]);
    expect(other.revision).toBe('0');
  });
});
