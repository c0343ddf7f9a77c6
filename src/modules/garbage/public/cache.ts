import { sql } from 'drizzle-orm';
import type { Platform } from '../../../core/platform.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { buildIndex, type DictionaryIndex } from '../engine/index.ts';
import type { GarbageBundle } from '../engine/types.ts';

/** A publication held in memory: parsed once, serialised once, its dictionary index built on first search. */
export interface LoadedBundle {
  version: number;
  bundle: GarbageBundle;
  body: Buffer;
  etag: string;
  index(): DictionaryIndex;
}

// Only the latest version per tenant is kept: a publication never changes, so (tenant, version) is a
// complete key and other processes' publishes are seen on the next request's version check.
const loaded = new Map<string, LoadedBundle>();
const loading = new Map<string, Promise<LoadedBundle | null>>();

function hold(bundle: GarbageBundle): LoadedBundle {
  let index: DictionaryIndex | undefined;
  return {
    version: bundle.version, bundle, body: Buffer.from(JSON.stringify(bundle)), etag: `"${bundle.version}"`,
    index: () => (index ??= buildIndex(bundle.items, bundle.categories)),
  };
}

/** The loaded publication `version` of a tenant (null when there is none), reading the database only on a miss. */
export async function bundleAt(platform: Platform, tenantId: string, version: number): Promise<LoadedBundle | null> {
  if (version < 1) return null;
  const hit = loaded.get(tenantId);
  if (hit?.version === version) return hit;
  const key = `${tenantId}:${version}`;
  let p = loading.get(key);
  if (!p) {
    p = platform.inTenant(tenantId, (tx) => txRows<{ bundle: GarbageBundle }>(tx, sql`select bundle from garbage_publications where version = ${version}`))
      .then(([row]) => {
        if (!row) return null;
        const entry = hold(typeof row.bundle === 'string' ? JSON.parse(row.bundle) as GarbageBundle : row.bundle);
        const current = loaded.get(tenantId);
        if (!current || current.version < version) loaded.set(tenantId, entry);
        return entry;
      })
      .finally(() => loading.delete(key));
    loading.set(key, p);
  }
  return p;
}

/** The tenant's latest version number, 0 before the first publication (one index lookup). */
export async function latestVersionOf(platform: Platform, tenantId: string): Promise<number> {
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ v: number | null }>(tx, sql`select max(version)::int as v from garbage_publications`));
  return row?.v ?? 0;
}
