import type { Pattern, RuleInput } from '../admin-api.ts';

/** Pattern kinds in the editor's order. */
export const KINDS = ['weekly', 'nth_weekday', 'every_n_weeks', 'dates'] as const;

/** A rule as the editor holds it: every kind's inputs kept, so switching kind loses nothing. */
export interface RuleRow {
  key: number; categoryId: string; kind: Pattern['kind']; weekdays: number[]; weekday: string; nths: number[];
  interval: string; from: string; dates: string; months: number[]; validFrom: string; validTo: string; onHolidays: 'collect' | 'skip';
}

let seq = 0;

/** A new weekly rule (collected on holidays, as most cities do for 燃やせるごみ). */
export function emptyRule(categoryId = ''): RuleRow {
  return { key: ++seq, categoryId, kind: 'weekly', weekdays: [], weekday: '1', nths: [], interval: '2', from: '', dates: '', months: [], validFrom: '', validTo: '', onHolidays: 'collect' };
}

/** A stored rule as a row. */
export function toRow(r: RuleInput): RuleRow {
  const row = { ...emptyRule(r.categoryId), kind: r.pattern.kind, months: r.months, validFrom: r.validFrom ?? '', validTo: r.validTo ?? '', onHolidays: r.onHolidays };
  const p = r.pattern;
  if (p.kind === 'weekly') row.weekdays = p.weekdays;
  if (p.kind === 'nth_weekday') Object.assign(row, { weekday: String(p.weekday), nths: p.nths });
  if (p.kind === 'every_n_weeks') Object.assign(row, { interval: String(p.interval), from: p.from });
  if (p.kind === 'dates') row.dates = p.dates.join('\n');
  return row;
}

const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

/** A row as the API's RuleInput; the server validates (a 400 names e.g. `rules[2].pattern.weekday`). */
export function toInput(r: RuleRow): RuleInput {
  const pattern: Pattern = r.kind === 'weekly' ? { kind: 'weekly', weekdays: [...r.weekdays].sort() }
    : r.kind === 'nth_weekday' ? { kind: 'nth_weekday', weekday: int(r.weekday), nths: [...r.nths].sort() }
      : r.kind === 'every_n_weeks' ? { kind: 'every_n_weeks', interval: int(r.interval) || 0, from: r.from }
        : { kind: 'dates', dates: r.dates.split(/[\s,、]+/).filter(Boolean) };
  return { categoryId: r.categoryId, pattern, months: [...r.months].sort((a, b) => a - b), validFrom: r.validFrom || null, validTo: r.validTo || null, onHolidays: r.onHolidays };
}
