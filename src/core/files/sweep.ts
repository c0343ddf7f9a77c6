import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Platform } from '../platform.ts';
import { S3BlobStore } from './storage.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Storage keys (`<tenant>/<file id>`) among `keys` that a `files` row points to. */
async function keysInUse(platform: Platform, keys: string[]): Promise<Set<string>> {
  const kept = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const batch = keys.slice(i, i + 500);
    const rows = await platform.db.rows<{ storage_key: string }>(sql`select storage_key from files where storage_key in (${sql.join(batch.map((k) => sql`${k}`), sql`, `)})`);
    for (const r of rows) kept.add(r.storage_key);
  }
  return kept;
}

/** The bucket's version of the sweep: objects older than the grace time that no row points to. */
async function sweepBucket(platform: Platform, graceMs: number): Promise<number> {
  const store = new S3BlobStore(platform.config.s3!);
  const old = (await store.list(''))
    .filter((o) => Date.now() - o.modified.getTime() > graceMs && /^[^/]+\/[^/]+$/.test(o.key))
    .filter((o) => o.key.split('/').every((part) => UUID.test(part)))
    .map((o) => o.key);
  const kept = await keysInUse(platform, old);
  let removed = 0;
  for (const key of old.filter((k) => !kept.has(k))) {
    await store.delete(key);
    removed += 1;
  }
  return removed;
}

/**
 * Removes blobs no row points to: temp files of uploads that died half-way, and files whose
 * transaction rolled back after they were written. Only those older than `graceMs`, so uploads in
 * progress are left alone. Works on the data directory and on an S3 bucket alike.
 */
export async function sweepOrphanFiles(platform: Platform, graceMs = 3600_000): Promise<number> {
  if (platform.config.s3) return sweepBucket(platform, graceMs);
  const root = resolve(platform.config.dataDir, 'files');
  const tenants = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const tenant of tenants.filter((t) => UUID.test(t))) {
    const old: string[] = [];
    for (const name of await readdir(join(root, tenant))) {
      const info = await stat(join(root, tenant, name)).catch(() => null);
      if (info && Date.now() - info.mtimeMs > graceMs) old.push(name);
    }
    const kept = await keysInUse(platform, old.filter((n) => UUID.test(n)).map((n) => `${tenant}/${n}`));
    for (const name of old) {
      if (name.startsWith('.tmp-') || (UUID.test(name) && !kept.has(`${tenant}/${name}`))) {
        await rm(join(root, tenant, name), { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
