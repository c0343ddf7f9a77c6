import { invalid, notFound } from '../../../core/http/errors.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import type { Tx } from '../../../core/db/connection.ts';
import { auditOf, type ServiceContext } from '../context.ts';
import { existingAreaIds, listAreas } from '../areas/repo.ts';
import { assertManage } from '../policy.ts';
import { isoDate } from '../rules/validate.ts';
import { cleanTexts, textIn } from '../texts.ts';
import * as repo from './repo.ts';
import type { Notice, NoticeValues } from './repo.ts';
import type { NoticeInput } from './schema.ts';

async function clean(tx: Tx, input: NoticeInput): Promise<NoticeValues> {
  const startsOn = isoDate(input.startsOn, 'startsOn');
  const endsOn = isoDate(input.endsOn, 'endsOn');
  if (endsOn < startsOn) throw invalid('endsOn', 'must not be before startsOn');
  const areaIds = [...new Set(input.areaIds)];
  const known = await existingAreaIds(tx, areaIds);
  const missing = input.areaIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalid(`areaIds[${missing}]`, 'no such area');
  return { kind: input.kind, areaIds, title: cleanTexts(input.title, 'title'), body: cleanTexts(input.body, 'body', false), startsOn, endsOn };
}

/** Every notice (drafts and published), newest first. */
export async function listNotices(ctx: ServiceContext): Promise<Notice[]> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.listNotices(tx));
}

/** Writes a new notice as a draft. */
export async function createNotice(ctx: ServiceContext, input: NoticeInput): Promise<Notice> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const n = await repo.insertNotice(tx, ctx.tenant.id, ctx.actor.kind === 'staff' ? ctx.actor.id : null, await clean(tx, input));
    await ctx.platform.audit.record(tx, auditOf(ctx, 'notice.create', 'garbage_notice', n.id, { kind: n.kind }));
    return n;
  });
}

/** Changes a notice (a published one too: the app shows the new text; it is not pushed again). */
export async function updateNotice(ctx: ServiceContext, id: string, input: NoticeInput): Promise<Notice> {
  assertManage(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const n = await repo.updateNotice(tx, id, await clean(tx, input));
    if (!n) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'notice.update', 'garbage_notice', id));
    return n;
  });
}

/** Deletes a notice. */
export async function deleteNotice(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!(await repo.deleteNotice(tx, id))) throw notFound();
    await ctx.platform.audit.record(tx, auditOf(ctx, 'notice.delete', 'garbage_notice', id));
  });
}

/**
 * Publishes a notice and pushes it to `topic:garbage.{areaCode}.notices` of each of its areas (every
 * area when it names none), once: a second publish changes nothing and pushes nothing.
 */
export async function publishNotice(ctx: ServiceContext, id: string): Promise<Notice & { pushed: number }> {
  assertManage(ctx.actor);
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const { first, notice } = await repo.markPublished(tx, id, now);
    if (!notice) throw notFound();
    if (!first) return { ...notice, pushed: 0 };
    const areas = (await listAreas(tx)).filter((a) => !notice.areaIds.length || notice.areaIds.includes(a.id));
    for (const a of areas) {
      await ctx.platform.notify.push(tx, {
        tenantId: ctx.tenant.id, audience: `topic:garbage.${a.code}.notices`,
        title: notice.title.ja, body: (notice.body.ja || a.name.ja).slice(0, 300), url: `/t/${ctx.tenant.slug}/garbage`,
      });
    }
    await ctx.platform.audit.record(tx, auditOf(ctx, 'notice.publish', 'garbage_notice', id, { areas: areas.length }));
    return { ...notice, pushed: areas.length };
  });
}

/** Live notices (published, today within starts/ends, JST) for an area code (plus those for every area), or all. */
export async function liveNotices(ctx: ServiceContext, areaCode: string | undefined) {
  const today = toJstDateString(ctx.now ?? new Date());
  const { notices, areas } = await ctx.platform.inTenant(ctx.tenant.id, async (tx) => ({ notices: await repo.liveNotices(tx, today), areas: await listAreas(tx) }));
  const codeOf = new Map(areas.map((a) => [a.id, a.code]));
  const area = areaCode ? areas.find((a) => a.code === areaCode) : undefined;
  if (areaCode && !area) throw notFound();
  return {
    items: notices
      .filter((n) => !area || !n.areaIds.length || n.areaIds.includes(area.id))
      .map((n) => ({
        id: n.id, kind: n.kind, title: textIn(n.title, ctx.lang), body: textIn(n.body, ctx.lang), startsOn: n.startsOn, endsOn: n.endsOn,
        areaCodes: n.areaIds.map((id) => codeOf.get(id)).filter((c): c is string => !!c),
      })),
  };
}
