import type { TestClient } from '../../core/auth/testing.ts';
import type { Actor, Platform, Tenant } from '../../core/platform.ts';
import type { ServiceContext } from './context.ts';
import type { AreaInput } from './areas/schema.ts';
import type { CategoryInput } from './categories/schema.ts';
import type { ItemInput } from './items/schema.ts';
import type { RuleInput } from './rules/schema.ts';

/** Test helpers of the garbage module: inputs, a small city, and contexts. */

export const ADMIN = '/api/admin/garbage';
export const PUBLIC = '/api/garbage';

/** A staff actor with the given permissions. */
export const staffActor = (tenantId: string, permissions: string[], id: string | null = null): Actor => ({
  kind: 'staff', id, tenantId, permissions: new Set(permissions), departmentIds: [], sessionId: null,
});

/** A service context for a tenant and actor. */
export const ctxOf = (platform: Platform, tenant: Tenant, actor: Actor, now?: Date): ServiceContext => ({ platform, tenant, actor, lang: 'ja', ...(now ? { now } : {}) });

/** 燃やせるごみ unless told otherwise. */
export function categoryInput(over: Partial<CategoryInput> = {}): CategoryInput {
  return { code: 'burnable', name: { ja: '燃やせるごみ', en: 'Burnable' }, color: '#d9480f', icon: 'burnable', howTo: { ja: '指定袋で朝8時30分までに' }, sortOrder: 1, ...over };
}

/** ペットボトル unless told otherwise. */
export function itemInput(categoryId: string | null, over: Partial<ItemInput> = {}): ItemInput {
  return { name: { ja: 'ペットボトル', en: 'PET bottle' }, reading: 'ペットボトル', synonyms: ['PET'], categoryId, notes: { ja: 'キャップとラベルを外す' }, fee: null, ...over };
}

/** A square polygon around (lng, lat), about 1 km a side. */
export function square(lng: number, lat: number, d = 0.005): { type: 'Polygon'; coordinates: number[][][] } {
  return { type: 'Polygon', coordinates: [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]] };
}

/** 徳島市の新町地区 (万代町・南末広町) around 徳島市役所 unless told otherwise. */
export function areaInput(over: Partial<AreaInput> = {}): AreaInput {
  return {
    code: 'shinmachi', name: { ja: '新町地区', en: 'Shinmachi' }, reading: 'シンマチチク', towns: ['万代町', '南末広町1丁目'], center: '',
    geometry: square(134.5594, 34.0703), points: [{ name: '万代町1丁目集積所', nameKana: 'バンダイチョウ', address: '徳島市万代町1丁目', lat: 34.0703, lng: 134.5594 }], ...over,
  };
}

/** 燃やせるごみ every Monday and Thursday. */
export const weekly = (categoryId: string, weekdays = [1, 4]): RuleInput => ({ categoryId, pattern: { kind: 'weekly', weekdays }, months: [], validFrom: null, validTo: null, onHolidays: 'collect' });

/** A small city through the staff API: two categories, two items, one area with a Monday/Thursday rule. */
export async function smallCity(admin: TestClient): Promise<{ burnable: string; cans: string; area: string; items: string[] }> {
  const ok = (res: { statusCode: number; body: string; data: { id: string } }) => {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode}: ${res.body}`);
    return res.data.id;
  };
  const burnable = ok(await admin.send('POST', `${ADMIN}/categories`, categoryInput()));
  const cans = ok(await admin.send('POST', `${ADMIN}/categories`, categoryInput({ code: 'cans', name: { ja: '缶', en: 'Cans' }, color: '#1971c2', icon: 'can', sortOrder: 2 })));
  const items = [
    ok(await admin.send('POST', `${ADMIN}/items`, itemInput(cans, { name: { ja: 'ペットボトル', en: 'PET bottle' } }))),
    ok(await admin.send('POST', `${ADMIN}/items`, itemInput(burnable, { name: { ja: '生ごみ', en: 'Kitchen waste' }, reading: 'ナマゴミ', synonyms: ['残飯'] }))),
  ];
  const area = ok(await admin.send('POST', `${ADMIN}/areas`, areaInput()));
  const rules = await admin.send('PUT', `${ADMIN}/areas/${area}/rules`, { rules: [weekly(burnable)] });
  if (rules.statusCode !== 200) throw new Error(rules.body);
  return { burnable, cans, area, items };
}
