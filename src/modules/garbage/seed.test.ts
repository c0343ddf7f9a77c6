import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient, twoTenants } from '../../core/auth/testing.ts';
import { addDays, dayOfWeek, toJstDateString } from '../../core/ja/dates.ts';
import { upsertSubscription } from '../../core/notify/push-repo.ts';
import type { Tenant } from '../../core/platform.ts';
import { garbage } from './index.ts';
import { PUBLIC } from './testing.ts';
import { STANDARD_ITEM_HEADER } from './exchange/standard.ts';

describe('garbage: seed, KPIs and open data', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tokushima: Tenant;
  let matsusaka: Tenant;
  let citizen: TestClient;
  const seed = (t: Tenant) => y.platform.inTenant(t.id, (tx) => garbage.seed!({ tx, tenantId: t.id, platform: y.platform }, t));

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tokushima = (await y.tenants.bySlugName('tokushima'))!;
    matsusaka = (await y.tenants.bySlugName('matsusaka'))!;
    await seed(tokushima);
    await seed(matsusaka);
    await seed(tokushima); // a second run changes nothing
    citizen = new TestClient(y.app);
  });
  afterAll(async () => y?.close());

  it('publishes version 1 with areas whose public calendars have collections', async () => {
    const bundle = await citizen.send('GET', `${PUBLIC}/bundle`);
    expect(bundle.data.version).toBe(1);
    expect(bundle.data.areas.map((a: { code: string }) => a.code)).toEqual(['shinmachi', 'uchimachi', 'sako', 'kamo']);
    expect(bundle.data.items.length).toBeGreaterThan(200);
    const from = toJstDateString(new Date());
    const cal = await citizen.send('GET', `${PUBLIC}/areas/shinmachi/calendar?from=${from}&to=${addDays(from, 60)}`);
    expect(cal.statusCode).toBe(200);
    const code = new Map(bundle.data.categories.map((c: { id: string; code: string }) => [c.id, c.code]));
    const burnable = cal.data.collections.filter((c: { categoryId: string }) => code.get(c.categoryId) === 'burnable');
    expect(burnable.length).toBeGreaterThan(10);
    expect(burnable.every((c: { date: string; movedFrom?: string }) => c.movedFrom || [1, 4].includes(dayOfWeek(c.date)))).toBe(true);
    const matsu = new TestClient(y.app, '/t/matsusaka');
    expect((await matsu.send('GET', `${PUBLIC}/areas/locate?lat=34.578&lng=136.53`)).data.area.code).toBe('chubu');
    const pubs = await y.db.rows(sql`select tenant_id from garbage_publications`);
    expect(pubs).toHaveLength(2);
  });

  it('suspends 12/29–1/3 and moves the 12/31 burnable collection to 12/28', async () => {
    const bundle = (await citizen.send('GET', `${PUBLIC}/bundle`)).data;
    const y0 = bundle.range.from.slice(0, 4);
    const from = `${y0}-12-20`;
    const cal = (await citizen.send('GET', `${PUBLIC}/areas/shinmachi/calendar?from=${from}&to=${Number(y0) + 1}-01-10`)).data.collections as { date: string; movedFrom?: string }[];
    expect(cal.filter((c) => c.date >= `${y0}-12-29` && c.date <= `${Number(y0) + 1}-01-03`)).toEqual([]);
    if ([1, 4].includes(dayOfWeek(`${y0}-12-31`))) expect(cal.find((c) => c.movedFrom === `${y0}-12-31`)?.date).toBe(`${y0}-12-28`);
    expect(bundle.exceptions.some((e: { action: string }) => e.action === 'collect')).toBe(true);
  });

  it('counts reminder subscribers, feed clients and searches', async () => {
    await y.platform.inTenant(tokushima.id, async (tx) => {
      const keys = { p256dh: 'k', auth: 'a' };
      await upsertSubscription(tx, tokushima.id, 'topic:garbage.shinmachi.burnable.eve', { endpoint: 'https://push.example/1', keys });
      await upsertSubscription(tx, tokushima.id, 'topic:garbage.shinmachi.cans.morn', { endpoint: 'https://push.example/1', keys });
      await upsertSubscription(tx, tokushima.id, 'topic:garbage.sako.notices', { endpoint: 'https://push.example/2', keys });
      await upsertSubscription(tx, tokushima.id, 'topic:disaster.all', { endpoint: 'https://push.example/3', keys });
    });
    await citizen.send('GET', `${PUBLIC}/search?q=petto`);
    await citizen.send('GET', `${PUBLIC}/search?q=ぺっとぼとる`);
    await y.app.inject({ method: 'GET', url: `/t/tokushima${PUBLIC}/feeds/shinmachi.ics`, headers: { 'user-agent': 'a' } });
    await y.app.inject({ method: 'GET', url: `/t/tokushima${PUBLIC}/feeds/sako.ics`, headers: { 'user-agent': 'a' } });
    const q = { tenantId: tokushima.id, from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) };
    const kpi = (id: string) => garbage.kpis!.find((k) => k.id === id)!;
    const values = await y.platform.inTenant(tokushima.id, async (tx) => [
      await kpi('garbage.reminder_subscribers').compute(tx, q), await kpi('garbage.feed_subscribers').compute(tx, q), await kpi('garbage.searches').compute(tx, q),
    ]);
    expect(values).toEqual([2, 1, 2]);
    const lastYear = { ...q, from: new Date(Date.now() - 400 * 86400_000), to: new Date(Date.now() - 380 * 86400_000) };
    expect(await y.platform.inTenant(tokushima.id, (tx) => kpi('garbage.searches').compute(tx, lastYear))).toBe(0);
  });

  it('publishes the dictionary, points and calendar as open data from the latest publication', async () => {
    const ds = (id: string) => garbage.openData!.find((d) => d.id === id)!;
    const [items, points, calendar] = await y.platform.inTenant(matsusaka.id, async (tx) => [
      await ds('garbage-items').rows(tx, matsusaka.id), await ds('garbage-points').rows(tx, matsusaka.id), await ds('garbage-calendar').rows(tx, matsusaka.id),
    ]);
    expect(ds('garbage-items').columns).toEqual(STANDARD_ITEM_HEADER);
    expect(items.length).toBeGreaterThan(200);
    expect(items[0]).toMatchObject({ 全国地方公共団体コード: '242047', 地方公共団体名: '松阪市' });
    expect(points.map((p) => p['地区名'])).toContain('中部地区');
    expect(calendar.length).toBeGreaterThan(300);
    expect(calendar[0]).toMatchObject({ 地区名: '中部地区' });
    expect(Object.keys(calendar[0]!)).toEqual(ds('garbage-calendar').columns);
  });
});
