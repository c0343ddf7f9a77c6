/**
 * 自治体標準オープンデータセット (Digital Agency) 「ゴミの分別方法一覧」 and 「ゴミ集積場所一覧」 in and out
 * of the garbage model. Cities publish these under several generations of column names: the older
 * 推奨データセット names (注意点, 所在地), the newer ones (出し方のポイント, 住所) and the データモデル型
 * names that prefix every column with the dataset (ゴミ集積場所_名称); the alias tables accept all of
 * them. Export writes one fixed header and returns rows, so the server chooses UTF-8 BOM or CP932
 * (core/ja/csv.ts encodeCsv).
 */
import { isValidLgCode } from '../../../core/ja/lgcode.ts';
import { toKatakana } from '../../../core/ja/kana.ts';
import type { Area, Category, CollectionPoint, Item, Rule, RulePattern } from '../engine/types.ts';
import { CodeAllocator, knownCategory } from './codes.ts';
import { readCsv, Reporter, sniffDelimiter, type ReportEntry } from './report.ts';

/** Who publishes: written into every exported row. */
export interface StandardPublisher {
  /** 全国地方公共団体コード, six digits with the check digit (e.g. 362018 for 徳島市). */
  lgCode: string;
  /** 地方公共団体名 (e.g. 徳島市). */
  lgName: string;
}

type Field<K extends string> = { key: K; names: string[] };

const COMMON = [
  { key: 'lgCode', names: ['全国地方公共団体コード', '団体コード', '市区町村コード'] },
  { key: 'id', names: ['ID', 'NO', '番号'] },
  { key: 'lgName', names: ['地方公共団体名', '団体名', '市区町村名'] },
] as const;

const ITEM_FIELDS: Field<string>[] = [
  ...COMMON.map((f) => ({ key: f.key, names: [...f.names] })),
  { key: 'area', names: ['地区名', '地区'] },
  { key: 'name', names: ['ゴミの品目', 'ごみの品目', '品目', '品目名', '品名'] },
  { key: 'kana', names: ['ゴミの品目_カナ', 'ごみの品目_カナ', '品目_カナ', '品目カナ', 'カナ', 'ふりがな', 'よみがな', '読み'] },
  { key: 'en', names: ['ゴミの品目_英字', 'ごみの品目_英字', '品目_英字', '英字', '英語名'] },
  { key: 'category', names: ['分別区分', '区分', '分別', 'ゴミの種類', 'ごみの種類'] },
  { key: 'notes', names: ['注意点', '出し方のポイント', '出し方', '注意事項'] },
  { key: 'remarks', names: ['備考'] },
  { key: 'fee', names: ['粗大ごみ回収料金', '粗大ゴミ回収料金', '粗大ごみ料金', '手数料', '料金'] },
];

const POINT_FIELDS: Field<string>[] = [
  ...COMMON.map((f) => ({ key: f.key, names: [...f.names] })),
  { key: 'name', names: ['名称', '集積所名', '集積場所名', 'ゴミ集積場所名'] },
  { key: 'kana', names: ['名称_カナ', '名称カナ', 'カナ'] },
  { key: 'address', names: ['住所', '所在地_連結表記', '所在地', '所在地_全体'] },
  { key: 'lat', names: ['緯度'] },
  { key: 'lng', names: ['経度'] },
  { key: 'area', names: ['地区名', '収集地区', '地区'] },
  { key: 'days', names: ['収集曜日', '収集日'] },
  { key: 'notes', names: ['備考', '説明'] },
];

export const STANDARD_ITEM_HEADER = ['全国地方公共団体コード', 'ID', '地方公共団体名', '地区名', 'ゴミの品目', 'ゴミの品目_カナ', 'ゴミの品目_英字', '分別区分', '注意点', '備考', '粗大ごみ回収料金'];
export const STANDARD_POINT_HEADER = ['全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '名称_カナ', '住所', '緯度', '経度', '地区名', '収集曜日', '備考'];

/** A header cell as the alias tables compare it: NFKC, no spaces, no データモデル型 dataset prefix. */
function headerKey(h: string): string {
  return h.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\s+/g, '').replace(/^(ゴミの分別方法|ゴミ集積場所|ゴミ集積所|ごみ集積所)_/, '').toUpperCase();
}

function mapHeader(cells: string[], fields: Field<string>[]): Map<string, { index: number; header: string }> {
  const out = new Map<string, { index: number; header: string }>();
  const keys = cells.map(headerKey);
  for (const f of fields) {
    const i = keys.findIndex((k) => f.names.some((n) => headerKey(n) === k));
    if (i >= 0) out.set(f.key, { index: i, header: cells[i].trim() });
  }
  return out;
}

interface Table {
  rows: { row: number; get: (key: string) => string }[];
  column: (key: string) => string;
}

function readTable(text: string, fields: Field<string>[], required: string[], report: Reporter): Table | null {
  const records = readCsv(text, report, sniffDelimiter(text));
  const header = records.shift();
  if (!header) {
    report.error(0, '', 'empty_file', 'the file has no header');
    return null;
  }
  const cols = mapHeader(header.cells, fields);
  const missing = required.filter((k) => !cols.has(k));
  for (const k of missing) {
    const names = fields.find((f) => f.key === k)?.names ?? [];
    report.error(header.row, names[0] ?? k, 'missing_column', `no column "${names[0]}" (or ${names.slice(1).join(', ')})`, { column: names[0] ?? k });
  }
  if (missing.length) return null;
  return {
    rows: records.map((r) => ({ row: r.row, get: (key: string) => {
      const c = cols.get(key);
      return c ? (r.cells[c.index] ?? '').trim() : '';
    } })),
    column: (key) => cols.get(key)?.header ?? fields.find((f) => f.key === key)?.names[0] ?? key,
  };
}

const labelKey = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').replace(/ゴミ/g, 'ごみ');

function checkLgCode(value: string, row: number, column: string, report: Reporter): void {
  if (value && !isValidLgCode(value.normalize('NFKC'))) report.warn(row, column, 'bad_lg_code', `"${value}" is not a valid 全国地方公共団体コード (6 digits with check digit)`, { value });
}

function parseFee(raw: string, row: number, column: string, report: Reporter): number | null {
  const v = raw.normalize('NFKC').replace(/,/g, '');
  if (!v) return null;
  if (/^(無料|0円?)$/.test(v)) return 0;
  const nums = v.match(/\d+/g);
  if (!nums) {
    report.warn(row, column, 'bad_fee', `"${raw}" is not a fee in yen; no fee is kept`, { value: raw });
    return null;
  }
  if (new Set(nums).size > 1) report.warn(row, column, 'fee_ambiguous', `"${raw}" holds several amounts; ${nums[0]} is kept`, { value: raw, fee: Number(nums[0]) });
  return Math.min(Number(nums[0]), 1_000_000);
}

/**
 * 「ゴミの分別方法一覧」 → items. 分別区分 is matched to the given categories by name (any language),
 * code or a well-known synonym (可燃ごみ = 燃やすごみ); labels that match none become new categories,
 * returned in `data.categories` and reported as warnings so staff can merge them.
 */
export function importStandardItems(text: string, categories: readonly Category[]): { data: { items: Item[]; categories: Category[] }; report: ReportEntry[] } {
  const report = new Reporter('items.csv');
  const table = readTable(text, ITEM_FIELDS, ['name'], report);
  const items: Item[] = [];
  const created: Category[] = [];
  if (!table) return { data: { items, categories: created }, report: report.entries };
  const codes = new CodeAllocator('cat', categories.map((c) => c.code));
  const byKey = new Map<string, Category>();
  for (const c of categories) {
    for (const name of Object.values(c.name)) if (name) byKey.set(labelKey(name), c);
    byKey.set(labelKey(c.code), c);
  }
  const findCategory = (label: string, row: number): Category => {
    const k = labelKey(label);
    let c = byKey.get(k);
    const known = knownCategory(label);
    if (!c && known) c = categories.find((x) => x.code === known.code) ?? created.find((x) => x.code === known.code);
    if (!c) {
      c = { id: crypto.randomUUID(), code: codes.next(known?.code), name: { ja: label }, color: '#666666', icon: known?.icon ?? 'other', howTo: { ja: '' }, sortOrder: categories.length + created.length };
      created.push(c);
      report.warn(row, table.column('category'), 'category_created', `分別区分 "${label}" matched no category; a new one is created`, { label });
    }
    byKey.set(k, c);
    return c;
  };
  for (const r of table.rows) {
    checkLgCode(r.get('lgCode'), r.row, table.column('lgCode'), report);
    const name = r.get('name');
    if (!name) {
      report.error(r.row, table.column('name'), 'missing_item_name', 'ゴミの品目 is empty');
      continue;
    }
    const kana = toKatakana(r.get('kana').normalize('NFKC'));
    let reading = kana;
    if (!/^[\u30A1-\u30FC・\s]*$/.test(kana)) {
      report.warn(r.row, table.column('kana'), 'kana_not_katakana', `"${kana}" is not katakana and is not kept`, { value: kana });
      reading = '';
    }
    const label = r.get('category');
    const notes = [r.get('notes'), r.get('remarks')].filter(Boolean).join('\n');
    const en = r.get('en');
    items.push({
      id: crypto.randomUUID(),
      name: en ? { ja: name, en } : { ja: name },
      reading,
      synonyms: [],
      categoryId: label ? findCategory(label, r.row).id : null,
      notes: { ja: notes },
      fee: parseFee(r.get('fee'), r.row, table.column('fee'), report),
    });
  }
  return { data: { items, categories: created }, report: report.entries };
}

/** Japan's extent with a margin (沖ノ鳥島 20.4°N … 択捉島 45.6°N, 与那国島 122.9°E … 南鳥島 154.0°E). */
const inJapan = (lat: number, lng: number): boolean => lat >= 20 && lat <= 46 && lng >= 122 && lng <= 154;

function parseCoordinates(r: { row: number; get: (k: string) => string }, table: Table, report: Reporter): { lat: number | null; lng: number | null } {
  const latRaw = r.get('lat').normalize('NFKC');
  const lngRaw = r.get('lng').normalize('NFKC');
  if (!latRaw && !lngRaw) return { lat: null, lng: null };
  const lat = Number(latRaw);
  const lng = Number(lngRaw);
  if (!latRaw || !lngRaw || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    report.error(r.row, table.column(!latRaw || !Number.isFinite(lat) ? 'lat' : 'lng'), 'bad_coordinate', 'latitude and longitude must both be decimal degrees', { lat: latRaw, lng: lngRaw });
    return { lat: null, lng: null };
  }
  if (inJapan(lng, lat)) {
    report.error(r.row, table.column('lat'), 'lat_lng_swapped', 'latitude and longitude look swapped', { lat: latRaw, lng: lngRaw });
    return { lat: null, lng: null };
  }
  if (!inJapan(lat, lng)) {
    report.error(r.row, table.column('lat'), 'outside_japan', 'the point is outside Japan', { lat: latRaw, lng: lngRaw });
    return { lat: null, lng: null };
  }
  return { lat, lng };
}

/**
 * 「ゴミ集積場所一覧」 → collection points per area. The area is the 地区名 column (an area's name or
 * code); without it, the area listing the longest 町名 found in the address; with one area only, that one.
 * Returns only areas that received points: the server replaces those areas' point lists.
 */
export function importStandardPoints(text: string, areas: readonly Area[]): { data: { areas: { areaId: string; points: CollectionPoint[] }[] }; report: ReportEntry[] } {
  const report = new Reporter('points.csv');
  const table = readTable(text, POINT_FIELDS, ['name'], report);
  const byArea = new Map<string, CollectionPoint[]>();
  if (!table) return { data: { areas: [] }, report: report.entries };
  const byName = new Map<string, Area>();
  for (const a of areas) {
    for (const n of Object.values(a.name)) if (n) byName.set(labelKey(n), a);
    byName.set(labelKey(a.code), a);
  }
  const towns = areas.flatMap((a) => a.towns.filter(Boolean).map((t) => ({ town: t.normalize('NFKC'), area: a }))).sort((x, y) => y.town.length - x.town.length);
  for (const r of table.rows) {
    checkLgCode(r.get('lgCode'), r.row, table.column('lgCode'), report);
    const name = r.get('name');
    if (!name) {
      report.error(r.row, table.column('name'), 'missing_point_name', '名称 is empty');
      continue;
    }
    const areaLabel = r.get('area');
    const address = r.get('address');
    let area = areaLabel ? byName.get(labelKey(areaLabel)) : undefined;
    if (!area && !areaLabel) area = towns.find((t) => address.normalize('NFKC').includes(t.town))?.area ?? (areas.length === 1 ? areas[0] : undefined);
    if (!area) {
      if (areaLabel) report.error(r.row, table.column('area'), 'unknown_area', `地区名 "${areaLabel}" is no area`, { label: areaLabel });
      else report.error(r.row, table.column('address'), 'area_not_found', `no area lists a 町名 of "${address}"; add a 地区名 column`, { address });
      continue;
    }
    const { lat, lng } = parseCoordinates(r, table, report);
    const list = byArea.get(area.id) ?? [];
    list.push({ id: crypto.randomUUID(), name, nameKana: toKatakana(r.get('kana').normalize('NFKC')), address, lat, lng, notes: r.get('notes') });
    byArea.set(area.id, list);
  }
  return { data: { areas: [...byArea].map(([areaId, points]) => ({ areaId, points })) }, report: report.entries };
}

const sortBy = <T extends { sortOrder: number }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.sortOrder - b.sortOrder);

/** Rows (header first) of 「ゴミの分別方法一覧」, for toCsv and encodeCsv. */
export function exportStandardItems(data: { items: readonly Item[]; categories: readonly Category[] }, publisher: StandardPublisher): string[][] {
  const cat = new Map(data.categories.map((c) => [c.id, c.name.ja]));
  return [
    STANDARD_ITEM_HEADER,
    ...data.items.map((item, i) => [
      publisher.lgCode, String(i + 1), publisher.lgName, '', item.name.ja, item.reading, item.name.en ?? '',
      item.categoryId ? cat.get(item.categoryId) ?? '' : '', item.notes.ja, '', item.fee === null ? '' : String(item.fee),
    ]),
  ];
}

const WD = '日月火水木金土';

function describe(p: RulePattern): string {
  switch (p.kind) {
    case 'weekly':
      return p.weekdays.map((d) => WD[d]).join('・');
    case 'nth_weekday':
      return `第${p.nths.join('・第')}${WD[p.weekday]}`;
    case 'every_n_weeks':
      return `${p.interval === 2 ? '隔週' : `${p.interval}週ごと`}${WD[new Date(`${p.from}T00:00:00Z`).getUTCDay()]}`;
    case 'dates':
      return '指定日';
  }
}

/** 収集曜日 of an area in words (燃やすごみ:月・木 / びん:第2・第4水), from its rules. */
export function collectionDaysText(area: Area, rules: readonly Rule[], categories: readonly Category[]): string {
  return sortBy(categories)
    .map((c) => {
      const mine = rules.filter((r) => r.areaId === area.id && r.categoryId === c.id);
      return mine.length ? `${c.name.ja}:${mine.map((r) => describe(r.pattern) + (r.months.length && r.pattern.kind !== 'dates' ? `(${r.months.join('・')}月)` : '')).join('・')}` : '';
    })
    .filter(Boolean)
    .join(' / ');
}

/** Rows (header first) of 「ゴミ集積場所一覧」: every point of every area; 収集曜日 from the rules when given. */
export function exportStandardPoints(data: { areas: readonly Area[]; rules?: readonly Rule[]; categories?: readonly Category[] }, publisher: StandardPublisher): string[][] {
  const rows: string[][] = [STANDARD_POINT_HEADER];
  let id = 0;
  for (const area of sortBy(data.areas)) {
    const days = data.rules && data.categories ? collectionDaysText(area, data.rules, data.categories) : '';
    for (const p of area.points) {
      rows.push([publisher.lgCode, String(++id), publisher.lgName, p.name, p.nameKana, p.address, p.lat === null ? '' : String(p.lat), p.lng === null ? '' : String(p.lng), area.name.ja, days, p.notes]);
    }
  }
  return rows;
}
