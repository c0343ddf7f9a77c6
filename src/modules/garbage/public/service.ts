import { AppError, notFound } from '../../../core/http/errors.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import { locateArea, searchIndex } from '../engine/index.ts';
import type { ServiceContext } from '../context.ts';
import { calendarRange } from '../calendar-range.ts';
import { countSearchAndVersion } from '../counters/repo.ts';
import { bundleCalendar } from '../publications/calendar.ts';
import { bundleAt, latestVersionOf, type LoadedBundle } from './cache.ts';
import { searchAreas } from './address.ts';
import { presentArea, presentItem } from './presenter.ts';

/** 404 `not_published` before the first publication. */
const notPublished = () => new AppError(404, 'not_published', 'garbage.not_published');

/** The latest publication of the tenant, from memory unless a newer one exists; 404 before the first. */
export async function latest(ctx: ServiceContext): Promise<LoadedBundle> {
  const b = await bundleAt(ctx.platform, ctx.tenant.id, await latestVersionOf(ctx.platform, ctx.tenant.id));
  if (!b) throw notPublished();
  return b;
}

/** Areas matching a name or an address (all when `q` is blank). */
export async function areas(ctx: ServiceContext, q: string | undefined) {
  const { bundle } = await latest(ctx);
  return { items: searchAreas(bundle.areas, q ?? '').map((a) => presentArea(a, ctx.lang)) };
}

/** The area whose polygon holds a point, or null. */
export async function locate(ctx: ServiceContext, lat: number, lng: number) {
  const { bundle } = await latest(ctx);
  const a = locateArea(bundle.areas, lng, lat);
  return { area: a ? { id: a.id, code: a.code, name: presentArea(a, ctx.lang).name } : null };
}

/** The published calendar of an area between two dates (default today + 62 days, at most 400). */
export async function calendar(ctx: ServiceContext, code: string, q: { from?: string; to?: string }) {
  const range = calendarRange(q.from, q.to, toJstDateString(ctx.now ?? new Date()));
  const { bundle, version } = await latest(ctx);
  const area = bundle.areas.find((a) => a.code === code);
  if (!area) throw notFound();
  return { area: { id: area.id, code: area.code, name: presentArea(area, ctx.lang).name }, version, ...range, collections: bundleCalendar(bundle, area.id, range.from, range.to) };
}

/** Dictionary search on the index of the latest publication; counts one search for the month's KPI. */
export async function search(ctx: ServiceContext, q: string, limit: number) {
  const month = `${toJstDateString(ctx.now ?? new Date()).slice(0, 7)}-01`;
  const version = await ctx.platform.inTenant(ctx.tenant.id, (tx) => countSearchAndVersion(tx, ctx.tenant.id, month));
  const b = await bundleAt(ctx.platform, ctx.tenant.id, version);
  if (!b) throw notPublished();
  const index = b.index();
  return { items: searchIndex(index, q, { limit }).map((h) => presentItem(h.item, index.categories, ctx.lang)) };
}
