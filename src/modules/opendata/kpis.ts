import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/connection.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import type { KpiDef, KpiPart } from '../../core/modules/manifest.ts';
import { toJstDateString } from '../../core/ja/dates.ts';

/**
 * Figures for the plan module (T1: datasets 23 → 190; M1-4-2: 0 → 20), counts only. A dataset counts as
 * published at a moment when it existed, was public and was not deleted then; drafts never count (a
 * draft published later counts from its creation — the table keeps no publication date).
 */

/** Public datasets standing at `to`; `living` narrows to the ones fed by a module. */
async function publishedAt(tx: Tx, to: Date, living: boolean): Promise<number> {
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from opendata_datasets
    where metadata_created < ${to.toISOString()}::timestamptz and not private
      and (state = 'active' or (state = 'deleted' and deleted_at >= ${to.toISOString()}::timestamptz))
      ${living ? sql`and source is not null` : sql``}`);
  return Number(row?.n ?? 0);
}

/** First days (JST) of the first and last months the half-open period [from, to) touches. */
function months(from: Date, to: Date): { first: string; last: string } {
  const last = toJstDateString(new Date(Math.max(from.getTime(), to.getTime() - 1)));
  return { first: `${toJstDateString(from).slice(0, 7)}-01`, last: `${last.slice(0, 7)}-01` };
}

/** Downloads per dataset over the months the period touches (downloads are kept per month). */
async function downloadsByDataset(tx: Tx, from: Date, to: Date): Promise<KpiPart[]> {
  const m = months(from, to);
  const rows = await txRows<{ id: string; title: { ja: string; en?: string }; n: string | number }>(tx, sql`
    select d.id, d.title, sum(n.count) as n from opendata_downloads n
      join opendata_resources r on r.id = n.resource_id join opendata_datasets d on d.id = r.dataset_id
     where n.month >= ${m.first}::date and n.month <= ${m.last}::date
     group by d.id, d.title having sum(n.count) > 0 order by sum(n.count) desc, d.id`);
  return rows.map((r) => ({ key: r.id, label: { ja: r.title.ja, en: r.title.en || r.title.ja }, value: Number(r.n) }));
}

export const opendataKpis: KpiDef[] = [
  {
    id: 'opendata.datasets_published', label: { ja: '公開オープンデータセット数', en: 'Open datasets published' }, unit: '件',
    compute: (tx, q) => publishedAt(tx, q.to, false),
  },
  {
    id: 'opendata.downloads', label: { ja: 'オープンデータのダウンロード数', en: 'Open data downloads' }, unit: '回',
    compute: async (tx, q) => (await downloadsByDataset(tx, q.from, q.to)).reduce((n, p) => n + p.value, 0),
    breakdown: (tx, q) => downloadsByDataset(tx, q.from, q.to),
  },
  {
    id: 'opendata.living_datasets', label: { ja: '業務システムから自動更新されるデータセット数', en: 'Datasets refreshed automatically from city systems' }, unit: '件',
    compute: (tx, q) => publishedAt(tx, q.to, true),
  },
];
