import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/connection.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import type { KpiDef } from '../../core/modules/manifest.ts';
import { toJstDateString } from '../../core/ja/dates.ts';
import { feedClientsBetween } from './feeds/clients.ts';

/** First days (JST) of the months the half-open period [from, to) touches. */
export function monthsOf(from: Date, to: Date): { first: string; last: string } {
  const last = toJstDateString(new Date(Math.max(from.getTime(), to.getTime() - 1)));
  return { first: `${toJstDateString(from).slice(0, 7)}-01`, last: `${last.slice(0, 7)}-01` };
}

async function searches(tx: Tx, from: Date, to: Date): Promise<number> {
  const m = monthsOf(from, to);
  const [row] = await txRows<{ n: string | number | null }>(tx, sql`select coalesce(sum(value), 0) as n from garbage_counters
    where metric = 'searches' and month >= ${m.first}::date and month <= ${m.last}::date`);
  return Number(row?.n ?? 0);
}

/**
 * Counts only, nothing personal. Subscribers are a state, so they are counted now (browsers following
 * any garbage topic); feed clients and searches are kept per month, so a period counts the months it
 * touches.
 */
export const garbageKpis: KpiDef[] = [
  {
    id: 'garbage.reminder_subscribers', label: { ja: 'ごみ収集日通知の登録者数（ブラウザ数）', en: 'Browsers subscribed to garbage reminders' }, unit: '件',
    compute: async (tx) => Number((await txRows<{ n: number }>(tx, sql`select count(distinct endpoint)::int as n from push_subscriptions where audience like 'topic:garbage.%'`))[0]?.n ?? 0),
  },
  {
    id: 'garbage.feed_subscribers', label: { ja: 'ごみ収集日カレンダー（iCal）の購読数', en: 'Garbage calendar feed subscribers' }, unit: '件',
    compute: async (tx, q) => {
      const m = monthsOf(q.from, q.to);
      return feedClientsBetween(tx, m.first, m.last);
    },
  },
  {
    id: 'garbage.searches', label: { ja: 'ごみ分別辞典の検索回数', en: 'Sorting dictionary searches' }, unit: '回',
    compute: (tx, q) => searches(tx, q.from, q.to),
  },
];
