import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { signedInAdminAndStaff, twoTenants, type TestClient } from '../../core/auth/testing.ts';
import type { Tenant } from '../../core/platform.ts';
import { ADMIN, areaInput, categoryInput, itemInput, smallCity, square, weekly } from './testing.ts';

describe('garbage staff API: the draft, validated field by field', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let plain: TestClient;
  let tenant: Tenant;
  let city: Awaited<ReturnType<typeof smallCity>>;

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin, plain } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
    city = await smallCity(admin);
  });
  afterAll(async () => y?.close());

  it('lets only garbage managers in', async () => {
    expect((await plain.send('GET', `${ADMIN}/categories`)).statusCode).toBe(403);
    expect((await plain.send('POST', `${ADMIN}/categories`, categoryInput({ code: 'x' }))).statusCode).toBe(403);
    expect((await plain.send('POST', `${ADMIN}/publish`, {})).statusCode).toBe(403);
  });

  it('creates, lists, replaces and deletes categories; a used one is refused with 409 in_use', async () => {
    const list = await admin.send('GET', `${ADMIN}/categories`);
    expect(list.data.items.map((c: { code: string }) => c.code)).toEqual(['burnable', 'cans']);
    const dup = await admin.send('POST', `${ADMIN}/categories`, categoryInput());
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error.field).toBe('code');
    const put = await admin.send('PUT', `${ADMIN}/categories/${city.cans}`, categoryInput({ code: 'cans', name: { ja: 'かん', en: 'Cans', vi: 'Lon' }, color: '#1971C2' }));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.data).toMatchObject({ name: { ja: 'かん', en: 'Cans', vi: 'Lon' }, color: '#1971c2' });
    const used = await admin.send('DELETE', `${ADMIN}/categories/${city.burnable}`);
    expect(used.statusCode).toBe(409);
    expect(used.data.error.code).toBe('in_use');
    const spare = await admin.send('POST', `${ADMIN}/categories`, categoryInput({ code: 'spare' }));
    expect((await admin.send('DELETE', `${ADMIN}/categories/${spare.data.id}`)).statusCode).toBe(204);
    expect((await admin.send('DELETE', `${ADMIN}/categories/${spare.data.id}`)).statusCode).toBe(404);
  });

  it('names the field of bad texts, colours and readings', async () => {
    const fr = await admin.send('POST', `${ADMIN}/categories`, categoryInput({ code: 'fr', name: { ja: '仏', fr: 'Français' } as never }));
    expect([fr.statusCode, fr.data.error.field]).toEqual([400, 'name.fr']);
    const noJa = await admin.send('POST', `${ADMIN}/categories`, categoryInput({ code: 'noja', name: { ja: '  ', en: 'x' } }));
    expect([noJa.statusCode, noJa.data.error.field]).toEqual([400, 'name.ja']);
    const colour = await admin.send('POST', `${ADMIN}/categories`, categoryInput({ code: 'col', color: 'red' }));
    expect(colour.data.error.field).toBe('color');
    const hira = await admin.send('POST', `${ADMIN}/items`, itemInput(city.cans, { reading: 'ぺっとぼとる' }));
    expect([hira.statusCode, hira.data.error.field]).toEqual([400, 'reading']);
    const spaced = await admin.send('POST', `${ADMIN}/items`, itemInput(city.cans, { name: { ja: 'スプレー缶' }, reading: 'スプレー カン' }));
    expect(spaced.statusCode, spaced.body).toBe(201);
    const halfWidth = await admin.send('POST', `${ADMIN}/items`, itemInput(null, { name: { ja: 'テレビ' }, reading: 'ﾃﾚﾋﾞ', fee: null }));
    expect(halfWidth.data.reading).toBe('テレビ');
    const foreign = await admin.send('POST', `${ADMIN}/items`, itemInput('00000000-0000-4000-8000-000000000000'));
    expect([foreign.statusCode, foreign.data.error.field]).toEqual([400, 'categoryId']);
    const synonym = await admin.send('POST', `${ADMIN}/items`, itemInput(null, { synonyms: ['ok', ''] }));
    expect(synonym.data.error.field).toBe('synonyms[1]');
  });

  it('pages items with q (any kana), categoryId and the total', async () => {
    const all = await admin.send('GET', `${ADMIN}/items?limit=2`);
    expect(all.data.total).toBeGreaterThanOrEqual(4);
    expect(all.data.items).toHaveLength(2);
    const hira = await admin.send('GET', `${ADMIN}/items?q=${encodeURIComponent('なまごみ')}`);
    expect(hira.data.items.map((i: { name: { ja: string } }) => i.name.ja)).toEqual(['生ごみ']);
    const byCat = await admin.send('GET', `${ADMIN}/items?categoryId=${city.burnable}`);
    expect(byCat.data).toMatchObject({ total: 1, items: [{ id: city.items[1] }] });
    const syn = await admin.send('GET', `${ADMIN}/items?q=${encodeURIComponent('残飯')}`);
    expect(syn.data.total).toBe(1);
    expect((await admin.send('GET', `${ADMIN}/items?q=%25`)).data.total).toBe(0);
  });

  it('keeps areas with points and checks the GeoJSON position by position', async () => {
    const got = await admin.send('GET', `${ADMIN}/areas/${city.area}`);
    expect(got.data).toMatchObject({ code: 'shinmachi', towns: ['万代町', '南末広町1丁目'], points: [{ name: '万代町1丁目集積所', lat: 34.0703 }] });
    const swapped = square(134.5594, 34.0703);
    swapped.coordinates[0]![2] = [34.07, 134.56];
    const bad = await admin.send('POST', `${ADMIN}/areas`, areaInput({ code: 'bad', geometry: swapped }));
    expect([bad.statusCode, bad.data.error.field]).toEqual([400, 'geometry.coordinates[0][2][1]']);
    const open = square(134.5, 34.0);
    open.coordinates[0]!.pop();
    expect((await admin.send('POST', `${ADMIN}/areas`, areaInput({ code: 'open', geometry: open }))).data.error.field).toBe('geometry.coordinates[0][3]');
    const notGeo = await admin.send('POST', `${ADMIN}/areas`, areaInput({ code: 'pt', geometry: { type: 'Point', coordinates: [1, 2] } as never }));
    expect([notGeo.statusCode, notGeo.data.error.field]).toEqual([400, 'geometry.type']);
    const multi = await admin.send('POST', `${ADMIN}/areas`, areaInput({ code: 'multi', geometry: { type: 'MultiPolygon', coordinates: [square(134.5, 34.0).coordinates, square(134.6, 34.1).coordinates] }, points: [] }));
    expect(multi.statusCode, multi.body).toBe(201);
    const replaced = await admin.send('PUT', `${ADMIN}/areas/${multi.data.id}`, areaInput({ code: 'multi', points: [{ name: 'A', lat: null, lng: null }, { name: 'B', lat: 34, lng: 134 }] }));
    expect(replaced.data.points.map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    const half = await admin.send('PUT', `${ADMIN}/areas/${multi.data.id}`, areaInput({ code: 'multi', points: [{ name: 'A', lat: 34, lng: null }] }));
    expect(half.data.error.field).toBe('points[0].lng');
    expect((await admin.send('POST', `${ADMIN}/areas`, areaInput())).statusCode).toBe(409);
    expect((await admin.send('DELETE', `${ADMIN}/areas/${multi.data.id}`)).statusCode).toBe(204);
  });

  it('replaces rules as one list and names the field of the first bad pattern', async () => {
    const url = `${ADMIN}/areas/${city.area}/rules`;
    const good = weekly(city.burnable);
    const nth = { ...good, categoryId: city.cans, pattern: { kind: 'nth_weekday', weekday: 3, nths: [4, 2] }, onHolidays: 'skip' };
    const cases: [unknown, string][] = [
      [{ ...nth, pattern: { kind: 'nth_weekday', weekday: 7, nths: [2] } }, 'rules[2].pattern.weekday'],
      [{ ...nth, pattern: { kind: 'nth_weekday', weekday: 3, nths: [6] } }, 'rules[2].pattern.nths[0]'],
      [{ ...nth, pattern: { kind: 'weekly', weekdays: [] } }, 'rules[2].pattern.weekdays'],
      [{ ...nth, pattern: { kind: 'weekly', weekdays: [1], weekday: 2 } }, 'rules[2].pattern.weekday'],
      [{ ...nth, pattern: { kind: 'every_n_weeks', interval: 9, from: '2026-04-06' } }, 'rules[2].pattern.interval'],
      [{ ...nth, pattern: { kind: 'every_n_weeks', interval: 2, from: '2026-02-30' } }, 'rules[2].pattern.from'],
      [{ ...nth, pattern: { kind: 'dates', dates: ['2026-05-01', 'soon'] } }, 'rules[2].pattern.dates[1]'],
      [{ ...nth, pattern: { kind: 'monthly' } }, 'rules[2].pattern.kind'],
      [{ ...nth, months: [4, 13] }, 'rules[2].months[1]'],
      [{ ...nth, validFrom: '2026-05-01', validTo: '2026-04-01' }, 'rules[2].validTo'],
      [{ ...nth, onHolidays: 'maybe' }, 'rules[2].onHolidays'],
      [{ ...nth, categoryId: '00000000-0000-4000-8000-000000000000' }, 'rules[2].categoryId'],
    ];
    for (const [bad, field] of cases) {
      const res = await admin.send('PUT', url, { rules: [good, nth, bad] });
      expect([res.statusCode, res.data.error.field], JSON.stringify(bad)).toEqual([400, field]);
    }
    const res = await admin.send('PUT', url, { rules: [good, nth] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.rules[1]).toMatchObject({ pattern: { kind: 'nth_weekday', weekday: 3, nths: [2, 4] }, onHolidays: 'skip', validFrom: null });
    expect((await admin.send('GET', url)).data.rules).toHaveLength(2);
    expect((await admin.send('PUT', `${ADMIN}/areas/00000000-0000-4000-8000-000000000000/rules`, { rules: [] })).statusCode).toBe(404);
  });

  it('adds and removes exceptions and suspensions with their rules checked', async () => {
    const move = await admin.send('POST', `${ADMIN}/exceptions`, { date: '2027-01-01', areaId: null, categoryId: city.burnable, action: 'move', to: null, note: null });
    expect([move.statusCode, move.data.error.field]).toEqual([400, 'to']);
    const cancel = await admin.send('POST', `${ADMIN}/exceptions`, { date: '2027-01-01', areaId: null, categoryId: null, action: 'cancel', to: '2027-01-02', note: null });
    expect(cancel.data.error.field).toBe('to');
    const bad = await admin.send('POST', `${ADMIN}/exceptions`, { date: '2027-02-29', areaId: null, categoryId: null, action: 'cancel', to: null, note: null });
    expect(bad.data.error.field).toBe('date');
    const ok = await admin.send('POST', `${ADMIN}/exceptions`, { date: '2027-01-04', areaId: city.area, categoryId: city.burnable, action: 'move', to: '2027-01-05', note: { ja: '年始の振替' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.data).toMatchObject({ date: '2027-01-04', to: '2027-01-05', action: 'move', note: { ja: '年始の振替' } });
    expect((await admin.send('GET', `${ADMIN}/exceptions?areaId=${city.area}`)).data.items).toHaveLength(1);

    const backwards = await admin.send('POST', `${ADMIN}/suspensions`, { from: '2027-01-03', to: '2026-12-31', areaIds: [], categoryIds: [], note: null });
    expect([backwards.statusCode, backwards.data.error.field]).toEqual([400, 'to']);
    const stranger = await admin.send('POST', `${ADMIN}/suspensions`, { from: '2026-12-31', to: '2027-01-03', areaIds: [city.area, '00000000-0000-4000-8000-000000000000'], categoryIds: [], note: null });
    expect(stranger.data.error.field).toBe('areaIds[1]');
    const s = await admin.send('POST', `${ADMIN}/suspensions`, { from: '2026-12-31', to: '2027-01-03', areaIds: [], categoryIds: [city.burnable], note: { ja: '年末年始' } });
    expect(s.statusCode, s.body).toBe(201);
    expect((await admin.send('GET', `${ADMIN}/suspensions`)).data.items).toHaveLength(1);
    expect((await admin.send('DELETE', `${ADMIN}/suspensions/${s.data.id}`)).statusCode).toBe(204);
    expect((await admin.send('DELETE', `${ADMIN}/exceptions/${ok.data.id}`)).statusCode).toBe(204);
  });

  it('audits every write, marked as not personal', async () => {
    const rows = await y.db.rows<{ action: string; personal: boolean }>(sql`select action, personal_data as personal from audit_log where action like 'garbage.%'`);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['garbage.category.create', 'garbage.category.update', 'garbage.category.delete', 'garbage.item.create', 'garbage.area.create', 'garbage.area.update', 'garbage.area.delete', 'garbage.rules.replace', 'garbage.exception.create', 'garbage.exception.delete', 'garbage.suspension.create', 'garbage.suspension.delete']) {
      expect(actions, a).toContain(a);
    }
    expect(rows.every((r) => !r.personal)).toBe(true);
  });
});
