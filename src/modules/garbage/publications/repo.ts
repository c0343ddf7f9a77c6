import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { GarbageBundle } from '../engine/types.ts';

/** The tenant's latest published bundle (the tenant of the transaction), or null before the first publication. */
export async function latestBundle(tx: Tx): Promise<GarbageBundle | null> {
  const [row] = await txRows<{ bundle: GarbageBundle }>(tx, sql`select bundle from garbage_publications order by version desc limit 1`);
  return row?.bundle ?? null;
}

/** The latest version number, 0 before the first publication (cheap: for cache keys and ETags). */
export async function latestVersion(tx: Tx): Promise<number> {
  const [row] = await txRows<{ v: number | null }>(tx, sql`select max(version)::int as v from garbage_publications`);
  return row?.v ?? 0;
}

/** Stores a new publication; the primary key (tenant, version) refuses a concurrent publish of the same version. */
export async function insertPublication(tx: Tx, tenantId: string, bundle: GarbageBundle, publishedBy: string | null): Promise<void> {
  await txRows(tx, sql`insert into garbage_publications (tenant_id, version, bundle, published_at, published_by)
    values (${tenantId}, ${bundle.version}, ${JSON.stringify(bundle)}::jsonb, ${bundle.publishedAt}::timestamptz, ${publishedBy})`);
}

/** Publication history, newest first. */
export async function listPublications(tx: Tx): Promise<{ version: number; published_at: Date; published_by: string | null }[]> {
  return txRows(tx, sql`select version, published_at, published_by from garbage_publications order by version desc limit 100`);
}
