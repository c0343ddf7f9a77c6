/**
 * `yakuba backup`: every table of the public schema and every stored file, in one consistent
 * snapshot, streamed into one gzip'd JSON-lines file (see format.ts).
 */
import { createReadStream, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Config } from '../../config.ts';
import type { Database, RawClient } from '../db/connection.ts';
import { ident, listSequences, listTables, STABLE_TEXT_SETTINGS, type TableInfo } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, LineWriter } from './format.ts';

/** Rows fetched from a cursor at a time, and raw bytes per base64 chunk line. */
const FETCH_ROWS = 500;
const CHUNK_BYTES = 192 * 1024;

/** Counts of what a backup holds. */
export interface BackupSummary {
  path: string;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
}

/** Where attachments are kept on disk (the filesystem storage of the files service). */
export function filesDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'files');
}

/** Every regular file under a directory, as paths relative to it with '/' separators, sorted. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

async function dumpTable(client: RawClient, table: TableInfo, out: LineWriter): Promise<number> {
  await out.write({ kind: 'table', name: table.name, columns: table.columns.map((c) => c.name), types: table.columns.map((c) => c.type) });
  const select = table.columns.map((c, i) => `${ident(c.name)}::text as c${i}`).join(', ');
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(ident).join(', ')}` : '';
  await client.exec(`declare yakuba_backup_cursor no scroll cursor for select ${select} from ${ident(table.name)}${order}`);
  let count = 0;
  for (;;) {
    const batch = await client.query<Record<string, string | null>>(`fetch ${FETCH_ROWS} from yakuba_backup_cursor`);
    if (!batch.length) break;
    await out.write({ kind: 'rows', table: table.name, rows: batch.map((r) => table.columns.map((_, i) => r[`c${i}`] ?? null)) });
    count += batch.length;
  }
  await client.exec('close yakuba_backup_cursor');
  return count;
}

async function dumpFiles(root: string, out: LineWriter): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  const files = listFiles(root);
  for (const path of files) {
    const size = statSync(join(root, path)).size;
    await out.write({ kind: 'file', path, size });
    for await (const chunk of createReadStream(join(root, path), { highWaterMark: CHUNK_BYTES })) {
      await out.write({ kind: 'chunk', path, data: (chunk as Buffer).toString('base64') });
    }
    bytes += size;
  }
  return { files: files.length, bytes };
}

/**
 * Writes a backup of the whole installation to `path`: database rows (one read-only snapshot,
 * streamed through cursors) and the attachment files under `${dataDir}/files`. The file appears
 * under its name only when complete.
 */
export async function backupTo(db: Database, config: Pick<Config, 'dataDir'>, path: string): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  const out = new LineWriter(partial);
  try {
    const summary = await db.rawTransaction(async (client) => {
      await client.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await client.exec(STABLE_TEXT_SETTINGS);
      const tables = await listTables(client);
      const migrations = tables.some((t) => t.name === 'yakuba_migrations')
        ? (await client.query<{ id: string }>('select id from yakuba_migrations order by id')).map((r) => r.id)
        : [];
      await out.write({
        kind: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(),
        database: db.kind, migrations, tables: tables.map((t) => t.name),
      });
      let rows = 0;
      for (const table of tables) rows += await dumpTable(client, table, out);
      for (const name of await listSequences(client)) {
        const [s] = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${ident(name)}`);
        await out.write({ kind: 'sequence', name, lastValue: s!.last_value, isCalled: s!.is_called });
      }
      return { tables: tables.length, rows };
    });
    const files = await dumpFiles(filesDir(config), out);
    await out.write({ kind: 'end', tables: summary.tables, rows: summary.rows, files: files.files, fileBytes: files.bytes });
    await out.close();
    renameSync(partial, path);
    return { path, tables: summary.tables, rows: summary.rows, files: files.files, fileBytes: files.bytes };
  } catch (err) {
    await out.close().catch(() => undefined);
    rmSync(partial, { force: true });
    throw err;
  }
}
