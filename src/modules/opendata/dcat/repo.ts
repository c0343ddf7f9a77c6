import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/** SQL of the DCAT endpoints: only public, active datasets are ever listed. */

const PUBLIC = sql`state = 'active' and not private`;

/** One catalog page of dataset ids (by name, so pages are stable), the total and the latest change. */
export async function publicPage(tx: Tx, opts: { limit: number; offset: number; modifiedSince: Date | null }): Promise<{ ids: string[]; total: number; modified: string | null }> {
  const since = opts.modifiedSince ? sql`and metadata_modified >= ${opts.modifiedSince.toISOString()}::timestamptz` : sql``;
  const [stats] = await txRows<{ n: number; modified: Date | string | null }>(tx, sql`select count(*)::int as n, max(metadata_modified) as modified
    from opendata_datasets where ${PUBLIC} ${since}`);
  const rows = await txRows<{ id: string }>(tx, sql`select id from opendata_datasets where ${PUBLIC} ${since}
    order by name limit ${opts.limit} offset ${opts.offset}`);
  const modified = stats?.modified ? new Date(stats.modified).toISOString() : null;
  return { ids: rows.map((r) => r.id), total: Number(stats?.n ?? 0), modified };
}

/** A public active dataset's id from its id or name; null otherwise (private, draft and deleted ones too). */
export async function publicDatasetId(tx: Tx, idOrName: string): Promise<string | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const [row] = await txRows<{ id: string }>(tx, isUuid
    ? sql`select id from opendata_datasets where (id = ${idOrName}::uuid or name = ${idOrName}) and ${PUBLIC} limit 1`
    : sql`select id from opendata_datasets where name = ${idOrName} and ${PUBLIC}`);
  return row?.id ?? null;
}
