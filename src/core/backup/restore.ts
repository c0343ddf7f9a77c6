/**
 * `yakuba restore`: brings an empty database (PGlite or PostgreSQL) and data directory back to the
 * state of a backup. Migrations of this version run first; then, in ONE transaction, every table is
 * emptied and loaded in foreign-key order, sequences are set, and only after the commit do the
 * attachment files move into place. Anything wrong — a truncated file, a table this version does
 * not have, a backup from a newer version — rolls everything back.
 */
import { createWriteStream, existsSync, renameSync, rmSync, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { dirname, join, normalize, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Database, RawClient } from '../db/connection.ts';
import { migrate, type MigrationSource } from '../db/migrate.ts';
import { ident, listTables, STABLE_TEXT_SETTINGS, type TableInfo } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, readLines, type BackupLine } from './format.ts';
import { filesDir, listFiles } from './dump.ts';

/** Options of a restore. */
export interface RestoreOptions {
  /** Restore even though the target already has tenants or files (they are replaced). */
  force?: boolean;
  /** Migration sources of the modules (the core's are always applied). */
  migrations?: MigrationSource[];
}

/** Counts of what was restored. */
export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  migrations: string[];
}

/** A restore refused before anything was changed (non-empty target, foreign or newer file). */
export class RestoreRefused extends Error {}

const MAX_PARAMS = 30_000;

/** True when the target already holds an installation: tenants in the database or stored files. */
export async function targetInUse(db: Database, config: Pick<Config, 'dataDir'>): Promise<string | null> {
  const [reg] = await db.rawTransaction((c) => c.query<{ t: string | null }>(`select to_regclass('public.tenants')::text as t`));
  if (reg?.t) {
    const [row] = await db.rawTransaction((c) => c.query<{ n: number }>('select count(*)::int as n from tenants'));
    if (row && row.n > 0) return `the database already has ${row.n} tenant(s)`;
  }
  const files = listFiles(filesDir(config));
  if (files.length) return `${filesDir(config)} already holds ${files.length} file(s)`;
  return null;
}

/** Loads rows of one table in multi-row INSERTs, casting each text value to the column's type. */
class TableLoader {
  private readonly sqlHead: string;
  private readonly types: string[];
  private readonly conflict: string;

  constructor(private readonly client: RawClient, readonly table: TableInfo, columns: string[]) {
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const missing = columns.filter((c) => !byName.has(c));
    if (missing.length) throw new Error(`table ${table.name} has no column(s) ${missing.join(', ')} in this version`);
    this.types = columns.map((c) => byName.get(c)!.type);
    const overriding = columns.some((c) => byName.get(c)!.identity) ? ' overriding system value' : '';
    this.sqlHead = `insert into ${ident(table.name)} (${columns.map(ident).join(', ')})${overriding} values `;
    // The migrations table is filled by migrate() already: the backup's records replace those rows.
    const updatable = columns.filter((c) => !table.primaryKey.includes(c));
    this.conflict = table.name === 'yakuba_migrations' && table.primaryKey.length
      ? ` on conflict (${table.primaryKey.map(ident).join(', ')}) do ${updatable.length ? `update set ${updatable.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}` : 'nothing'}`
      : '';
  }

  /** Inserts a batch of rows (each an array of text values in column order). */
  async insert(rows: (string | null)[][]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, this.types.length)));
    for (let start = 0; start < rows.length; start += perStatement) {
      const slice = rows.slice(start, start + perStatement);
      const params: (string | null)[] = [];
      const tuples = slice.map((row) => `(${row.map((v, i) => {
        params.push(v);
        return `$${params.length}::text::${this.types[i]}`;
      }).join(', ')})`);
      await this.client.query(this.sqlHead + tuples.join(', ') + this.conflict, params);
    }
  }
}

/** Resolves a path from the backup inside the files directory, refusing '..' and absolute paths. */
function safeJoin(root: string, path: string): string {
  const clean = normalize(path);
  if (isAbsolute(clean) || clean.startsWith('..')) throw new Error(`unsafe file path in backup: ${path}`);
  return join(root, clean);
}

async function loadAll(client: RawClient, lines: AsyncGenerator<BackupLine>, staging: string): Promise<Omit<RestoreSummary, 'migrations'>> {
  await client.exec(STABLE_TEXT_SETTINGS);
  const [{ super: isSuper } = { super: false }] = await client.query<{ super: boolean }>('select rolsuper as super from pg_roles where rolname = current_user');
  // As superuser, foreign keys and triggers wait (replica mode) so self-references load in any order.
  if (isSuper) await client.exec(`SET LOCAL session_replication_role = replica`);
  // Otherwise triggers run: those that keep derived bookkeeping (a module's change counters) skip their
  // work when they see this, since the backup already holds what they would write.
  await client.exec(`SET LOCAL yakuba.restoring = 'on'`);
  const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
  const toEmpty = [...tables.keys()].filter((n) => n !== 'yakuba_migrations');
  if (toEmpty.length) await client.exec(`truncate ${toEmpty.map(ident).join(', ')} restart identity cascade`);
  let loader: TableLoader | null = null;
  let rows = 0;
  let files = 0;
  let loadedTables = 0;
  let out: WriteStream | null = null;
  const closeFile = async () => {
    if (out) { out.end(); await finished(out); out = null; }
  };
  for await (const line of lines) {
    switch (line.kind) {
      case 'table': {
        const table = tables.get(line.name);
        if (!table) throw new Error(`table ${line.name} of the backup does not exist in this version`);
        loader = new TableLoader(client, table, line.columns);
        loadedTables++;
        break;
      }
      case 'rows':
        if (!loader || loader.table.name !== line.table) throw new Error(`rows of ${line.table} before its table line`);
        await loader.insert(line.rows);
        rows += line.rows.length;
        break;
      case 'sequence': {
        const [exists] = await client.query<{ r: string | null }>(`select to_regclass($1)::text as r`, [`public.${ident(line.name)}`]);
        if (exists?.r) await client.query(`select setval($1::regclass, $2::bigint, $3)`, [`public.${ident(line.name)}`, line.lastValue, line.isCalled]);
        break;
      }
      case 'file': {
        await closeFile();
        const target = safeJoin(staging, line.path);
        mkdirSync(dirname(target), { recursive: true });
        out = createWriteStream(target, { mode: 0o600 });
        files++;
        break;
      }
      case 'chunk': {
        const stream = out as WriteStream | null;
        if (!stream) throw new Error(`data of ${line.path} before its file line`);
        if (!stream.write(Buffer.from(line.data, 'base64'))) await once(stream, 'drain');
        break;
      }
      case 'end':
        await closeFile();
        if (line.rows !== rows || line.files !== files || line.tables !== loadedTables) {
          throw new Error(`backup is inconsistent: expected ${line.tables} tables/${line.rows} rows/${line.files} files, read ${loadedTables}/${rows}/${files}`);
        }
        return { tables: loadedTables, rows, files };
      case 'header':
        throw new Error('a second header in the backup');
    }
  }
  await closeFile();
  throw new Error('the backup file is truncated (no end line)');
}

/** Restores a backup file into `db` and `${config.dataDir}/files`; refuses a target in use unless `force`. */
export async function restoreFrom(db: Database, config: Pick<Config, 'dataDir'>, path: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  if (!existsSync(path)) throw new RestoreRefused(`no such backup file: ${path}`);
  const lines = readLines(path);
  const first = (await lines.next()).value as BackupLine | undefined;
  if (!first || first.kind !== 'header' || first.format !== BACKUP_FORMAT) throw new RestoreRefused(`${path} is not a Yakuba backup`);
  if (first.version > BACKUP_VERSION) throw new RestoreRefused(`backup format version ${first.version} is newer than this Yakuba reads (${BACKUP_VERSION})`);
  const inUse = await targetInUse(db, config);
  if (inUse && !options.force) throw new RestoreRefused(`refusing to restore: ${inUse} (use --force to replace it)`);

  await migrate(db, options.migrations ?? []);
  const known = new Set((await db.rawTransaction((c) => c.query<{ id: string }>('select id from yakuba_migrations'))).map((r) => r.id));
  const unknown = first.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new RestoreRefused(`the backup comes from a newer version (unknown migrations: ${unknown.join(', ')})`);

  const root = filesDir(config);
  const staging = `${root}.restoring-${randomBytes(4).toString('hex')}`;
  mkdirSync(staging, { recursive: true });
  try {
    const summary = await db.rawTransaction((client) => loadAll(client, lines, staging));
    if (existsSync(root)) {
      const old = `${root}.replaced-${randomBytes(4).toString('hex')}`;
      renameSync(root, old);
      rmSync(old, { recursive: true, force: true });
    }
    renameSync(staging, root);
    return { ...summary, migrations: first.migrations };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    await lines.return(undefined);
    throw err;
  }
}
