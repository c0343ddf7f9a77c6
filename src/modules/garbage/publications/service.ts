import { AppError } from '../../../core/http/errors.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import type { Area, Collection, GarbageBundle } from '../engine/types.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { isDbError } from '../db.ts';
import { assertManage } from '../policy.ts';
import { calendarRange } from '../calendar-range.ts';
import { bundleCalendar, calendarChanges } from './calendar.ts';
import { draftBundle } from './draft.ts';
import * as repo from './repo.ts';

/** What the preview shows: the draft calendar of an area and what publishing would change in it. */
export interface Preview {
  area: Pick<Area, 'id' | 'code' | 'name'>;
  from: string;
  to: string;
  publishedVersion: number;
  collections: Collection[];
  changes: { added: Collection[]; removed: Collection[] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const findArea = (b: GarbageBundle, key: string) => b.areas.find((a) => (UUID.test(key) ? a.id === key : a.code === key));

/** The calendar the draft would publish for an area (id or code), with added/removed against the latest publication. */
export async function preview(ctx: ServiceContext, q: { area: string; from?: string; to?: string }): Promise<Preview> {
  assertManage(ctx.actor);
  const now = ctx.now ?? new Date();
  const range = calendarRange(q.from, q.to, toJstDateString(now));
  const { draft, published } = await ctx.platform.inTenant(ctx.tenant.id, async (tx) => ({ draft: await draftBundle(tx, 0, now), published: await repo.latestBundle(tx) }));
  const area = findArea(draft, q.area);
  if (!area) throw new AppError(404, 'not_found', 'error.not_found', {}, 'area');
  const collections = bundleCalendar(draft, area.id, range.from, range.to);
  const pubArea = published?.areas.find((a) => a.code === area.code);
  const pub = published && pubArea ? { bundle: published, collections: bundleCalendar(published, pubArea.id, range.from, range.to) } : null;
  return { area: { id: area.id, code: area.code, name: area.name }, ...range, publishedVersion: published?.version ?? 0, collections, changes: calendarChanges({ bundle: draft, collections }, pub) };
}

/**
 * Freezes the draft into the next version. Two publishes racing read the same latest version; the
 * primary key (tenant, version) lets one insert and refuses the other, which answers 409.
 */
export async function publish(ctx: ServiceContext): Promise<{ version: number; publishedAt: string }> {
  assertManage(ctx.actor);
  const now = ctx.now ?? new Date();
  try {
    return await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
      const bundle = await draftBundle(tx, (await repo.latestVersion(tx)) + 1, now);
      await repo.insertPublication(tx, ctx.tenant.id, bundle, ctx.actor.kind === 'staff' ? ctx.actor.id : null);
      await ctx.platform.audit.record(tx, auditOf(ctx, 'publish', 'garbage_publication', String(bundle.version), {
        version: bundle.version, categories: bundle.categories.length, items: bundle.items.length, areas: bundle.areas.length, rules: bundle.rules.length,
      }));
      // Feeds, reminders and other listeners learn of the new version once it commits.
      await ctx.platform.events.publish(tx, ctx.tenant.id, 'garbage.published', { version: bundle.version });
      return { version: bundle.version, publishedAt: bundle.publishedAt };
    });
  } catch (err) {
    if (isDbError(err, '23505')) throw new AppError(409, 'publish_conflict', 'garbage.publish.conflict', {}, 'version');
    throw err;
  }
}

/** Publication history, newest first. */
export async function publications(ctx: ServiceContext): Promise<{ version: number; publishedAt: string; publishedBy: string | null }[]> {
  assertManage(ctx.actor);
  const rows = await ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.listPublications(tx));
  return rows.map((r) => ({ version: r.version, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.published_by }));
}

/** 404 `not_published` before the first publication. */
export const notPublished = () => new AppError(404, 'not_published', 'garbage.not_published');
