/**
 * 5374.jp data set (Code for Kanazawa, codeforkanazawa-org/5374, data/*.csv; format in its
 * LOCALIZE.md and js/script.js) in and out of the garbage model.
 *
 * area_days.csv: 地名, センター, then one column per category label; a cell lists tokens split by
 * spaces: `月` every week, `水2` the 2nd Wednesday, `YYYYMMDD` a date, `*n` remark n of remarks.csv,
 * and `:4 6 8` after the tokens limits the cell to those months. Some forks add `e2w20240401`
 * (every 2 weeks counting from that date); it is read and written too. center.csv closes a センター
 * from one date to another: every area naming it gets a suspension. description.csv lists categories
 * (label, sublabel, description, styles, bgcolor); target.csv the dictionary (type, name, notice,
 * furigana), furigana being the kana 5374 groups its list under.
 */
import { isValidYmd } from '../../../core/ja/dates.ts';
import { toKatakana } from '../../../core/ja/kana.ts';
import type { Category, Item, Rule, RulePattern, Suspension, Area } from '../engine/types.ts';
import { CodeAllocator, knownCategory, sameLabel } from './codes.ts';
import { DEFAULT_COLOR, HEADERS, IMAGE_5374, WEEKDAYS, type Data5374, type File5374, type Files5374, type Import5374Options, type Remark5374 } from './five374-format.ts';
import { readCsv, Reporter, type ReportEntry } from './report.ts';
import { weekShiftExceptions } from './week-shift.ts';

export type { Data5374, Export5374Input, Export5374Options, File5374, Files5374, Import5374Options, Remark5374 } from './five374-format.ts';
export { export5374, lossOf5374Export } from './five374-export.ts';

const uuid = (): string => crypto.randomUUID();
const cellOf = (cells: string[], i: number): string => (cells[i] ?? '').trim();
const KANA = /^[\u30A1-\u30FC・\s]*$/;

function ymdToIso(s: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function normalizeColor(s: string): string | null {
  const v = s.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : null;
}

interface ParsedCell {
  patterns: RulePattern[];
  months: number[];
  remarkIds: string[];
}

/** One area_days.csv cell → patterns, months and remark references; unknown tokens are reported, not guessed. */
function parseCell(raw: string, row: number, column: string, report: Reporter): ParsedCell {
  const out: ParsedCell = { patterns: [], months: [], remarkIds: [] };
  const text = raw.normalize('NFKC').trim();
  if (!text) return out;
  const colon = text.indexOf(':');
  const dayPart = colon >= 0 ? text.slice(0, colon) : text;
  const monthPart = colon >= 0 ? text.slice(colon + 1) : '';
  const weekly: number[] = [];
  const nth = new Map<number, number[]>();
  const dates: string[] = [];
  const everyN: RulePattern[] = [];
  for (const token of dayPart.split(/\s+/).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if (token.length === 1 && WEEKDAYS.includes(token)) {
      const wd = WEEKDAYS.indexOf(token);
      if (!weekly.includes(wd)) weekly.push(wd);
    } else if ((m = /^([日月火水木金土])([1-5])$/.exec(token)) || (m = /^([1-5])([日月火水木金土])$/.exec(token))) {
      const reversed = /^\d/.test(token);
      const wd = WEEKDAYS.indexOf(reversed ? m[2] : m[1]);
      const n = Number(reversed ? m[1] : m[2]);
      if (reversed) report.warn(row, column, 'nth_reversed', `"${token}" read as ${WEEKDAYS[wd]}${n} (5374 itself expects weekday first)`, { token });
      const list = nth.get(wd) ?? [];
      if (!list.includes(n)) list.push(n);
      nth.set(wd, list);
    } else if (/^\*.+$/.test(token)) {
      out.remarkIds.push(token.slice(1));
    } else if (/^\d{8}$/.test(token)) {
      const iso = ymdToIso(token);
      if (iso) dates.push(iso);
      else report.error(row, column, 'bad_date', `"${token}" is not a date (YYYYMMDD)`, { token });
    } else if ((m = /^e(\d+)w(\d{8})$/i.exec(token))) {
      const interval = Number(m[1]);
      const from = ymdToIso(m[2]);
      if (!from) report.error(row, column, 'bad_date', `"${token}" does not start on a valid date`, { token });
      else if (interval < 1 || interval > 8) report.error(row, column, 'bad_interval', `"${token}": every 1 to 8 weeks only`, { token });
      else everyN.push({ kind: 'every_n_weeks', interval, from });
    } else {
      report.error(row, column, 'unknown_token', `"${token}" is not a weekday (月 火 水 木 金 土 日), nth weekday (水2), date (YYYYMMDD) or remark (*1)`, { token });
    }
  }
  for (const t of monthPart.split(/\s+/).filter(Boolean)) {
    const n = /^\d{1,2}$/.test(t) ? Number(t) : NaN;
    if (n >= 1 && n <= 12) {
      if (!out.months.includes(n)) out.months.push(n);
    } else report.error(row, column, 'bad_month', `"${t}" after ":" is not a month (1–12)`, { token: t });
  }
  out.months.sort((a, b) => a - b);
  if (weekly.length) out.patterns.push({ kind: 'weekly', weekdays: weekly });
  for (const [weekday, nths] of nth) out.patterns.push({ kind: 'nth_weekday', weekday, nths });
  out.patterns.push(...everyN);
  if (dates.length) out.patterns.push({ kind: 'dates', dates });
  return out;
}

/**
 * Reads a 5374 data set (any subset of its five files, already decoded to text) into new categories,
 * items, areas, rules and suspensions with fresh ids, plus remarks. Every problem is in `report`.
 */
export function import5374(files: Files5374, options: Import5374Options = {}): { data: Data5374; report: ReportEntry[] } {
  const reporters: Reporter[] = [];
  const reporter = (f: File5374): Reporter => {
    const r = new Reporter(`${f}.csv`);
    reporters.push(r);
    return r;
  };
  const codes = new CodeAllocator('cat');
  const categories: Category[] = [];
  const byLabel = new Map<string, Category>();
  const categoryFor = (label: string): Category => {
    const key = label.normalize('NFKC').trim();
    let c = byLabel.get(key);
    if (!c) {
      const known = knownCategory(label);
      c = { id: uuid(), code: codes.next(known?.code), name: { ja: label.trim() }, color: DEFAULT_COLOR, icon: known?.icon ?? 'other', howTo: { ja: '' }, sortOrder: categories.length };
      categories.push(c);
      byLabel.set(key, c);
    }
    return c;
  };

  const areas: Area[] = [];
  const rules: Rule[] = [];
  const remarkRefs: { id: string; areaId: string; categoryId: string; row: number; column: string }[] = [];
  let areaDaysReport: Reporter | null = null;

  // area_days first: its column order is the category order 5374 shows.
  if (files.area_days !== undefined) {
    const r = reporter('area_days');
    areaDaysReport = r;
    const records = readCsv(files.area_days, r);
    const header = records.shift();
    if (header) {
      const cols = header.cells.map((c) => c.trim());
      const catCols: { index: number; category: Category; label: string }[] = [];
      const seen = new Set<string>();
      cols.slice(2).forEach((label, i) => {
        if (!label) return;
        const key = label.normalize('NFKC');
        if (seen.has(key)) r.error(header.row, label, 'duplicate_category', `category "${label}" appears twice in the header`, { label });
        else catCols.push({ index: i + 2, category: categoryFor(label), label });
        seen.add(key);
      });
      const names = new Set<string>();
      let n = 0;
      for (const rec of records) {
        const name = cellOf(rec.cells, 0);
        if (!name) {
          r.error(rec.row, cols[0] ?? '', 'missing_area_name', 'the area name is empty');
          continue;
        }
        if (names.has(name)) r.warn(rec.row, cols[0] ?? '', 'duplicate_area', `area "${name}" appears twice; 5374 shows only one`, { name });
        names.add(name);
        const area: Area = { id: uuid(), code: `area-${++n}`, name: { ja: name }, reading: '', towns: [], center: cellOf(rec.cells, 1), geometry: null, points: [], sortOrder: areas.length };
        areas.push(area);
        for (const col of catCols) {
          const parsed = parseCell(rec.cells[col.index] ?? '', rec.row, col.label, r);
          for (const pattern of parsed.patterns) {
            rules.push({ id: uuid(), areaId: area.id, categoryId: col.category.id, pattern, months: pattern.kind === 'dates' ? [] : parsed.months, validFrom: null, validTo: null, onHolidays: 'collect' });
          }
          for (const id of parsed.remarkIds) remarkRefs.push({ id, areaId: area.id, categoryId: col.category.id, row: rec.row, column: col.label });
        }
      }
    }
  }

  if (files.description !== undefined) {
    const r = reporter('description');
    const records = readCsv(files.description, r);
    const header = records.shift();
    const col = (i: number): string => header?.cells[i]?.trim() || HEADERS.description[i];
    for (const rec of records) {
      const label = cellOf(rec.cells, 0);
      if (!label) {
        r.error(rec.row, col(0), 'missing_label', 'the category label is empty');
        continue;
      }
      const c = categoryFor(label);
      const sublabel = cellOf(rec.cells, 1);
      if (sublabel) r.warn(rec.row, col(1), 'sublabel_dropped', `sublabel "${sublabel}" is not kept (5374 does not show it either)`, { sublabel });
      c.howTo = { ja: cellOf(rec.cells, 2) };
      const styles = cellOf(rec.cells, 3);
      if (styles && styles !== (IMAGE_5374[c.code] ?? '')) r.warn(rec.row, col(3), 'styles_replaced', `image "${styles}" is replaced by the platform's icon "${c.icon}"`, { styles, icon: c.icon });
      const bg = cellOf(rec.cells, 4);
      const color = normalizeColor(bg);
      if (color) c.color = color;
      else if (bg) r.warn(rec.row, col(4), 'bad_color', `"${bg}" is not a #rrggbb colour; ${DEFAULT_COLOR} is used`, { value: bg });
    }
  }

  const items: Item[] = [];
  if (files.target !== undefined) {
    const r = reporter('target');
    const records = readCsv(files.target, r);
    const header = records.shift();
    const col = (i: number): string => header?.cells[i]?.trim() || HEADERS.target[i];
    for (const rec of records) {
      const type = cellOf(rec.cells, 0);
      const name = cellOf(rec.cells, 1);
      if (!name) {
        r.error(rec.row, col(1), 'missing_item_name', 'the item name is empty');
        continue;
      }
      let categoryId: string | null = null;
      if (type) {
        const c = byLabel.get(type.normalize('NFKC')) ?? categories.find((x) => sameLabel(x.name.ja, type));
        if (c) categoryId = c.id;
        else r.error(rec.row, col(0), 'unknown_category', `"${type}" is not a category of description.csv or area_days.csv`, { label: type });
      }
      const furigana = toKatakana(cellOf(rec.cells, 3).normalize('NFKC'));
      let reading = furigana;
      if (!KANA.test(furigana)) {
        r.warn(rec.row, col(3), 'furigana_not_kana', `furigana "${furigana}" is not kana and is not kept`, { value: furigana });
        reading = '';
      }
      items.push({ id: uuid(), name: { ja: name }, reading, synonyms: [], categoryId, notes: { ja: cellOf(rec.cells, 2) }, fee: null });
    }
  }

  const remarks: Remark5374[] = [];
  if (files.remarks !== undefined) {
    const r = reporter('remarks');
    const records = readCsv(files.remarks, r);
    const header = records.shift();
    for (const rec of records) {
      const id = cellOf(rec.cells, 0);
      if (!id) {
        r.error(rec.row, header?.cells[0]?.trim() || 'ID', 'missing_remark_id', 'the remark ID is empty');
        continue;
      }
      if (remarks.some((x) => x.id === id)) r.error(rec.row, header?.cells[0]?.trim() || 'ID', 'duplicate_remark', `remark ID "${id}" appears twice`, { id });
      else remarks.push({ id, text: cellOf(rec.cells, 1), uses: [] });
    }
  }
  for (const ref of remarkRefs) {
    // 5374 compares only the first character after "*"; a whole-ID match is tried first.
    const remark = remarks.find((x) => x.id === ref.id) ?? remarks.find((x) => x.id === ref.id.slice(0, 1));
    if (remark) remark.uses.push({ areaId: ref.areaId, categoryId: ref.categoryId });
    else if (files.remarks === undefined) areaDaysReport?.warn(ref.row, ref.column, 'unknown_remark', `"*${ref.id}" is dropped: no remarks.csv was given`, { id: ref.id });
    else areaDaysReport?.error(ref.row, ref.column, 'unknown_remark', `"*${ref.id}" names no remark of remarks.csv`, { id: ref.id });
  }

  const suspensions: Suspension[] = [];
  if (files.center !== undefined) {
    const r = reporter('center');
    const records = readCsv(files.center, r);
    const header = records.shift();
    const col = (i: number): string => header?.cells[i]?.trim() || HEADERS.center[i];
    for (const rec of records) {
      const name = cellOf(rec.cells, 0);
      const from = ymdToIso(cellOf(rec.cells, 1));
      const to = ymdToIso(cellOf(rec.cells, 2));
      if (!name) r.error(rec.row, col(0), 'missing_center_name', 'the センター name is empty');
      if (!from) r.error(rec.row, col(1), 'bad_date', `"${cellOf(rec.cells, 1)}" is not a date (YYYY/M/D)`, { token: cellOf(rec.cells, 1) });
      if (!to) r.error(rec.row, col(2), 'bad_date', `"${cellOf(rec.cells, 2)}" is not a date (YYYY/M/D)`, { token: cellOf(rec.cells, 2) });
      if (!name || !from || !to) continue;
      if (from > to) {
        r.error(rec.row, col(2), 'range_reversed', 'the closure ends before it starts');
        continue;
      }
      const areaIds = areas.filter((a) => a.center === name).map((a) => a.id);
      // An empty list would mean "every area": a closure no area names is left out instead.
      if (!areaIds.length) {
        r.warn(rec.row, col(0), 'center_unused', `no area of area_days.csv names センター "${name}"; its closure is not kept`, { name });
        continue;
      }
      suspensions.push({ id: uuid(), from, to, areaIds, categoryIds: [], note: { ja: name } });
    }
  }

  const exceptions = options.weekShift ? suspensions.flatMap((s) => weekShiftExceptions(s, rules)) : [];
  return { data: { categories, items, areas, rules, suspensions, exceptions, remarks }, report: reporters.flatMap((x) => x.entries) };
}
