import { notFound } from '../../../core/http/errors.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import type { ServiceContext } from '../context.ts';
import { latest } from '../public/service.ts';
import { countFeedClient, feedClientHash } from './clients.ts';
import { feedText } from './ical.ts';

/**
 * The iCal text of an area (404 for an unknown area or before the first publication), counting the
 * caller as one distinct feed client of the month, stored only as a salted hash.
 */
export async function feed(ctx: ServiceContext, areaCode: string, codes: string[], client: { ip: string; userAgent: string }): Promise<string> {
  const { bundle } = await latest(ctx);
  const area = bundle.areas.find((a) => a.code === areaCode);
  if (!area) throw notFound();
  const month = `${toJstDateString(ctx.now ?? new Date()).slice(0, 7)}-01`;
  const hash = feedClientHash(ctx.platform.config.secretKey, month, client.ip, client.userAgent);
  await ctx.platform.inTenant(ctx.tenant.id, (tx) => countFeedClient(tx, ctx.tenant.id, month, hash));
  return feedText(bundle, { tenantId: ctx.tenant.id, tenantName: ctx.tenant.nameJa, areaId: area.id, codes, lang: ctx.lang });
}
