import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { PostalAddress } from './source.ts';

/**
 * Japan Post's KEN_ALL.CSV (住所の郵便番号, one row per 町域) read into an index by 7-digit code.
 * Columns (1-based): 1 全国地方公共団体コード, 2 旧郵便番号, 3 郵便番号, 4–6 kana, 7 都道府県名,
 * 8 市区町村名, 9 町域名, 10–15 flags. The file's known quirks are undone here:
 * - a 町域 too long for one row continues on the next rows of the same code while its （ is open;
 * - 「以下に掲載がない場合」「○○の次に番地がくる場合」「○○一円」 mean no 町域 (the city as a whole);
 * - notes in （…） (番地 ranges, 「地階・階層不明」, 「次のビルを除く」) are dropped from the town.
 */

/** Decodes the file: UTF-8 (utf_ken_all.csv, with or without BOM) when it is valid UTF-8, else Shift_JIS (CP932). */
export function decodeKenAll(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'cp932');
  }
}

const NO_TOWN = /^(以下に掲載がない場合|.+の次に番地がくる場合|.+一円)$/;

/** The 町域 as an address form wants it: the notes in （…） dropped, the markers for "no 町域" emptied. */
export function cleanTown(raw: string): string {
  const town = raw.normalize('NFC').replace(/（[^）]*）?/g, '').trim();
  return NO_TOWN.test(town) ? '' : town;
}

const isOpen = (s: string) => (s.match(/（/g)?.length ?? 0) > (s.match(/）/g)?.length ?? 0);

/** Parses KEN_ALL text into addresses by code (7 digits), in file order, without duplicates. */
export function indexKenAll(text: string): Map<string, PostalAddress[]> {
  const records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const index = new Map<string, PostalAddress[]>();
  let pending: { code: string; prefecture: string; city: string; town: string } | null = null;
  const flush = () => {
    if (!pending) return;
    const item = { prefecture: pending.prefecture, city: pending.city, town: cleanTown(pending.town) };
    const list = index.get(pending.code) ?? [];
    if (!list.some((a) => a.prefecture === item.prefecture && a.city === item.city && a.town === item.town)) list.push(item);
    index.set(pending.code, list);
    pending = null;
  };
  for (const r of records) {
    const code = (r[2] ?? '').trim();
    if (!/^\d{7}$/.test(code) || r.length < 9) continue;
    if (pending && pending.code === code && isOpen(pending.town)) {
      pending.town += r[8] ?? '';
      continue;
    }
    flush();
    pending = { code, prefecture: r[6] ?? '', city: r[7] ?? '', town: r[8] ?? '' };
  }
  flush();
  return index;
}
