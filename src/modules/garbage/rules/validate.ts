import { invalid } from '../../../core/http/errors.ts';
import { parseIsoDate } from '../../../core/ja/dates.ts';
import type { RulePattern } from '../engine/types.ts';

/** 400 naming `field` unless `v` is a real ISO date. */
export function isoDate(v: unknown, field: string): string {
  if (typeof v !== 'string') throw invalid(field, 'must be a date YYYY-MM-DD');
  try {
    parseIsoDate(v);
  } catch {
    throw invalid(field, 'must be a real date YYYY-MM-DD');
  }
  return v;
}

function int(v: unknown, min: number, max: number, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(field, `must be an integer from ${min} to ${max}`);
  return v;
}

function intList(v: unknown, min: number, max: number, field: string, allowEmpty: boolean): number[] {
  if (!Array.isArray(v)) throw invalid(field, 'must be a list');
  if (!allowEmpty && !v.length) throw invalid(field, 'must not be empty');
  const out = v.map((n, i) => int(n, min, max, `${field}[${i}]`));
  const dup = out.findIndex((n, i) => out.indexOf(n) !== i);
  if (dup >= 0) throw invalid(`${field}[${dup}]`, 'appears twice');
  return [...out].sort((a, b) => a - b);
}

function onlyKeys(p: Record<string, unknown>, keys: string[], field: string): void {
  for (const k of Object.keys(p)) if (k !== 'kind' && !keys.includes(k)) throw invalid(`${field}.${k}`, 'unknown for this kind of pattern');
  for (const k of keys) if (!(k in p)) throw invalid(`${field}.${k}`, 'is required');
}

/**
 * A rule pattern checked strictly, each problem naming its field under `field` (e.g.
 * `rules[2].pattern.weekday`): weekdays 0–6, nths 1–5, interval 1–8, real ISO dates, no unknown keys.
 */
export function validPattern(p: Record<string, unknown>, field: string): RulePattern {
  switch (p.kind) {
    case 'weekly':
      onlyKeys(p, ['weekdays'], field);
      return { kind: 'weekly', weekdays: intList(p.weekdays, 0, 6, `${field}.weekdays`, false) };
    case 'nth_weekday':
      onlyKeys(p, ['weekday', 'nths'], field);
      return { kind: 'nth_weekday', weekday: int(p.weekday, 0, 6, `${field}.weekday`), nths: intList(p.nths, 1, 5, `${field}.nths`, false) };
    case 'every_n_weeks':
      onlyKeys(p, ['interval', 'from'], field);
      return { kind: 'every_n_weeks', interval: int(p.interval, 1, 8, `${field}.interval`), from: isoDate(p.from, `${field}.from`) };
    case 'dates': {
      onlyKeys(p, ['dates'], field);
      if (!Array.isArray(p.dates) || !p.dates.length) throw invalid(`${field}.dates`, 'must be a non-empty list');
      if (p.dates.length > 1000) throw invalid(`${field}.dates`, 'at most 1000 dates');
      const dates = p.dates.map((d, i) => isoDate(d, `${field}.dates[${i}]`));
      return { kind: 'dates', dates: [...new Set(dates)].sort() };
    }
    default:
      throw invalid(`${field}.kind`, 'must be weekly, nth_weekday, every_n_weeks or dates');
  }
}

/** Months 1–12, unique, sorted (empty = every month). */
export const validMonths = (v: unknown, field: string): number[] => intList(v, 1, 12, field, true);
