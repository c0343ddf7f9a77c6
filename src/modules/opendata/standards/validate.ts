/**
 * Checks an uploaded CSV against a 自治体標準オープンデータセット template before it is published. Pure:
 * bytes in, report out. Row numbers are what a spreadsheet user sees (header is row 1), so the first
 * data row is row 2.
 */
import { parse } from 'csv-parse/sync';
import { decodeText, type TextEncodingName } from '../../../core/ja/text-decode.ts';
import { isValidLgCode } from '../../../core/ja/lgcode.ts';
import type { Column, ColumnType, Template } from './templates.ts';

export const MAX_PROBLEMS = 1000;

export interface Problem {
  row: number;
  column: string;
  value: string;
  code: string;
  message: { ja: string; en: string };
}

export interface ValidationReport {
  encoding: TextEncodingName;
  header: { mapped: { column: string; from: string }[]; missing: string[]; unknown: string[] };
  rows: number;
  problems: Problem[];
  /** Problems found beyond MAX_PROBLEMS and not listed. */
  moreProblems: number;
}

/** NFKC, no spaces, no データモデル型 dataset prefix: how two header spellings are compared. */
function headerKey(h: string, prefix: string): string {
  const k = h.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\s+/g, '').toUpperCase();
  const p = `${prefix.normalize('NFKC').toUpperCase()}_`;
  return k.startsWith(p) ? k.slice(p.length) : k;
}

type Check = (v: string) => { code: string; ja: string; en: string } | null;

const bad = (code: string, ja: string, en: string) => ({ code, ja, en });

function numberIn(v: string, min: number, max: number): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : NaN;
}

// Japan's extent (lat 20–46, lng 122–154) does not overlap, so a value in the other range is a swap.
const LAT: [number, number] = [20, 46];
const LNG: [number, number] = [122, 154];

const CHECKS: Record<ColumnType, Check> = {
  text: () => null,
  kana: (v) => (/^[\u30A1-\u30FA\u30FC\u30FB\u3000 ・ー－（）()0-9０-９A-Za-zＡ-Ｚａ-ｚ]+$/.test(v) && /[\u30A1-\u30FA]/.test(v)
    ? null
    : bad('kana', '全角カタカナで入力してください', 'must be full-width katakana')),
  lgcode: (v) => (isValidLgCode(v) ? null : bad('lgcode', '全国地方公共団体コード（6桁、検査数字付き）として正しくありません', 'is not a valid 6-digit local government code (check digit)')),
  latitude: (v) => {
    const n = numberIn(v, LAT[0], LAT[1]);
    if (n === null) return bad('number', '数値ではありません', 'is not a number');
    if (!Number.isNaN(n)) return null;
    const x = Number(v);
    if (x >= LNG[0] && x <= LNG[1]) return bad('lat_lng_swapped', '緯度と経度が入れ替わっているようです', 'looks like a longitude: latitude and longitude swapped?');
    return bad('outside_japan', '日本の範囲（緯度20〜46）にありません', 'is outside Japan (latitude 20–46)');
  },
  longitude: (v) => {
    const n = numberIn(v, LNG[0], LNG[1]);
    if (n === null) return bad('number', '数値ではありません', 'is not a number');
    if (!Number.isNaN(n)) return null;
    const x = Number(v);
    if (x >= LAT[0] && x <= LAT[1]) return bad('lat_lng_swapped', '緯度と経度が入れ替わっているようです', 'looks like a latitude: latitude and longitude swapped?');
    return bad('outside_japan', '日本の範囲（経度122〜154）にありません', 'is outside Japan (longitude 122–154)');
  },
  time: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : bad('time', '時刻は hh:mm（00:00〜23:59）で入力してください', 'must be a time hh:mm (00:00–23:59)')),
  date: (v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
    return d && d.getUTCMonth() === +m![2]! - 1 && d.getUTCDate() === +m![3]!
      ? null
      : bad('date', '日付は YYYY-MM-DD で入力してください', 'must be a date YYYY-MM-DD');
  },
  integer: (v) => (/^-?\d+$/.test(v) ? null : bad('integer', '整数ではありません', 'is not an integer')),
  url: (v) => {
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return null;
    } catch { /* falls through to the problem */ }
    return bad('url', 'http:// または https:// で始まるURLではありません', 'is not an http(s) URL');
  },
  phone: (v) => (/^\+?[0-9][0-9-]{8,14}$/.test(v) && (v.replace(/\D/g, '').length >= 10) ? null : bad('phone', '電話番号として正しくありません（例 088-621-5111）', 'is not a phone number (e.g. 088-621-5111)')),
  umu: (v) => (v === '有' || v === '無' ? null : bad('umu', '「有」または「無」で入力してください', 'must be 有 or 無')),
};

/** Validate one CSV file against a template. Never throws on bad input; a malformed CSV is a problem. */
export function validateCsv(bytes: Uint8Array, template: Template): ValidationReport {
  const { text, encoding } = decodeText(bytes);
  const report: ValidationReport = { encoding, header: { mapped: [], missing: [], unknown: [] }, rows: 0, problems: [], moreProblems: 0 };
  const add = (p: Problem): void => {
    if (report.problems.length < MAX_PROBLEMS) report.problems.push(p);
    else report.moreProblems++;
  };

  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    add({ row: line, column: '', value: '', code: 'csv_syntax', message: { ja: `${line}行目: CSVとして読めません`, en: `row ${line}: the file is not valid CSV` } });
    return report;
  }
  const header = records.shift() ?? [];
  const keys = header.map((h) => headerKey(h, template.prefix));
  const used = new Set<number>();
  const bound: { column: Column; index: number }[] = [];
  // Exact standard names first, aliases second, so an alias never takes a column that is present under its own name.
  const found = new Map<Column, number>();
  for (const pass of ['name', 'alias'] as const) {
    for (const column of template.columns) {
      if (found.has(column)) continue;
      const wanted = (pass === 'name' ? [column.name] : column.aliases).map((n) => headerKey(n, template.prefix));
      const index = keys.findIndex((k, i) => !used.has(i) && wanted.includes(k));
      if (index < 0) continue;
      used.add(index);
      found.set(column, index);
    }
  }
  for (const column of template.columns) {
    const index = found.get(column);
    if (index === undefined) {
      if (column.required) report.header.missing.push(column.name);
      continue;
    }
    bound.push({ column, index });
    report.header.mapped.push({ column: column.name, from: header[index]!.trim() });
  }
  report.header.unknown = header.filter((h, i) => !used.has(i) && h.trim() !== '').map((h) => h.trim());
  for (const name of report.header.missing) {
    add({ row: 1, column: name, value: '', code: 'missing_column', message: { ja: `1行目: 必須の列「${name}」がありません`, en: `row 1: required column "${name}" is missing` } });
  }

  report.rows = records.length;
  records.forEach((cells, i) => {
    const row = i + 2;
    for (const { column, index } of bound) {
      const value = (cells[index] ?? '').trim();
      if (value === '') {
        if (column.required) add({ row, column: column.name, value, code: 'required', message: { ja: `${row}行目「${column.name}」: 必須項目が空です`, en: `row ${row}, "${column.name}": required value is empty` } });
        continue;
      }
      const p = CHECKS[column.type](value);
      if (p) add({ row, column: column.name, value, code: p.code, message: { ja: `${row}行目「${column.name}」: 「${value}」は${p.ja}`, en: `row ${row}, "${column.name}": "${value}" ${p.en}` } });
    }
  });
  return report;
}
