import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../core/auth/testing.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import { dayOfWeek, toJstDateString } from '../../core/ja/dates.ts';
import type { Tenant } from '../../core/platform.ts';
import { counterValue } from './counters/repo.ts';
import { ADMIN, PUBLIC, areaInput, smallCity, square, weekly } from './testing.ts';

const FROM = '2027-03-01';
const TO = '2027-03-31';
const days = (res: { data: { collections: { date: string; categoryId: string }[] } }, categoryId: string) =>
  res.data.collections.filter((c) => c.categoryId === categoryId).map((c) => c.date);

describe('garbage: publish, and what citizens see', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let citizen: TestClient;
  let tenant: Tenant;
  let other: Tenant;
  let city: Awaited<ReturnType<typeof smallCity>>;

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    other = (await y.tenants.bySlugName('matsusaka'))!;
    ({ admin } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
    citizen = new TestClient(y.app);
    await citizen.me();
    city = await smallCity(admin);
  });
  afterAll(async () => y?.close());

  it('answers 404 not_published before the first publication', async () => {
    const res = await citizen.send('GET', `${PUBLIC}/bundle`);
    expect([res.statusCode, res.data.error.code]).toEqual([404, 'not_published']);
    expect((await citizen.send('GET', `${PUBLIC}/areas`)).statusCode).toBe(404);
  });

  it('previews the draft calendar with what publishing would add', async () => {
    const res = await admin.send('GET', `${ADMIN}/preview?area=shinmachi&from=${FROM}&to=${TO}`);
    expect(res.statusCode, res.body).toBe(200);
    const mondaysThursdays = days(res, city.burnable);
    expect(mondaysThursdays.length).toBeGreaterThanOrEqual(8);
    expect(mondaysThursdays.every((d) => [1, 4].includes(dayOfWeek(d)))).toBe(true);
    expect(res.data.publishedVersion).toBe(0);
    expect(res.data.changes.added).toHaveLength(res.data.collections.length);
    expect((await admin.send('GET', `${ADMIN}/preview?area=${city.area}&from=${FROM}&to=2028-12-31`)).data.error.field).toBe('to');
    expect((await admin.send('GET', `${ADMIN}/preview?area=nowhere`)).statusCode).toBe(404);
  });

  it('publishes version 1, which the public API serves, with an ETag and X-Offline', async () => {
    const pub = await admin.send('POST', `${ADMIN}/publish`, {});
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.data.version).toBe(1);
    const bundle = await citizen.send('GET', `${PUBLIC}/bundle`);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers.etag).toBe('"1"');
    expect(bundle.headers['x-offline']).toBe('allow');
    expect(bundle.data).toMatchObject({ version: 1, categories: [{ code: 'burnable' }, { code: 'cans' }], areas: [{ code: 'shinmachi' }] });
    const today = toJstDateString(new Date());
    expect(bundle.data.range.from.endsWith('-01')).toBe(true);
    expect(bundle.data.range.from < today && bundle.data.range.to > today).toBe(true);
    expect(bundle.data.holidays.every((h: string) => h >= bundle.data.range.from && h <= bundle.data.range.to)).toBe(true);
    const again = await y.app.inject({ method: 'GET', url: `/t/tokushima${PUBLIC}/bundle`, headers: { 'if-none-match': '"1"' } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const list = await admin.send('GET', `${ADMIN}/publications`);
    expect(list.data.items).toMatchObject([{ version: 1 }]);
    const events = await y.db.rows<{ data: { version: number } }>(sql`select payload->'data' as data from outbox where channel = 'event' and payload->>'name' = 'garbage.published'`);
    expect(events.map((e) => e.data.version)).toEqual([1]);
    const audit = await y.db.rows(sql`select 1 from audit_log where action = 'garbage.publish' and target_id = '1'`);
    expect(audit).toHaveLength(1);
  });

  it('keeps a draft change invisible until it is published', async () => {
    const url = `${PUBLIC}/areas/shinmachi/calendar?from=${FROM}&to=${TO}`;
    const before = days(await citizen.send('GET', url), city.burnable);
    await admin.send('PUT', `${ADMIN}/areas/${city.area}/rules`, { rules: [weekly(city.burnable, [2])] });
    expect(days(await citizen.send('GET', url), city.burnable)).toEqual(before);
    const preview = await admin.send('GET', `${ADMIN}/preview?area=shinmachi&from=${FROM}&to=${TO}`);
    expect(preview.data.publishedVersion).toBe(1);
    expect(preview.data.changes.added.every((c: { date: string }) => dayOfWeek(c.date) === 2)).toBe(true);
    expect(preview.data.changes.removed.map((c: { date: string }) => c.date)).toEqual(before);
    expect((await admin.send('POST', `${ADMIN}/publish`, {})).data.version).toBe(2);
    const after = await citizen.send('GET', url);
    expect(after.data.version).toBe(2);
    expect(days(after, city.burnable).every((d) => dayOfWeek(d) === 2)).toBe(true);
    const stale = await y.app.inject({ method: 'GET', url: `/t/tokushima${PUBLIC}/bundle`, headers: { 'if-none-match': '"1"' } });
    expect([stale.statusCode, stale.headers.etag]).toEqual([200, '"2"']);
  });

  it('applies exceptions and suspensions of the draft in the preview', async () => {
    // The rule is now every Tuesday: 2027-03-02 moves to 03-03, and 03-16 to 03-23 is suspended.
    await admin.send('POST', `${ADMIN}/exceptions`, { date: '2027-03-02', areaId: city.area, categoryId: city.burnable, action: 'move', to: '2027-03-03', note: { ja: '振替' } });
    await admin.send('POST', `${ADMIN}/suspensions`, { from: '2027-03-16', to: '2027-03-23', areaIds: [city.area], categoryIds: [], note: null });
    const res = await admin.send('GET', `${ADMIN}/preview?area=${city.area}&from=${FROM}&to=${TO}`);
    expect(res.data.collections.filter((c: { categoryId: string }) => c.categoryId === city.burnable)).toMatchObject([
      { date: '2027-03-03', movedFrom: '2027-03-02', note: { ja: '振替' } }, { date: '2027-03-09' }, { date: '2027-03-30' },
    ]);
    expect(res.data.changes.removed.map((c: { date: string }) => c.date)).toEqual(['2027-03-02', '2027-03-16', '2027-03-23']);
    expect(res.data.changes.added).toMatchObject([{ date: '2027-03-03', movedFrom: '2027-03-02' }]);
  });

  it('names from or to of a bad calendar range', async () => {
    const base = `${PUBLIC}/areas/shinmachi/calendar`;
    expect((await citizen.send('GET', `${base}?from=2027-02-30`)).data.error.field).toBe('from');
    expect((await citizen.send('GET', `${base}?from=2027-03-01&to=2027-02-01`)).data.error.field).toBe('to');
    expect((await citizen.send('GET', `${base}?from=2027-01-01&to=2028-03-01`)).data.error.field).toBe('to');
    expect((await citizen.send('GET', `${base}?to=tomorrow`)).data.error.field).toBe('to');
    const dflt = await citizen.send('GET', base);
    expect(dflt.statusCode).toBe(200);
    expect(dflt.data.from).toBe(toJstDateString(new Date()));
    expect((await citizen.send('GET', `${PUBLIC}/areas/nowhere/calendar`)).statusCode).toBe(404);
  });

  it('gives two racing publishes different versions, or refuses one with 409', async () => {
    const [a, b] = await Promise.all([admin.send('POST', `${ADMIN}/publish`, {}), admin.send('POST', `${ADMIN}/publish`, {})]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect([[201, 201], [201, 409]]).toContainEqual(statuses);
    if (statuses[1] === 201) expect([a.data.version, b.data.version].sort()).toEqual([3, 4]);
    else expect([a, b].find((r) => r.statusCode === 409)!.data.error.code).toBe('publish_conflict');
    const versions = (await admin.send('GET', `${ADMIN}/publications`)).data.items.map((p: { version: number }) => p.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it.skipIf(!process.env.DATABASE_URL)('maps a publish that loses the race for its version to 409 (PostgreSQL)', async () => {
    const latest = ((await admin.send('GET', `${ADMIN}/publications`)).data.items[0]?.version ?? 0) as number;
    let commit!: () => void;
    const held = new Promise<void>((r) => { commit = r; });
    // Another process took the next version and has not committed yet: this publish reads the old
    // latest version, waits on the primary key, and must answer 409 once the other commits.
    const other = y.platform.inTenant(tenant.id, async (tx) => {
      await tx.execute(sql`insert into garbage_publications (tenant_id, version, bundle) values (${tenant.id}, ${latest + 1}, '{}'::jsonb)`);
      await held;
    });
    const racing = admin.send('POST', `${ADMIN}/publish`, {});
    await new Promise((r) => setTimeout(r, 300));
    commit();
    await other;
    const res = await racing;
    expect([res.statusCode, res.data.error?.code]).toEqual([409, 'publish_conflict']);
    await y.platform.inTenant(tenant.id, (tx) => tx.execute(sql`delete from garbage_publications where version = ${latest + 1}`));
  });

  it('finds areas by name, reading and address', async () => {
    await admin.send('POST', `${ADMIN}/areas`, areaInput({ code: 'kamo', name: { ja: '加茂地区' }, reading: 'カモチク', towns: ['南庄町', '万代町10丁目'], geometry: square(134.52, 34.08), points: [] }));
    await admin.send('POST', `${ADMIN}/publish`, {});
    const q = async (s: string) => (await citizen.send('GET', `${PUBLIC}/areas?q=${encodeURIComponent(s)}`)).data.items.map((a: { code: string }) => a.code);
    expect(await q('')).toEqual(['kamo', 'shinmachi']);
    expect(await q('万代町3丁目')).toEqual(['shinmachi']);
    expect(await q('徳島市万代町三丁目2-1')).toEqual(['shinmachi']);
    expect(await q('万代町10丁目')).toEqual(['kamo']);
    expect(await q('南末広町1-5')).toEqual(['shinmachi']);
    expect(await q('しんまち')).toEqual(['shinmachi']);
    expect(await q('ｶﾓ')).toEqual(['kamo']);
    expect(await q('南庄')).toEqual(['kamo']);
    expect(await q('八万町')).toEqual([]);
    const en = await citizen.send('GET', `${PUBLIC}/areas?q=shinmachi&lang=en`);
    expect(en.data.items[0]).toMatchObject({ code: 'shinmachi', name: 'Shinmachi' });
  });

  it('locates the area holding a point', async () => {
    const inside = await citizen.send('GET', `${PUBLIC}/areas/locate?lat=34.0703&lng=134.5594`);
    expect(inside.data.area).toMatchObject({ code: 'shinmachi', name: '新町地区' });
    expect((await citizen.send('GET', `${PUBLIC}/areas/locate?lat=34.0801&lng=134.5202`)).data.area.code).toBe('kamo');
    expect((await citizen.send('GET', `${PUBLIC}/areas/locate?lat=35&lng=135`)).data.area).toBeNull();
    expect((await citizen.send('GET', `${PUBLIC}/areas/locate?lat=99&lng=135`)).data.error.field).toBe('lat');
  });

  it('searches the dictionary in any script and counts each search for the month', async () => {
    const month = `${toJstDateString(new Date()).slice(0, 7)}-01`;
    const count = () => y.platform.inTenant(tenant.id, (tx) => counterValue(tx, month, 'searches'));
    const before = await count();
    const hit = await citizen.send('GET', `${PUBLIC}/search?q=${encodeURIComponent('ぺっとぼとる')}`);
    expect(hit.statusCode, hit.body).toBe(200);
    expect(hit.data.items[0]).toMatchObject({ name: 'ペットボトル', category: { code: 'cans', color: '#1971c2' }, notes: 'キャップとラベルを外す', fee: null });
    const en = await citizen.send('GET', `${PUBLIC}/search?q=${encodeURIComponent('namagomi')}&lang=en`);
    expect(en.data.items[0]).toMatchObject({ name: 'Kitchen waste', category: { code: 'burnable', name: 'Burnable' } });
    expect(await count()).toBe(before + 2);
  });

  it('shows one tenant nothing of another (RLS)', async () => {
    const stranger = new TestClient(y.app, '/t/matsusaka');
    const res = await stranger.send('GET', `${PUBLIC}/bundle`);
    expect([res.statusCode, res.data.error.code]).toEqual([404, 'not_published']);
    expect((await stranger.send('GET', `${PUBLIC}/search?q=pet`)).statusCode).toBe(404);
    const rows = await y.platform.inTenant(other.id, (tx) => txRows(tx, sql`select version from garbage_publications`));
    expect(rows).toEqual([]);
    const cats = await y.platform.inTenant(other.id, (tx) => txRows(tx, sql`select id from garbage_categories`));
    expect(cats).toEqual([]);
  });
});
