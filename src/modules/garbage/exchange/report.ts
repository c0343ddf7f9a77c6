/**
 * What an import found wrong, per file, row and column, instead of an exception: staff fix a CSV faster
 * from a list of every problem than from the first one. `code` and `params` are for the UI's message
 * catalogues (ja, en, ja-easy); `message` is an English fallback for logs. Warnings are losses the
 * import can live with (a 5374 image path the platform has no field for); errors block a real import.
 */
import { parse } from 'csv-parse/sync';

export type ReportLevel = 'error' | 'warning';

export interface ReportEntry {
  file: string;
  /** 1-based CSV record number, the header being 1 (a spreadsheet's row, even with quoted newlines); 0 = the whole file. */
  row: number;
  /** The header text of the column, '' for the whole row or file. */
  column: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
  level: ReportLevel;
}

export class Reporter {
  readonly entries: ReportEntry[] = [];
  constructor(private readonly file: string) {}

  error(row: number, column: string, code: string, message: string, params?: ReportEntry['params']): void {
    this.entries.push({ file: this.file, row, column, message, code, ...(params ? { params } : {}), level: 'error' });
  }

  warn(row: number, column: string, code: string, message: string, params?: ReportEntry['params']): void {
    this.entries.push({ file: this.file, row, column, message, code, ...(params ? { params } : {}), level: 'warning' });
  }
}

export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * Records of a CSV text with their spreadsheet row numbers. Quoted commas, quoted line breaks, doubled
 * quotes, a BOM and CRLF all work (5374's own reader splits on every comma and newline). Blank lines
 * are dropped but still counted, so row numbers match what staff see in Excel.
 */
export function readCsv(text: string, report: Reporter, delimiter = ','): CsvRecord[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    const lines = (e as { lines?: number }).lines ?? 0;
    report.error(lines, '', 'csv_syntax', `CSV syntax error: ${(e as Error).message}`, { line: lines });
    return [];
  }
  const out: CsvRecord[] = [];
  records.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    out.push({ row: i + 1, cells });
  });
  return out;
}

/** Tab-separated when the first line has more tabs than commas (Excel's "Unicode text" is UTF-16 TSV). */
export function sniffDelimiter(text: string): ',' | '\t' {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? '\t' : ',';
}
