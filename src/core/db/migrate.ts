import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connection.ts';

/** Where the core's own SQL migrations live. */
export const CORE_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** A named folder of `NNNN_title.sql` files, applied in file-name order. */
export interface MigrationSource {
  owner: string;
  dir: string;
}

/** One SQL file to apply, with the id it is recorded under. */
interface MigrationFile {
  id: string;
  sql: string;
}

function listMigrations(sources: MigrationSource[]): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const source of sources) {
    if (!existsSync(source.dir)) continue;
    for (const name of readdirSync(source.dir).filter((f) => f.endsWith('.sql')).sort()) {
      files.push({ id: `${source.owner}/${name}`, sql: readFileSync(join(source.dir, name), 'utf8') });
    }
  }
  return files;
}

/**
 * Applies every migration not yet recorded, core first and then the modules in registration order,
 * all in one transaction: a failing file leaves the database as it was. Two processes migrating at
 * once serialise on an advisory lock.
 */
export async function migrate(db: Database, sources: MigrationSource[]): Promise<string[]> {
  const files = listMigrations([{ owner: 'core', dir: CORE_MIGRATIONS }, ...sources]);
  return db.rawTransaction(async (client) => {
    await client.query('select pg_advisory_xact_lock(7263514)');
    await client.exec('CREATE TABLE IF NOT EXISTS yakuba_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ id: string }>('select id from yakuba_migrations')).map((r) => r.id));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file.id)) continue;
      try {
        await client.exec(file.sql);
      } catch (err) {
        throw new Error(`migration ${file.id} failed: ${(err as Error).message}`, { cause: err });
      }
      await client.query('insert into yakuba_migrations (id) values ($1)', [file.id]);
      applied.push(file.id);
    }
    return applied;
  });
}
