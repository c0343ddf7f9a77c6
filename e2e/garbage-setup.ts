import { expect } from 'vitest';
import { TestClient } from '../src/core/auth/testing.ts';
import { ADMIN, areaInput, categoryInput, itemInput, smallCity, square } from '../src/modules/garbage/testing.ts';
import { addDays, toJstDateString } from '../src/core/ja/dates.ts';
import { addRole, addStaff, addTenant, TOKUSHIMA, type E2eServer } from './support/index.ts';

// Set-up of the ごみ browser test: Tokushima with a garbage officer who enters a small city through
// the staff API (two areas with polygons, four categories, a dictionary with a 粗大ごみ fee and a
// "not collected" item) and publishes it, as a city would before citizens open the pages.

/** A live notice for 新町地区 only. */
export const NOTICE = '台風接近のため、あすの燃やせるごみの収集を中止します';
/** A live notice for the neighbour only, which 新町地区 must not show. */
export const OTHER_NOTICE = '東富田地区の集積場所が変わります';

export const STAFF = { email: 'gomi@tokushima.example.jp', password: 'garbage staff password 42', name: '徳島 環' };

/** Adds the tenant, the officer and the published data; returns the officer's client. */
export async function seedGarbage(server: E2eServer): Promise<{ tenantId: string; staff: TestClient }> {
  const { id: tenantId } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, tenantId, 'ごみ 担当', ['garbage.manage']);
  await addStaff(server, tenantId, { email: STAFF.email, displayName: STAFF.name, password: STAFF.password, roleIds: [role] });
  const staff = new TestClient(server.yakuba.app, '/t/tokushima');
  expect((await staff.login(STAFF.email, STAFF.password)).statusCode).toBe(200);

  const ok = async (p: Promise<{ statusCode: number; body: string; data: { id: string } }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.data.id;
  };
  const city = await smallCity(staff);
  const bulky = await ok(staff.send('POST', `${ADMIN}/categories`, categoryInput({
    code: 'bulky', name: { ja: '粗大ごみ', en: 'Bulky waste', ko: '대형 쓰레기' }, color: '#5f3dc4', icon: 'bulky', howTo: { ja: '電話で申し込み、処理券を貼って出す' }, sortOrder: 3,
  })));
  await ok(staff.send('POST', `${ADMIN}/items`, itemInput(bulky, { name: { ja: '自転車', en: 'Bicycle' }, reading: 'ジテンシャ', synonyms: [], notes: { ja: '処理券を見える所に貼る' }, fee: 500 })));
  await ok(staff.send('POST', `${ADMIN}/items`, itemInput(null, { name: { ja: 'テレビ', en: 'Television' }, reading: 'テレビ', synonyms: ['TV'], notes: { ja: '家電リサイクル法の対象です。販売店へ' }, fee: null })));
  const rules = await staff.send('PUT', `${ADMIN}/areas/${city.area}/rules`, { rules: [
    { categoryId: city.burnable, pattern: { kind: 'weekly', weekdays: [1, 4] }, months: [], validFrom: null, validTo: null, onHolidays: 'collect' },
    { categoryId: city.cans, pattern: { kind: 'nth_weekday', weekday: 3, nths: [2, 4] }, months: [], validFrom: null, validTo: null, onHolidays: 'skip' },
  ] });
  expect(rules.statusCode, rules.body).toBe(200);
  // A neighbour to the east, so the map has more than one area to choose from.
  const east = await ok(staff.send('POST', `${ADMIN}/areas`, areaInput({
    code: 'kamiyacho', name: { ja: '東富田地区', en: 'Higashi-Tomida' }, reading: 'ヒガシトミダチク', towns: ['東富田町'],
    geometry: square(134.5694, 34.0703), points: [],
  })));
  expect((await staff.send('PUT', `${ADMIN}/areas/${east}/rules`, { rules: [
    { categoryId: city.burnable, pattern: { kind: 'weekly', weekdays: [2, 5] }, months: [], validFrom: null, validTo: null, onHolidays: 'collect' },
  ] })).statusCode).toBe(200);
  const pub = await staff.send('POST', `${ADMIN}/publish`, {});
  expect(pub.statusCode, pub.body).toBe(201);
  const today = toJstDateString(new Date());
  for (const [areaId, title, kind] of [[city.area, NOTICE, 'cancellation'], [east, OTHER_NOTICE, 'general']] as const) {
    const notice = await ok(staff.send('POST', `${ADMIN}/notices`, { kind, areaIds: [areaId], title: { ja: title }, body: { ja: '詳しくは環境課へお問い合わせください。' }, startsOn: today, endsOn: addDays(today, 7) }));
    const published = await staff.send('POST', `${ADMIN}/notices/${notice}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
  }
  return { tenantId, staff };
}
