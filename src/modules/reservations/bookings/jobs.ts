import { sql } from 'drizzle-orm';
import type { JobDef } from '../../../core/modules/manifest.ts';
import type { Platform, Tenant } from '../../../core/platform.ts';
import { systemActor } from '../../../core/auth/access.ts';
import { addDays, jstDayStart, toJstDateString } from '../../../core/ja/dates.ts';
import { t } from '../../../core/i18n/index.ts';
import type { ServiceContext } from '../context.ts';
import * as resources from '../resources/repo.ts';
import * as repo from './repo.ts';
import { cancelIn } from './manage.ts';
import { bookingTitle, manageLink, sendBookingMail } from './emails.ts';
import { drawDue } from '../lottery/draw.ts';
import { tenantsWith } from '../tenants.ts';

const systemCtx = (platform: Platform, tenant: Tenant, now: Date): ServiceContext => ({ platform, tenant, actor: systemActor(tenant.id), lang: 'ja', now });

/**
 * Reminds people of tomorrow's (JST) bookings by email and, for signed-in citizens, web push; each
 * booking once (reminded_at). Returns how many were reminded.
 */
export async function remindTomorrow(platform: Platform, now = new Date()): Promise<number> {
  const tomorrow = addDays(toJstDateString(now), 1);
  const from = jstDayStart(tomorrow).toISOString();
  const to = jstDayStart(addDays(tomorrow, 1)).toISOString();
  const due = sql`select 1 from reservations_bookings b where b.tenant_id = t.id and b.status = 'confirmed' and b.reminded_at is null
    and b.starts_at >= ${from}::timestamptz and b.starts_at < ${to}::timestamptz`;
  let n = 0;
  for (const tenant of await tenantsWith(platform, due)) {
    n += await platform.inTenant(tenant.id, async (tx) => {
      const list = await repo.dueReminders(tx, new Date(from), new Date(to));
      const cache = new Map<string, resources.ResourceFull>();
      for (const b of list) {
        if (!cache.has(b.resource_id)) cache.set(b.resource_id, (await resources.findFull(tx, b.resource_id))!);
        const r = cache.get(b.resource_id)!;
        await sendBookingMail(tx, platform, tenant, r, b, 'reminder');
        if (b.citizen_id) {
          const lang = b.lang === 'en' ? 'en' : 'ja';
          const time = new Date(b.starts_at.getTime() + 9 * 3600_000).toISOString().slice(11, 16);
          await platform.notify.push(tx, { tenantId: tenant.id, audience: `citizen:${b.citizen_id}`, title: t(lang, 'reservations.push.reminder.title'), body: `${time} ${bookingTitle(r, b)}`, url: manageLink(platform, tenant, null) });
        }
        await repo.markReminded(tx, b.id);
      }
      return list.length;
    });
  }
  return n;
}

/** Cancels waiting-list offers nobody confirmed in time and offers those seats to the next person. */
export async function lapseOffers(platform: Platform, now = new Date()): Promise<number> {
  const due = sql`select 1 from reservations_bookings b where b.tenant_id = t.id and b.status = 'provisional' and b.provisional_until < ${now.toISOString()}::timestamptz`;
  let n = 0;
  for (const tenant of await tenantsWith(platform, due)) {
    n += await platform.inTenant(tenant.id, async (tx) => {
      const list = await repo.lapsedOffers(tx, now);
      for (const b of list) await cancelIn(tx, systemCtx(platform, tenant, now), b);
      return list.length;
    });
  }
  return n;
}

/** Scheduled work: reminders (hourly, each booking once), lapsed offers and due lotteries (every 5 minutes). */
export const reservationJobs: JobDef[] = [
  { name: 'reservations.reminders', everyMs: 3600_000, run: async (platform) => { await remindTomorrow(platform); } },
  { name: 'reservations.offers', everyMs: 300_000, run: async (platform) => { await lapseOffers(platform); } },
  { name: 'reservations.lotteries', everyMs: 300_000, run: async (platform) => { await drawDue(platform); } },
];
