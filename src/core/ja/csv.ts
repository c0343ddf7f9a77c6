/**
 * CSV export for Excel users: UTF-8 with BOM (any character) or CP932 / Windows-31J (what older Excel
 * and many municipal systems read).
 *
 * CP932 cannot hold every character. Before encoding, the JIS/Unicode mapping differences that Excel
 * users meet most are bridged (〜 U+301C → ～, − → －, ‖ → ∥, — → ―, ¢ £ ¬ ¥ → full-width forms).
 * Anything still unrepresentable (𠮷, é, emoji, most Unicode-only variants) becomes 〓 (U+3013, the
 * 下駄記号 Japanese printing uses for a missing glyph, which CP932 has) rather than '?', so it is visibly
 * a substitution and never confused with a real question mark. encodeCsv reports each replaced character.
 */
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';

/** A column of an object CSV: the property to read and the header text. */
export interface CsvColumn<T> {
  key: keyof T & string;
  header: string;
}

/** CSV text of rows of cells (CRLF line ends, quoted when needed). Null and undefined cells are empty. */
export function toCsv(rows: readonly (readonly unknown[])[]): string;
/** CSV text of objects with the given columns, a header line first. */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string;
export function toCsv<T extends object>(rows: readonly unknown[], columns?: readonly CsvColumn<T>[]): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const records: string[][] = columns
    ? [columns.map((c) => c.header), ...(rows as T[]).map((r) => columns.map((c) => cell(r[c.key])))]
    : (rows as unknown[][]).map((r) => r.map(cell));
  return stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** Output encodings: UTF-8 with a byte-order mark, or CP932 (Windows-31J). */
export type CsvEncoding = 'utf8-bom' | 'cp932';

/** The character put in place of one CP932 cannot hold. */
export const CP932_REPLACEMENT = '〓';

const CP932_BRIDGE: Record<string, string> = {
  '\u301C': '\uFF5E', '\u2212': '\uFF0D', '\u2016': '\u2225', '\u2014': '\u2015',
  '\u00A2': '\uFFE0', '\u00A3': '\uFFE1', '\u00AC': '\uFFE2', '\u00A5': '\uFFE5',
};
const encodable = new Map<string, boolean>();

function inCp932(ch: string): boolean {
  let ok = encodable.get(ch);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
    encodable.set(ch, ok);
  }
  return ok;
}

/** Text made safe for CP932, and the distinct characters that had to be replaced by 〓. */
export function toCp932Safe(text: string): { text: string; replaced: string[] } {
  const replaced = new Set<string>();
  let out = '';
  for (const raw of text) {
    const ch = CP932_BRIDGE[raw] ?? raw;
    if (ch.charCodeAt(0) < 0x80 || inCp932(ch)) out += ch;
    else {
      replaced.add(raw);
      out += CP932_REPLACEMENT;
    }
  }
  return { text: out, replaced: [...replaced] };
}

/** Encodes CSV text as bytes; `replaced` lists characters CP932 could not hold (always empty for UTF-8). */
export function encodeCsv(text: string, encoding: CsvEncoding): { body: Buffer; replaced: string[] } {
  if (encoding === 'utf8-bom') return { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), replaced: [] };
  const safe = toCp932Safe(text);
  return { body: iconv.encode(safe.text, 'cp932'), replaced: safe.replaced };
}

/** Content-Disposition for a download whose name may be Japanese: an ASCII fallback plus RFC 5987 filename*. */
export function contentDisposition(filename: string): string {
  const fallback = filename.normalize('NFKC').replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_') || 'download.csv';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The Content-Type header of a CSV in the given encoding. */
export function csvContentType(encoding: CsvEncoding): string {
  return encoding === 'cp932' ? 'text/csv; charset=Windows-31J' : 'text/csv; charset=utf-8';
}
