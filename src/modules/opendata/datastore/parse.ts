/**
 * Turns an uploaded CSV (any encoding decodeText reads) or XLSX (its first sheet) into datastore
 * columns and rows, with a type guessed per column. Pure apart from the XLSX reader; never throws on
 * bad input: a file that cannot be read as a table gives null and is published without a datastore.
 */
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { decodeText } from '../../../core/ja/text-decode.ts';
import type { DatastoreField } from './store.ts';

/** Rows loaded at most: a larger file is published but not loaded (datastore_active stays false). */
export const MAX_DATASTORE_ROWS = 1_000_000;

/** A table ready for replaceDatastore. */
export interface ParsedTable {
  fields: DatastoreField[];
  rows: Record<string, unknown>[];
}

const INT = /^-?(0|[1-9]\d*)$/;
const NUMERIC = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/**
 * The CKAN type of a column from its non-empty values: int, numeric, date (ISO) or text. Codes with a
 * leading zero (郵便番号 0770…) fail the number patterns and stay text, so nothing is lost.
 */
export function inferType(values: readonly string[]): DatastoreField['type'] {
  let int = true;
  let numeric = true;
  let date = true;
  let any = false;
  for (const v of values) {
    if (v === '') continue;
    any = true;
    if (int && !(INT.test(v) && Number.isSafeInteger(Number(v)))) int = false;
    if (numeric && !NUMERIC.test(v)) numeric = false;
    if (date && !isDate(v)) date = false;
    if (!int && !numeric && !date) return 'text';
  }
  if (!any) return 'text';
  return int ? 'int' : numeric ? 'numeric' : date ? 'date' : 'text';
}

/** Column ids from a header: trimmed, unique, never empty nor `_id` (CKAN's row id). */
function columnIds(header: readonly string[]): string[] {
  const seen = new Set<string>(['_id']);
  return header.map((h, i) => {
    const base = (h.replace(/^\uFEFF/, '').trim() || `field${i + 1}`).slice(0, 190);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}_${n}`;
    seen.add(id);
    return id;
  });
}

/** Columns and typed rows from a header and string cells (shared by CSV and XLSX). */
export function tableOf(header: readonly string[], cells: readonly (readonly string[])[]): ParsedTable | null {
  if (header.length === 0 || cells.length > MAX_DATASTORE_ROWS) return null;
  const ids = columnIds(header);
  const fields: DatastoreField[] = ids.map((id, c) => ({ id, type: inferType(cells.map((r) => (r[c] ?? '').trim())) }));
  const rows = cells.map((r) => {
    const row: Record<string, unknown> = {};
    fields.forEach((f, c) => {
      const raw = r[c] ?? '';
      const v = raw.trim();
      row[f.id] = f.type === 'text' ? raw : v === '' ? null : f.type === 'date' ? v : Number(v);
    });
    return row;
  });
  return { fields, rows };
}

/** A CSV's table, or null when the text is not CSV. */
export function parseCsvTable(bytes: Uint8Array): ParsedTable | null {
  const { text } = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // TSV (Excel's "Unicode text") has tabs and no commas in its header line.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, delimiter });
  } catch {
    return null;
  }
  const header = records.shift();
  return header ? tableOf(header, records) : null;
}

/** A spreadsheet cell as the text a CSV export would hold (dates as ISO, whole-day dates without time). */
function cellText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(v);
}

/** The first sheet of an XLSX workbook as a table (first row = header), or null when it is not one. */
export async function parseXlsxTable(bytes: Buffer): Promise<ParsedTable | null> {
  let data: unknown[][];
  try {
    const sheets = await readXlsxFile(bytes);
    data = (sheets[0]?.data ?? []) as unknown[][];
  } catch {
    return null;
  }
  const rows = data.map((r) => r.map(cellText)).filter((r) => r.some((c) => c.trim() !== ''));
  const header = rows.shift();
  return header ? tableOf(header, rows) : null;
}
