import { sql } from 'drizzle-orm';
import type { JobDef } from '../../../core/modules/manifest.ts';
import type { Platform } from '../../../core/platform.ts';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { addDays, toJstDateString } from '../../../core/ja/dates.ts';
import type { GarbageBundle } from '../engine/types.ts';
import { bundleCalendar } from '../publications/calendar.ts';
import { latestBundle } from '../publications/repo.ts';
import { tenantsWithPublications } from './tenants.ts';

export type Slot = 'eve' | 'morn';

/** Minutes after JST midnight at which each slot is due: 19:00 the evening before, 06:30 the morning of. */
const DUE: Record<Slot, number> = { eve: 19 * 60, morn: 6 * 60 + 30 };
/** A morning reminder not sent by noon (the process was down) is dropped: by then it would only confuse. */
const MORNING_ENDS = 12 * 60;

/** The slots due at `now` with the collection day each is about (tomorrow for eve, today for morn). */
export function dueSlots(now: Date): { slot: Slot; day: string; collectionDay: string }[] {
  const today = toJstDateString(now);
  const jst = new Date(now.getTime() + 9 * 3600_000);
  const minutes = jst.getUTCHours() * 60 + jst.getUTCMinutes();
  const out: { slot: Slot; day: string; collectionDay: string }[] = [];
  if (minutes >= DUE.morn && minutes < MORNING_ENDS) out.push({ slot: 'morn', day: today, collectionDay: today });
  if (minutes >= DUE.eve) out.push({ slot: 'eve', day: today, collectionDay: addDays(today, 1) });
  return out;
}

/** Claims (tenant, day, slot); true for the one process whose insert wins, false for every later try. */
async function claim(tx: Tx, tenantId: string, day: string, slot: Slot): Promise<boolean> {
  const rows = await txRows(tx, sql`insert into garbage_reminder_runs (tenant_id, day, slot) values (${tenantId}, ${day}::date, ${slot})
    on conflict do nothing returning day`);
  return rows.length > 0;
}

const dateJa = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Pushes one message per (area, category collected that day) to its topic; returns how many. */
async function pushSlot(platform: Platform, tx: Tx, tenant: { id: string; slug: string }, bundle: GarbageBundle, slot: Slot, day: string): Promise<number> {
  const categories = new Map(bundle.categories.map((c) => [c.id, c]));
  let n = 0;
  for (const area of bundle.areas) {
    for (const c of bundleCalendar(bundle, area.id, day, day)) {
      const cat = categories.get(c.categoryId);
      if (!cat) continue;
      const name = cat.name.ja;
      const when = slot === 'eve' ? '明日' : '今日';
      await platform.notify.push(tx, {
        tenantId: tenant.id,
        audience: `topic:garbage.${area.code}.${cat.code}.${slot}`,
        title: `${when}（${dateJa(day)}）は${name}の収集日です`,
        body: `${area.name.ja}：${name}${c.note ? `（${c.note.ja}）` : ''}。${cat.howTo.ja}`.slice(0, 300),
        url: `/t/${tenant.slug}/garbage`,
      });
      n++;
    }
  }
  return n;
}

/**
 * Sends the due reminders of every tenant with a publication: once per (tenant, day, slot), claimed
 * by an insert that only one process can win, in the same transaction as the pushes (a failure
 * leaves the slot unclaimed for the next run). Returns the number of messages queued.
 */
export async function sendReminders(platform: Platform, now = new Date()): Promise<number> {
  const slots = dueSlots(now);
  if (!slots.length) return 0;
  let total = 0;
  for (const tenant of await tenantsWithPublications(platform)) {
    for (const { slot, day, collectionDay } of slots) {
      total += await platform.inTenant(tenant.id, async (tx) => {
        if (!(await claim(tx, tenant.id, day, slot))) return 0;
        const bundle = await latestBundle(tx);
        if (!bundle) return 0;
        const sent = await pushSlot(platform, tx, tenant, bundle, slot, collectionDay);
        await tx.execute(sql`update garbage_reminder_runs set sent = ${sent} where day = ${day}::date and slot = ${slot}`);
        return sent;
      });
    }
  }
  return total;
}

/** The reminder job: every 5 minutes, so each slot goes out within minutes of its time. */
export const reminderJobs: JobDef[] = [
  { name: 'garbage.reminders', everyMs: 300_000, run: async (platform) => { await sendReminders(platform); } },
];
