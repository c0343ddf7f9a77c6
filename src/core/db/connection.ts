import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** Drizzle handle usable inside and outside transactions, on PGlite and on PostgreSQL alike. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = PgDatabase<PgQueryResultHKT, any>;

/** The application's database: which engine, the Drizzle handle and how to close it. */
export interface Database {
  kind: 'pglite' | 'postgres';
  orm: Tx;
  /** Runs raw SQL outside any tenant (system context: migrations, job runner, CLI). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
  /** A transaction on the raw driver: multi-statement scripts (migrations) and plain parameterised SQL. */
  rawTransaction<T>(fn: (client: RawClient) => Promise<T>): Promise<T>;
  /** Only for PGlite: the embedded instance (backup tools, tests). */
  pglite?: PGlite;
  /** Only for PostgreSQL: the pool (tests that need a second connection). */
  pool?: pg.Pool;
}

/** The driver underneath Drizzle, for scripts and tools. */
export interface RawClient {
  /** Runs a script of several statements (simple protocol). */
  exec(text: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Rows of a raw query result, whichever driver ran it. */
export function resultRows<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Opens PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or in memory when dataDir is 'memory://'). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number; loadDataDir?: Blob }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => { /* an idle client dropped by the server is replaced on next use */ });
    const orm = drizzlePg({ client: pool }) as unknown as Tx;
    return {
      kind: 'postgres',
      orm,
      pool,
      rows: async (q) => resultRows(await orm.execute(q)),
      rawTransaction: async (fn) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            exec: async (text) => { await client.query(text); },
            query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const dir = opts.dataDir ?? 'memory://';
  let unlock = () => {};
  if (!dir.startsWith('memory://')) {
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
  }
  const client = await PGlite.create({ ...(dir.startsWith('memory://') ? {} : { dataDir: dir }), ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  const orm = drizzlePglite({ client }) as unknown as Tx;
  return {
    kind: 'pglite',
    orm,
    pglite: client,
    rows: async (q) => resultRows(await orm.execute(q)),
    rawTransaction: (fn) => client.transaction((tx) => fn({
      exec: async (text) => { await tx.exec(text); },
      query: async (text, params) => (await tx.query(text, params)).rows as never,
    })),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims an embedded data directory for this process. PGlite has no lock of its own, and two
 * processes opening one directory (a CLI command while the server runs) would corrupt it.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'yakuba.lock');
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(readFileSync(path, 'utf8'));
    if (holder && holder !== process.pid && processAlive(holder)) {
      throw new Error(`the embedded database in ${dir} is in use by process ${holder}: stop it first (or use PostgreSQL through DATABASE_URL)`, { cause: err });
    }
    writeFileSync(path, String(process.pid)); // left behind by a process that died
  }
  return () => rmSync(path, { force: true });
}

export { sql };
