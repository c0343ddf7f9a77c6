// The collection calendar: one pure function of (rules, exceptions, suspensions, holidays, dates),
// shared by the server, the iCal feed, reminders and the offline browser (ADR 002). Days are integer
// day numbers since 1970-01-01 (UTC-midnight based), so the machine's time zone never matters.

import type { CalendarInput, Collection, CollectionException, IsoDate, Rule, Texts } from './types.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date, or NaN when it is malformed or impossible (2026-02-30). */
export function dayNumber(iso: IsoDate): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC maps years 0–99 to 1900+; setUTCFullYear keeps the year exact.
  const date = new Date(ms);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return NaN;
  return Math.round(date.getTime() / DAY_MS);
}

/** The ISO date of a day number. */
export function isoOfDay(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function requireDay(iso: IsoDate, name: string): number {
  const n = dayNumber(iso);
  if (Number.isNaN(n)) throw new RangeError(`${name} is not an ISO date (YYYY-MM-DD): ${iso}`);
  return n;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;

/** What a day number means to the rules: weekday, month and day of month. */
interface Day {
  n: number;
  iso: IsoDate;
  weekday: number;
  month: number;
  dayOfMonth: number;
}

function dayOf(n: number): Day {
  const iso = isoOfDay(n);
  return { n, iso, weekday: weekdayOf(n), month: Number(iso.slice(5, 7)), dayOfMonth: Number(iso.slice(8, 10)) };
}

function patternHits(rule: Rule, day: Day): boolean {
  const p = rule.pattern;
  switch (p.kind) {
    case 'weekly':
      return p.weekdays.includes(day.weekday);
    case 'nth_weekday':
      // 第n: the nth time this weekday occurs in the month, so days 1–7 are 第1, 29–31 第5.
      return day.weekday === p.weekday && p.nths.includes(Math.ceil(day.dayOfMonth / 7));
    case 'every_n_weeks': {
      const start = dayNumber(p.from);
      if (Number.isNaN(start) || !(p.interval >= 1) || day.n < start) return false;
      return (day.n - start) % (Math.floor(p.interval) * 7) === 0;
    }
    case 'dates':
      return p.dates.includes(day.iso);
  }
}

/** The rule's pattern, months and validity say this day: what a `move` may shift (holidays and suspensions aside). */
function scheduledBy(rule: Rule, day: Day): boolean {
  if (rule.months.length > 0 && !rule.months.includes(day.month)) return false;
  if (rule.validFrom !== null && day.iso < rule.validFrom) return false;
  if (rule.validTo !== null && day.iso > rule.validTo) return false;
  return patternHits(rule, day);
}

/**
 * Rules, exceptions and suspensions of one area, indexed for per-day questions.
 * Every question is about one (category, day), so evaluating a date outside the range (the source
 * of a `move` into it) is as cheap as one inside.
 */
class AreaSchedule {
  readonly rulesByCategory = new Map<string, Rule[]>();
  private readonly exceptionsByDate = new Map<IsoDate, CollectionException[]>();

  constructor(private readonly input: CalendarInput, private readonly areaId: string) {
    for (const r of input.rules) {
      if (r.areaId !== areaId) continue;
      const list = this.rulesByCategory.get(r.categoryId);
      if (list) list.push(r);
      else this.rulesByCategory.set(r.categoryId, [r]);
    }
    for (const e of input.exceptions) {
      if (e.areaId !== null && e.areaId !== areaId) continue;
      const list = this.exceptionsByDate.get(e.date);
      if (list) list.push(e);
      else this.exceptionsByDate.set(e.date, [e]);
    }
  }

  exceptionsOn(iso: IsoDate, action: CollectionException['action']): CollectionException[] {
    return (this.exceptionsByDate.get(iso) ?? []).filter((e) => e.action === action);
  }

  /** The categories an exception names: its own, or (null) every category with a rule in the area. */
  categoriesOf(e: CollectionException): string[] {
    return e.categoryId !== null ? [e.categoryId] : [...this.rulesByCategory.keys()];
  }

  scheduled(categoryId: string, day: Day): boolean {
    return (this.rulesByCategory.get(categoryId) ?? []).some((r) => scheduledBy(r, day));
  }

  /** Collected by rule: some rule schedules it and, if the day is a holiday, that rule collects on holidays; no suspension covers it. */
  collectedByRule(categoryId: string, day: Day): boolean {
    const holiday = this.input.holidays.has(day.iso);
    const ruled = (this.rulesByCategory.get(categoryId) ?? []).some((r) => scheduledBy(r, day) && !(holiday && r.onHolidays === 'skip'));
    return ruled && this.suspensionOn(categoryId, day.iso) === undefined;
  }

  suspensionOn(categoryId: string, iso: IsoDate) {
    return this.input.suspensions.find((s) => s.from <= iso && iso <= s.to
      && (s.areaIds.length === 0 || s.areaIds.includes(this.areaId))
      && (s.categoryIds.length === 0 || s.categoryIds.includes(categoryId)));
  }

  cancelled(categoryId: string, iso: IsoDate): boolean {
    return this.exceptionsOn(iso, 'cancel').some((e) => e.categoryId === null || e.categoryId === categoryId);
  }

  /** A `move` takes this (category, day) elsewhere (a move without a target is ignored as malformed). */
  movedAway(categoryId: string, iso: IsoDate): boolean {
    return this.exceptionsOn(iso, 'move').some((e) => e.to !== null && (e.categoryId === null || e.categoryId === categoryId));
  }
}

/**
 * The collections of one area from `from` to `to` (inclusive ISO dates, JST days), in this order:
 * a rule's pattern gives candidate days → its `months` and `validFrom/To` filter → a holiday drops it
 * when the rule says `skip` → a suspension covering the day (area, category) drops it → exceptions:
 * `move` drops the day and adds its `to` (with `movedFrom`; only when some rule of the category
 * schedules the original day, holiday and suspension aside, so 年末年始 shifts work; the original may
 * lie outside the range), `collect` adds the day (even on a holiday, in a suspension or with no rule;
 * categoryId null = every category with a rule in the area) → `cancel` drops the day whatever added
 * it (a typhoon stops moved and extra collections too) → one entry per (date, category), sorted by
 * date, then by the order in which categories first appear in `input.rules`.
 */
export function collectionsOf(input: CalendarInput, areaId: string, from: IsoDate, to: IsoDate): Collection[] {
  const first = requireDay(from, 'from');
  const last = requireDay(to, 'to');
  if (first > last) return [];
  const area = new AreaSchedule(input, areaId);
  const found = new Map<string, Collection>();
  const add = (c: Collection) => {
    const key = `${c.date}|${c.categoryId}`;
    const had = found.get(key);
    if (!had) {
      found.set(key, c);
      return;
    }
    // The same day reached twice (a rule and a move, two moves): keep one, with what explains it.
    if (had.movedFrom === undefined && c.movedFrom !== undefined) had.movedFrom = c.movedFrom;
    if (had.note === undefined && c.note !== undefined) had.note = c.note;
  };
  const inRange = (iso: IsoDate) => {
    const n = dayNumber(iso);
    return n >= first && n <= last;
  };

  for (let n = first; n <= last; n++) {
    const day = dayOf(n);
    for (const categoryId of area.rulesByCategory.keys()) {
      if (area.collectedByRule(categoryId, day) && !area.movedAway(categoryId, day.iso)) add({ date: day.iso, areaId, categoryId });
    }
  }

  for (const e of input.exceptions) {
    if (e.areaId !== null && e.areaId !== areaId) continue;
    if (e.action === 'move' && e.to !== null && inRange(e.to)) {
      const source = dayNumber(e.date);
      if (Number.isNaN(source)) continue;
      const day = dayOf(source);
      for (const categoryId of area.categoriesOf(e)) {
        if (area.scheduled(categoryId, day)) add(withNote({ date: e.to, areaId, categoryId, movedFrom: e.date }, e.note));
      }
    } else if (e.action === 'collect' && inRange(e.date)) {
      for (const categoryId of area.categoriesOf(e)) {
        add(withNote({ date: e.date, areaId, categoryId }, e.note ?? area.suspensionOn(categoryId, e.date)?.note ?? null));
      }
    }
  }

  const order = categoryOrder(input.rules);
  return [...found.values()]
    .filter((c) => !area.cancelled(c.categoryId, c.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareCategories(order, a.categoryId, b.categoryId)));
}

function withNote(c: Collection, note: Texts | null): Collection {
  if (note !== null) c.note = note;
  return c;
}

function categoryOrder(rules: Rule[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const r of rules) if (!order.has(r.categoryId)) order.set(r.categoryId, order.size);
  return order;
}

/** Categories known only from a `collect` exception come after the ruled ones, by id. */
function compareCategories(order: Map<string, number>, a: string, b: string): number {
  const oa = order.get(a) ?? Infinity;
  const ob = order.get(b) ?? Infinity;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next collection of a category from a day on, and the one after it. */
export interface NextCollection {
  categoryId: string;
  next: Collection;
  /** The collection after `next` within the horizon; null when there is none. */
  after: Collection | null;
}

/**
 * For each category collected between `today` and `today + horizonDays` (inclusive): its next
 * collection on or after today and the one after, sorted by the next date, then category order.
 */
export function nextCollections(input: CalendarInput, areaId: string, today: IsoDate, horizonDays = 62): NextCollection[] {
  const start = requireDay(today, 'today');
  const all = collectionsOf(input, areaId, today, isoOfDay(start + Math.max(0, Math.floor(horizonDays))));
  const byCategory = new Map<string, NextCollection>();
  for (const c of all) {
    const had = byCategory.get(c.categoryId);
    if (!had) byCategory.set(c.categoryId, { categoryId: c.categoryId, next: c, after: null });
    else if (had.after === null) had.after = c;
  }
  // `all` is sorted by date then category order, so insertion order is already the wanted order.
  return [...byCategory.values()];
}

/** One cell of a month calendar. */
export interface GridDay {
  date: IsoDate;
  /** False for the days of the previous and next months that fill the first and last weeks. */
  inMonth: boolean;
  collections: Collection[];
}

/**
 * The weeks (Sunday first) of a month `YYYY-MM` for a calendar view, each day with its collections
 * (from the given list, which may cover any range; order kept). 4 to 6 weeks of 7 days.
 */
export function monthGrid(collections: readonly Collection[], month: string): GridDay[][] {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const firstDay = m ? dayNumber(`${month}-01`) : NaN;
  if (Number.isNaN(firstDay)) throw new RangeError(`month is not YYYY-MM: ${month}`);
  const y = Number(m![1]);
  const mo = Number(m![2]);
  const nextMonth = mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m![1]}-${String(mo + 1).padStart(2, '0')}`;
  const lastDay = requireDay(`${nextMonth}-01`, 'month') - 1;
  const gridStart = firstDay - weekdayOf(firstDay);
  const gridEnd = lastDay + (6 - weekdayOf(lastDay));

  const byDate = new Map<IsoDate, Collection[]>();
  for (const c of collections) {
    const list = byDate.get(c.date);
    if (list) list.push(c);
    else byDate.set(c.date, [c]);
  }
  const weeks: GridDay[][] = [];
  for (let n = gridStart; n <= gridEnd; n += 7) {
    const week: GridDay[] = [];
    for (let k = n; k < n + 7; k++) {
      const date = isoOfDay(k);
      week.push({ date, inMonth: k >= firstDay && k <= lastDay, collections: byDate.get(date) ?? [] });
    }
    weeks.push(week);
  }
  return weeks;
}
