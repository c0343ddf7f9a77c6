import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Platform } from '../platform.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Removes blobs no row points to: temp files of uploads that died half-way, and files whose
 * transaction rolled back after they were written. Only those older than `graceMs`, so uploads in
 * progress are left alone. Filesystem storage only; an S3 bucket wants a lifecycle rule instead.
 */
export async function sweepOrphanFiles(platform: Platform, graceMs = 3600_000): Promise<number> {
  if (platform.config.s3) return 0;
  const root = resolve(platform.config.dataDir, 'files');
  const tenants = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const tenant of tenants.filter((t) => UUID.test(t))) {
    const old: string[] = [];
    for (const name of await readdir(join(root, tenant))) {
      const info = await stat(join(root, tenant, name)).catch(() => null);
      if (info && Date.now() - info.mtimeMs > graceMs) old.push(name);
    }
    const candidates = old.filter((n) => UUID.test(n));
    const kept = new Set<string>();
    for (let i = 0; i < candidates.length; i += 500) {
      const keys = candidates.slice(i, i + 500).map((n) => `${tenant}/${n}`);
      const rows = await platform.db.rows<{ storage_key: string }>(sql`select storage_key from files where storage_key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
      for (const r of rows) kept.add(r.storage_key);
    }
    for (const name of old) {
      if (name.startsWith('.tmp-') || (UUID.test(name) && !kept.has(`${tenant}/${name}`))) {
        await rm(join(root, tenant, name), { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
