import { sql } from 'drizzle-orm';
import type { TenantScope } from '../../core/modules/manifest.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import { systemActor } from '../../core/auth/access.ts';
import { addDays, dayOfWeek, formatIsoDate, parseIsoDate, toJstDateString } from '../../core/ja/dates.ts';
import { holidaysBetween } from '../../core/ja/holidays.ts';
import type { Area, Category, CollectionException, Item, Rule, Suspension } from './engine/types.ts';
import { SEED_CATEGORIES } from './seed-data/categories.ts';
import { SEED_ITEMS } from './seed-data/items.ts';
import { seedAreasOf, seedRules } from './seed-data/areas.ts';
import { insertAreas, insertCategories, insertItems, insertSchedule } from './exchange/draft-repo.ts';
import { bundleRange, draftBundle } from './publications/draft.ts';
import { insertPublication, latestVersion } from './publications/repo.ts';

const uuid = () => crypto.randomUUID();

/** The first `weekday` on or after `iso`. */
function onOrAfter(iso: string, weekday: number): string {
  return addDays(iso, (weekday - dayOfWeek(iso) + 7) % 7);
}

/** 粗大ごみ collection days (by application): the 3rd Saturday of every month of the range. */
function bulkyDates(from: string, to: string): string[] {
  const out: string[] = [];
  let { y, m } = parseIsoDate(from);
  for (let i = 0; i < 16; i++) {
    const d = addDays(onOrAfter(formatIsoDate(y, m, 1), 6), 14);
    if (d >= from && d <= to) out.push(d);
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
  return out;
}

/**
 * 年末年始 for every year end in the range: nothing collected 12/29–1/3, the 12/31 燃やせるごみ moved to
 * 12/28 (5374 issue #85), and one holiday on which 缶 is still collected (#58).
 */
function newYear(from: string, to: string, today: string, categories: Map<string, Category>, firstArea: Area): { suspensions: Suspension[]; exceptions: CollectionException[] } {
  const suspensions: Suspension[] = [];
  const exceptions: CollectionException[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (`${y}-12-29` > to || `${y + 1}-01-03` < from) continue;
    suspensions.push({ id: uuid(), from: `${y}-12-29`, to: `${y + 1}-01-03`, areaIds: [], categoryIds: [], note: { ja: '年末年始は収集しません', en: 'No collection over the New Year holidays', 'ja-easy': 'ねんまつ ねんしは あつめません' } });
    exceptions.push({ id: uuid(), date: `${y}-12-31`, areaId: null, categoryId: categories.get('burnable')!.id, action: 'move', to: `${y}-12-28`, note: { ja: '12月31日分を12月28日に収集します', en: 'Collected on 28 Dec instead of 31 Dec' } });
  }
  const holiday = holidaysBetween(from, to).map((h) => h.date).find((d) => d >= today && !/-(12-(29|30|31)|01-0[1-3])$/.test(d));
  if (holiday) {
    exceptions.push({ id: uuid(), date: holiday, areaId: firstArea.id, categoryId: categories.get('cans')!.id, action: 'collect', to: null, note: { ja: '祝日ですが収集します', en: 'Collected although it is a holiday' } });
  }
  return { suspensions, exceptions };
}

/**
 * Demo garbage data for 徳島市 and 松阪市 (the dictionary for any tenant), published as version 1.
 * Runs once: a tenant that already has categories is left alone.
 */
export async function seedGarbage(scope: TenantScope, tenant: { id: string; slug: string }, now = new Date()): Promise<void> {
  const { tx } = scope;
  const [existing] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from garbage_categories`);
  if (Number(existing?.n ?? 0) > 0) return;
  const categories: Category[] = SEED_CATEGORIES.map((c) => ({ ...c, id: uuid() }));
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const idOf = new Map(SEED_CATEGORIES.map((c) => [c.id, byCode.get(c.code)!.id]));
  const items: Item[] = SEED_ITEMS.map((i) => ({ ...i, id: uuid(), categoryId: i.categoryId ? idOf.get(i.categoryId) ?? null : null }));
  await insertCategories(tx, tenant.id, categories);
  await insertItems(tx, tenant.id, items);

  const seeds = seedAreasOf(tenant.slug);
  if (seeds.length) {
    const range = bundleRange(toJstDateString(now));
    const areas: Area[] = seeds.map((s, i) => ({
      id: uuid(), code: s.code, name: s.name, reading: s.reading, towns: s.towns, center: '', geometry: s.geometry, sortOrder: i + 1,
      points: s.points.map((p) => ({ ...p, id: uuid(), notes: '' })),
    }));
    const paperFrom = onOrAfter(range.from, 5);
    const bulky = bulkyDates(range.from, range.to);
    const rules: Rule[] = seeds.flatMap((s, i) => seedRules(s, paperFrom, bulky).map((r) => ({
      id: uuid(), areaId: areas[i]!.id, categoryId: byCode.get(r.code)!.id, pattern: r.pattern, months: [], validFrom: null, validTo: null, onHolidays: r.onHolidays,
    })));
    await insertAreas(tx, tenant.id, areas);
    await insertSchedule(tx, tenant.id, { rules, ...newYear(range.from, range.to, toJstDateString(now), byCode, areas[0]!) });
  }

  // The publish service's steps, inside the seed's own transaction (the seed cannot open another).
  if ((await latestVersion(tx)) > 0) return;
  const bundle = await draftBundle(tx, 1, now);
  await insertPublication(tx, tenant.id, bundle, null);
  await scope.platform.audit.record(tx, { tenantId: tenant.id, actor: systemActor(tenant.id), action: 'garbage.publish', targetType: 'garbage_publication', targetId: '1', details: { version: 1, seed: true } });
  await scope.platform.events.publish(tx, tenant.id, 'garbage.published', { version: 1 });
}
