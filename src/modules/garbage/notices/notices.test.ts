import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import { addDays, toJstDateString } from '../../../core/ja/dates.ts';
import type { Tenant } from '../../../core/platform.ts';
import { ADMIN, PUBLIC, areaInput, smallCity, square } from '../testing.ts';

describe('garbage: city notices', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let plain: TestClient;
  let citizen: TestClient;
  let tenant: Tenant;
  let areas: { shinmachi: string; sako: string };
  const today = toJstDateString(new Date());
  const input = (over: Record<string, unknown> = {}) => ({
    kind: 'cancellation', areaIds: [areas.shinmachi], title: { ja: '台風のため本日の収集を中止します', en: 'No collection today (typhoon)' },
    body: { ja: '次の収集日に出してください。' }, startsOn: today, endsOn: addDays(today, 1), ...over,
  });
  const pushes = () => y.db.rows<{ audience: string; title: string }>(sql`select payload->>'audience' as audience, payload->>'title' as title from outbox where channel = 'push' order by payload->>'audience'`);

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin, plain } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
    citizen = new TestClient(y.app);
    const city = await smallCity(admin);
    const sako = await admin.send('POST', `${ADMIN}/areas`, areaInput({ code: 'sako', name: { ja: '佐古地区' }, reading: 'サコチク', towns: ['佐古一番町'], geometry: square(134.53, 34.08), points: [] }));
    areas = { shinmachi: city.area, sako: sako.data.id };
  });
  afterAll(async () => y?.close());

  it('refuses bad input naming the field, and callers without the permission', async () => {
    expect((await admin.send('POST', `${ADMIN}/notices`, input({ endsOn: addDays(today, -1) }))).data.error.field).toBe('endsOn');
    expect((await admin.send('POST', `${ADMIN}/notices`, input({ startsOn: '2027-02-30' }))).data.error.field).toBe('startsOn');
    expect((await admin.send('POST', `${ADMIN}/notices`, input({ areaIds: [areas.sako, '00000000-0000-4000-8000-000000000000'] }))).data.error.field).toBe('areaIds[1]');
    expect((await admin.send('POST', `${ADMIN}/notices`, input({ title: { ja: ' ' } }))).data.error.field).toBe('title.ja');
    expect((await admin.send('POST', `${ADMIN}/notices`, input({ kind: 'party' }))).data.error.field).toBe('kind');
    expect((await plain.send('POST', `${ADMIN}/notices`, input())).statusCode).toBe(403);
  });

  it('shows a notice to citizens only once published and live, and pushes it once to its areas', async () => {
    const created = await admin.send('POST', `${ADMIN}/notices`, input());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.publishedAt).toBeNull();
    expect((await citizen.send('GET', `${PUBLIC}/notices?area=shinmachi`)).data.items).toEqual([]);
    const pub = await admin.send('POST', `${ADMIN}/notices/${created.data.id}/publish`, {});
    expect([pub.statusCode, pub.data.pushed]).toEqual([200, 1]);
    expect((await admin.send('POST', `${ADMIN}/notices/${created.data.id}/publish`, {})).data.pushed).toBe(0);
    expect(await pushes()).toEqual([{ audience: 'topic:garbage.shinmachi.notices', title: '台風のため本日の収集を中止します' }]);
    const live = await citizen.send('GET', `${PUBLIC}/notices?area=shinmachi&lang=en`);
    expect(live.headers['x-offline']).toBe('allow');
    expect(live.data.items).toMatchObject([{ kind: 'cancellation', title: 'No collection today (typhoon)', areaCodes: ['shinmachi'], startsOn: today }]);
    expect((await citizen.send('GET', `${PUBLIC}/notices?area=sako`)).data.items).toEqual([]);
    expect((await citizen.send('GET', `${PUBLIC}/notices?area=nowhere`)).statusCode).toBe(404);
    const audit = await y.db.rows(sql`select action from audit_log where action like 'garbage.notice.%' order by action`);
    expect(audit.map((a) => (a as { action: string }).action)).toEqual(['garbage.notice.create', 'garbage.notice.publish']);
  });

  it('pushes a notice for every area to each area, and hides notices outside their dates', async () => {
    const all = await admin.send('POST', `${ADMIN}/notices`, input({ kind: 'schedule', areaIds: [], title: { ja: '年末年始の収集について' } }));
    await admin.send('POST', `${ADMIN}/notices/${all.data.id}/publish`, {});
    const later = await admin.send('POST', `${ADMIN}/notices`, input({ startsOn: addDays(today, 3), endsOn: addDays(today, 5) }));
    await admin.send('POST', `${ADMIN}/notices/${later.data.id}/publish`, {});
    const audiences = (await pushes()).map((p) => p.audience);
    expect(audiences.filter((a) => a.endsWith('.notices')).sort()).toEqual(['topic:garbage.sako.notices', 'topic:garbage.shinmachi.notices', 'topic:garbage.shinmachi.notices', 'topic:garbage.shinmachi.notices']);
    const sako = await citizen.send('GET', `${PUBLIC}/notices?area=sako`);
    expect(sako.data.items.map((n: { title: string }) => n.title)).toEqual(['年末年始の収集について']);
    expect((await citizen.send('GET', `${PUBLIC}/notices`)).data.items).toHaveLength(2);
    const put = await admin.send('PUT', `${ADMIN}/notices/${later.data.id}`, input({ title: { ja: '変更' } }));
    expect([put.statusCode, put.data.title.ja]).toEqual([200, '変更']);
    expect((await admin.send('DELETE', `${ADMIN}/notices/${later.data.id}`)).statusCode).toBe(204);
    expect((await admin.send('DELETE', `${ADMIN}/notices/${later.data.id}`)).statusCode).toBe(404);
    expect((await admin.send('GET', `${ADMIN}/notices`)).data.items).toHaveLength(2);
  });
});
