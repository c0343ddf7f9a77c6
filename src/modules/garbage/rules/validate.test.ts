import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/http/errors.ts';
import { validMonths, validPattern } from './validate.ts';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.field;
    throw err;
  }
  return null;
};

describe('rule pattern validation', () => {
  it('normalises good patterns (sorted, unique dates)', () => {
    expect(validPattern({ kind: 'weekly', weekdays: [4, 1] }, 'p')).toEqual({ kind: 'weekly', weekdays: [1, 4] });
    expect(validPattern({ kind: 'dates', dates: ['2026-05-02', '2026-05-01', '2026-05-02'] }, 'p')).toEqual({ kind: 'dates', dates: ['2026-05-01', '2026-05-02'] });
    expect(validPattern({ kind: 'every_n_weeks', interval: 2, from: '2026-04-06' }, 'p')).toEqual({ kind: 'every_n_weeks', interval: 2, from: '2026-04-06' });
    expect(validMonths([12, 1], 'm')).toEqual([1, 12]);
  });

  it('names the exact field of each problem', () => {
    expect(fieldOf(() => validPattern({ kind: 'weekly', weekdays: [1, 1] }, 'p'))).toBe('p.weekdays[1]');
    expect(fieldOf(() => validPattern({ kind: 'weekly', weekdays: [1.5] }, 'p'))).toBe('p.weekdays[0]');
    expect(fieldOf(() => validPattern({ kind: 'weekly', weekdays: '1' }, 'p'))).toBe('p.weekdays');
    expect(fieldOf(() => validPattern({ kind: 'nth_weekday', nths: [1] }, 'p'))).toBe('p.weekday');
    expect(fieldOf(() => validPattern({ kind: 'nth_weekday', weekday: -1, nths: [1] }, 'p'))).toBe('p.weekday');
    expect(fieldOf(() => validPattern({ kind: 'nth_weekday', weekday: 1, nths: [0] }, 'p'))).toBe('p.nths[0]');
    expect(fieldOf(() => validPattern({ kind: 'every_n_weeks', interval: 0, from: '2026-04-06' }, 'p'))).toBe('p.interval');
    expect(fieldOf(() => validPattern({ kind: 'dates', dates: [] }, 'p'))).toBe('p.dates');
    expect(fieldOf(() => validPattern({ kind: 'dates', dates: ['2026-13-01'] }, 'p'))).toBe('p.dates[0]');
    expect(fieldOf(() => validPattern({ kind: 'weekly', weekdays: [1], every: 2 }, 'p'))).toBe('p.every');
    expect(fieldOf(() => validMonths([0], 'm'))).toBe('m[0]');
  });
});
