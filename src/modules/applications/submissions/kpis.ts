import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { KpiDef, KpiPart } from '../../../core/modules/manifest.ts';

/**
 * Figures for the plan module (Matsusaka's KPI: online application rate 0% → 10–15%). Each counts
 * the submissions made in [from, to), with a breakdown per procedure; the plan module asks month by
 * month for "per procedure and month".
 */

interface Counts { procedure_id: string; title_ja: string; title_en: string; total: number; online: number; counter: number }

async function countsByProcedure(tx: Tx, from: Date, to: Date): Promise<Counts[]> {
  const rows = await txRows<Counts>(tx, sql`
    select s.procedure_id, p.title_ja, p.title_en, count(*)::int as total,
           (count(*) filter (where s.channel = 'online'))::int as online, (count(*) filter (where s.channel = 'counter'))::int as counter
      from applications_submissions s join applications_procedures p on p.id = s.procedure_id
     where s.submitted_at >= ${from.toISOString()}::timestamptz and s.submitted_at < ${to.toISOString()}::timestamptz
     group by s.procedure_id, p.title_ja, p.title_en order by total desc, p.title_ja`);
  return rows.map((r) => ({ ...r, total: Number(r.total), online: Number(r.online), counter: Number(r.counter) }));
}

/** Percent (0–100, one decimal) of `part` in `total`; 0 when there is nothing. */
export const share = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);

const parts = (rows: Counts[], value: (c: Counts) => number): KpiPart[] =>
  rows.map((r) => ({ key: r.procedure_id, label: { ja: r.title_ja, en: r.title_en || r.title_ja }, value: value(r) }));

function countKpi(id: string, label: KpiDef['label'], value: (c: Counts) => number): KpiDef {
  return {
    id, label, unit: '件',
    compute: async (tx, q) => (await countsByProcedure(tx, q.from, q.to)).reduce((n, c) => n + value(c), 0),
    breakdown: async (tx, q) => parts(await countsByProcedure(tx, q.from, q.to), value),
  };
}

/** The module's KPIs: submissions (all, online, counter) and the share made online. */
export const applicationKpis: KpiDef[] = [
  countKpi('applications.submissions', { ja: '申請件数', en: 'Applications received' }, (c) => c.total),
  countKpi('applications.submissions.online', { ja: '電子申請の件数', en: 'Applications made online' }, (c) => c.online),
  countKpi('applications.submissions.counter', { ja: '窓口（紙）申請の件数', en: 'Applications entered at the counter' }, (c) => c.counter),
  {
    id: 'applications.online_share',
    label: { ja: 'オンライン申請率', en: 'Share of applications made online' },
    unit: '%',
    compute: async (tx, q) => {
      const rows = await countsByProcedure(tx, q.from, q.to);
      return share(rows.reduce((n, c) => n + c.online, 0), rows.reduce((n, c) => n + c.total, 0));
    },
    breakdown: async (tx, q) => parts(await countsByProcedure(tx, q.from, q.to), (c) => share(c.online, c.total)),
  },
];
