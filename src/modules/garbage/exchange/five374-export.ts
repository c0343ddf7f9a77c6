/** 5374 data set out of the garbage model (format: five374.ts), and what it cannot carry. */
import { stringify } from 'csv-stringify/sync';
import { toHiragana } from '../../../core/ja/kana.ts';
import type { Category, Rule, RulePattern, Suspension } from '../engine/types.ts';
import { HEADERS, IMAGE_5374, WEEKDAYS, type Export5374Input, type Export5374Options, type File5374 } from './five374-format.ts';
import { Reporter, type ReportEntry } from './report.ts';

/** 5374's own files use LF and quote only when they must; its reader drops CRs anyway. */
function csv(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: '\n' });
}

const compactDate = (iso: string): string => iso.replaceAll('-', '');
const slashDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${y}/${Number(m)}/${Number(d)}`;
};
/** Months in fiscal-year order (4 … 12, 1 … 3), as 5374's documentation writes them. */
const fiscalOrder = (months: number[]): number[] => [...months].sort((a, b) => ((a + 8) % 12) - ((b + 8) % 12));

function tokensOf(pattern: RulePattern): string[] {
  switch (pattern.kind) {
    case 'weekly':
      return pattern.weekdays.map((d) => WEEKDAYS[d]);
    case 'nth_weekday':
      return pattern.nths.map((n) => `${WEEKDAYS[pattern.weekday]}${n}`);
    case 'every_n_weeks':
      return [`e${pattern.interval}w${compactDate(pattern.from)}`];
    case 'dates':
      return pattern.dates.map(compactDate);
  }
}

const sorted = <T extends { sortOrder: number }>(xs: readonly T[]): T[] => xs.map((x, i) => [x, i] as const).sort((a, b) => a[0].sortOrder - b[0].sortOrder || a[1] - b[1]).map(([x]) => x);

function cellFor(rules: Rule[], remarkIds: string[]): string {
  const tokens = rules.flatMap((r) => tokensOf(r.pattern));
  for (const id of remarkIds) tokens.push(`*${id}`);
  // 5374 has one month list per cell: the first month-limited rule's list stands for all (loss is reported).
  const months = rules.find((r) => r.pattern.kind !== 'dates' && r.months.length)?.months ?? [];
  return tokens.join(' ') + (months.length ? `:${fiscalOrder(months).join(' ')}` : '');
}

/** Center-shaped suspensions: every category, and exactly the areas that name one センター. */
function centerRows(data: Export5374Input): { suspension: Suspension; center: string }[] {
  const out: { suspension: Suspension; center: string }[] = [];
  for (const s of data.suspensions) {
    if (s.categoryIds.length || !s.areaIds.length) continue;
    const centers = new Set(data.areas.filter((a) => s.areaIds.includes(a.id)).map((a) => a.center));
    if (centers.size !== 1) continue;
    const [center] = centers;
    if (!center) continue;
    const all = data.areas.filter((a) => a.center === center).map((a) => a.id);
    if (all.length === s.areaIds.length && all.every((id) => s.areaIds.includes(id))) out.push({ suspension: s, center });
  }
  return out;
}

/** Categories that get a column in area_days.csv: those with a rule (others, such as 粗大ごみ by appointment, only in description.csv). */
function dayColumns(data: Export5374Input): Category[] {
  const used = new Set(data.rules.map((r) => r.categoryId));
  return sorted(data.categories).filter((c) => used.has(c.id));
}

/** Writes the five 5374 files (UTF-8 text without BOM; the server adds the BOM or re-encodes). */
export function export5374(data: Export5374Input, options: Export5374Options = {}): Record<File5374, string> {
  const cats = sorted(data.categories);
  const columns = dayColumns(data);
  const catName = new Map(data.categories.map((c) => [c.id, c.name.ja]));
  const remarks = data.remarks ?? [];

  const areaDays: string[][] = [[...HEADERS.area_days, ...columns.map((c) => c.name.ja)]];
  for (const area of sorted(data.areas)) {
    const row = [area.name.ja, area.center];
    for (const c of columns) {
      const rules = data.rules.filter((r) => r.areaId === area.id && r.categoryId === c.id);
      const remarkIds = remarks.filter((m) => m.uses.some((u) => u.areaId === area.id && u.categoryId === c.id)).map((m) => m.id);
      row.push(cellFor(rules, remarkIds));
    }
    areaDays.push(row);
  }

  const description: string[][] = [[...HEADERS.description]];
  for (const c of cats) description.push([c.name.ja, '', c.howTo.ja, IMAGE_5374[c.code] ?? '', c.color]);

  const target: string[][] = [[...HEADERS.target]];
  for (const item of data.items) {
    const kana = toHiragana(item.reading);
    const furigana = options.furigana === 'full' ? kana : [...kana][0] ?? '';
    target.push([item.categoryId ? catName.get(item.categoryId) ?? '' : '', item.name.ja, item.notes.ja, furigana]);
  }

  const remarkRows: string[][] = [[...HEADERS.remarks], ...remarks.map((m) => [m.id, m.text])];
  const center: string[][] = [[...HEADERS.center], ...centerRows(data).map(({ suspension: s, center: c }) => [c, slashDate(s.from), slashDate(s.to)])];

  return { area_days: csv(areaDays), target: csv(target), description: csv(description), remarks: csv(remarkRows), center: csv(center) };
}

/**
 * What export5374 cannot carry, so staff see it before they move to 5374: warnings only (the export
 * still works). One entry per kind of loss and place, not per field.
 */
export function lossOf5374Export(data: Export5374Input): ReportEntry[] {
  const r = new Reporter('area_days.csv');
  const areaName = new Map(data.areas.map((a) => [a.id, a.name.ja]));
  const catName = new Map(data.categories.map((c) => [c.id, c.name.ja]));
  const cells = new Map<string, Rule[]>();
  for (const rule of data.rules) {
    const k = `${rule.areaId}\u0000${rule.categoryId}`;
    cells.set(k, [...(cells.get(k) ?? []), rule]);
  }
  for (const rules of cells.values()) {
    const { areaId, categoryId } = rules[0];
    const params = { area: areaName.get(areaId) ?? '', category: catName.get(categoryId) ?? '' };
    const where = params.category;
    if (rules.some((x) => x.validFrom || x.validTo)) r.warn(0, where, 'validity_dropped', `${params.area}: validity dates are not kept`, params);
    if (rules.some((x) => x.onHolidays === 'skip')) r.warn(0, where, 'holiday_skip_dropped', `${params.area}: 5374 collects on holidays`, params);
    const regular = rules.filter((x) => x.pattern.kind !== 'dates');
    const monthKeys = new Set(regular.map((x) => fiscalOrder(x.months).join(' ')));
    if (monthKeys.size > 1) r.warn(0, where, 'months_mixed', `${params.area}: one month list per cell in 5374`, params);
    if (rules.some((x) => x.pattern.kind === 'dates') && regular.length) r.warn(0, where, 'dates_mixed', `${params.area}: 5374 reads a cell with a date as dates only`, params);
    if (rules.some((x) => x.pattern.kind === 'every_n_weeks')) r.warn(0, where, 'fork_syntax', `${params.area}: every-n-weeks (e2w…) is read only by some 5374 forks`, params);
  }
  const labels = new Map<string, number>();
  for (const c of data.categories) labels.set(c.name.ja.normalize('NFKC').trim(), (labels.get(c.name.ja.normalize('NFKC').trim()) ?? 0) + 1);
  for (const [label, n] of labels) if (n > 1) r.warn(0, label, 'duplicate_label', `${n} categories are called "${label}"; 5374 links by label and merges them`, { label, count: n });
  const kept = new Set(centerRows(data).map((x) => x.suspension.id));
  const dropped = data.suspensions.filter((s) => !kept.has(s.id)).length;
  const c = new Reporter('center.csv');
  if (dropped) c.warn(0, '', 'suspension_dropped', `${dropped} suspension(s) are not one センター's closure and are not kept`, { count: dropped });
  const t = new Reporter('target.csv');
  const extras = data.items.filter((i) => i.synonyms.length || i.fee !== null || Object.keys(i.name).length > 1 || Object.keys(i.notes).length > 1).length;
  if (extras) t.warn(0, '', 'item_fields_dropped', `${extras} item(s) lose synonyms, fees or translations`, { count: extras });
  const comma = [...data.items.flatMap((i) => [i.name.ja, i.notes.ja]), ...data.categories.flatMap((x) => [x.name.ja, x.howTo.ja]), ...data.areas.map((a) => a.name.ja)].filter((s) => /[,\r\n"]/.test(s)).length;
  if (comma) t.warn(0, '', 'quoted_fields', `${comma} text(s) hold a comma, quote or line break: 5374's own reader splits them (Yakuba reads them right)`, { count: comma });
  return [...r.entries, ...c.entries, ...t.entries];
}
