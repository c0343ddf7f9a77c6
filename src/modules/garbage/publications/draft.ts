import type { Tx } from '../../../core/db/connection.ts';
import { addDays, daysInMonth, formatIsoDate, parseIsoDate, toJstDateString } from '../../../core/ja/dates.ts';
import { holidaysBetween } from '../../../core/ja/holidays.ts';
import type { GarbageBundle } from '../engine/types.ts';
import { listCategories } from '../categories/repo.ts';
import { allItems } from '../items/repo.ts';
import { listAreas } from '../areas/repo.ts';
import { listRules } from '../rules/repo.ts';
import { listExceptions } from '../exceptions/repo.ts';
import { listSuspensions } from '../suspensions/repo.ts';

/** The dates a bundle published on `today` covers: the first day of the previous month to the end of the 13th month after this one. */
export function bundleRange(today: string): { from: string; to: string } {
  const { y, m } = parseIsoDate(today);
  const month = (offset: number) => {
    const i = y * 12 + (m - 1) + offset;
    return { y: Math.floor(i / 12), m: (i % 12) + 1 };
  };
  const a = month(-1);
  const b = month(13);
  return { from: formatIsoDate(a.y, a.m, 1), to: formatIsoDate(b.y, b.m, daysInMonth(b.y, b.m)) };
}

/** National holidays around a range (a month either side, so a move across its edge still sees them). */
export function holidaySet(from: string, to: string): Set<string> {
  return new Set(holidaysBetween(addDays(from, -40), addDays(to, 40)).map((h) => h.date));
}

/** The tenant's draft tables frozen into the bundle that publishing `version` at `now` would store. */
export async function draftBundle(tx: Tx, version: number, now: Date): Promise<GarbageBundle> {
  const range = bundleRange(toJstDateString(now));
  const [categories, items, areas, rules, exceptions, suspensions] = [
    await listCategories(tx), await allItems(tx), await listAreas(tx), await listRules(tx), await listExceptions(tx), await listSuspensions(tx),
  ];
  return {
    version, publishedAt: now.toISOString(), categories, items, areas, rules, exceptions, suspensions,
    holidays: holidaysBetween(range.from, range.to).map((h) => h.date), range,
  };
}
