/**
 * The backup file: gzip'd JSON lines. The first line is the header; then, per table in foreign-key
 * order, a `table` line and `rows` lines (values in PostgreSQL's text form, null as null); then the
 * sequences; then each stored file as a `file` line and base64 `chunk` lines; last an `end` line
 * with counts, so a truncated file is detected before anything is committed.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';

/** The `format` value of the header, and the version this code writes and reads. */
export const BACKUP_FORMAT = 'yakuba-backup';
export const BACKUP_VERSION = 1;

/** One line of a backup file. */
export type BackupLine =
  | { kind: 'header'; format: string; version: number; createdAt: string; database: 'pglite' | 'postgres'; migrations: string[]; tables: string[] }
  | { kind: 'table'; name: string; columns: string[]; types: string[] }
  | { kind: 'rows'; table: string; rows: (string | null)[][] }
  | { kind: 'sequence'; name: string; lastValue: string; isCalled: boolean }
  | { kind: 'file'; path: string; size: number }
  | { kind: 'chunk'; path: string; data: string }
  | { kind: 'end'; tables: number; rows: number; files: number; fileBytes: number };

/** Writes lines to a gzip'd file, waiting when the stream is full so memory stays flat. */
export class LineWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly done: Promise<void>;

  constructor(path: string) {
    const out = createWriteStream(path, { mode: 0o600 });
    this.gzip.pipe(out);
    this.done = finished(out);
  }

  /** Appends one line. */
  async write(line: BackupLine): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(line)}\n`)) await once(this.gzip, 'drain');
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }
}

/** Reads the lines of a backup file one at a time. */
export async function* readLines(path: string): AsyncGenerator<BackupLine> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text) yield JSON.parse(text) as BackupLine;
  }
}
