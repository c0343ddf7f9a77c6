import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, fiscalYear, fiscalYearRange, jstDayStart, parseIsoDate, toJstDateString } from './dates.ts';
import { int, seeded } from './test-random.ts';

describe('JST dates', () => {
  it('reads instants in JST (UTC+9)', () => {
    expect(toJstDateString(new Date('2024-03-31T14:59:59.999Z'))).toBe('2024-03-31');
    expect(toJstDateString(new Date('2024-03-31T15:00:00Z'))).toBe('2024-04-01');
    expect(toJstDateString('2024-12-31T23:00:00+09:00')).toBe('2024-12-31');
    expect(() => toJstDateString('not a date')).toThrow(RangeError);
  });

  it('starts a JST day at 15:00 UTC the day before', () => {
    expect(jstDayStart('2024-04-01').toISOString()).toBe('2024-03-31T15:00:00.000Z');
    expect(() => jstDayStart('2024-02-30')).toThrow(RangeError);
  });

  it('computes 年度 with an April start', () => {
    expect(fiscalYear('2025-03-31')).toBe(2024);
    expect(fiscalYear('2025-04-01')).toBe(2025);
    expect(fiscalYear(new Date('2025-03-31T15:00:00Z'))).toBe(2025); // 2025-04-01 00:00 JST
    expect(fiscalYearRange(2024)).toEqual({ from: '2024-04-01', to: '2025-03-31' });
  });

  it('validates and steps days', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(dayOfWeek('2026-11-21')).toBe(6);
  });

  it('jstDayStart and toJstDateString are inverse for random days (property)', () => {
    const rand = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const iso = addDays('1900-01-01', int(rand, 0, 80000));
      const start = jstDayStart(iso);
      expect(toJstDateString(start)).toBe(iso);
      expect(toJstDateString(start.getTime() - 1)).toBe(addDays(iso, -1));
      expect(toJstDateString(start.getTime() + 86_399_999)).toBe(iso);
    }
  });
});
