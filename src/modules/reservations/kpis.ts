import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/connection.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import type { KpiDef, KpiPart } from '../../core/modules/manifest.ts';

/**
 * Figures for the plan module (Matsusaka M1-3-4: オンライン予約率 0% → 50%): bookings made in
 * [from, to) that hold or held a seat (waiting-list places and cancellations not counted), with a
 * breakdown per resource; the plan module asks month by month.
 */
interface Counts { resource_id: string; name_ja: string; name_en: string; total: number; online: number; staff: number }

async function countsByResource(tx: Tx, from: Date, to: Date): Promise<Counts[]> {
  const rows = await txRows<Counts>(tx, sql`
    select b.resource_id, r.name_ja, r.name_en, count(*)::int as total,
           (count(*) filter (where b.channel = 'online'))::int as online, (count(*) filter (where b.channel = 'staff'))::int as staff
      from reservations_bookings b join reservations_resources r on r.id = b.resource_id
     where b.created_at >= ${from.toISOString()}::timestamptz and b.created_at < ${to.toISOString()}::timestamptz
       and b.status in ('provisional', 'confirmed', 'checked_in', 'no_show') and not r.staff_only
     group by b.resource_id, r.name_ja, r.name_en order by total desc, r.name_ja`);
  return rows.map((r) => ({ ...r, total: Number(r.total), online: Number(r.online), staff: Number(r.staff) }));
}

/** Percent (0–100, one decimal) of `part` in `total`; 0 when there is nothing. */
const share = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);
const parts = (rows: Counts[], value: (c: Counts) => number): KpiPart[] =>
  rows.map((r) => ({ key: r.resource_id, label: { ja: r.name_ja, en: r.name_en || r.name_ja }, value: value(r) }));

function countKpi(id: string, label: KpiDef['label'], value: (c: Counts) => number): KpiDef {
  return {
    id, label, unit: '件',
    compute: async (tx, q) => (await countsByResource(tx, q.from, q.to)).reduce((n, c) => n + value(c), 0),
    breakdown: async (tx, q) => parts(await countsByResource(tx, q.from, q.to), value),
  };
}

/** The module's KPIs: citizen bookings (all, online, by staff) per resource, and the share booked online. */
export const reservationKpis: KpiDef[] = [
  countKpi('reservations.bookings', { ja: '予約件数', en: 'Bookings' }, (c) => c.total),
  countKpi('reservations.bookings.online', { ja: 'オンライン予約の件数', en: 'Bookings made online' }, (c) => c.online),
  countKpi('reservations.bookings.staff', { ja: '電話・窓口予約の件数', en: 'Bookings made by staff (phone, counter)' }, (c) => c.staff),
  {
    id: 'reservations.online_share', label: { ja: 'オンライン予約率', en: 'Share of bookings made online' }, unit: '%',
    compute: async (tx, q) => {
      const rows = await countsByResource(tx, q.from, q.to);
      return share(rows.reduce((n, c) => n + c.online, 0), rows.reduce((n, c) => n + c.total, 0));
    },
    breakdown: async (tx, q) => parts(await countsByResource(tx, q.from, q.to), (c) => share(c.online, c.total)),
  },
];
