import { describe, expect, it } from 'vitest';
import { addBusinessDays, holidayOn, holidaysBetween, holidaysOfYear, isBusinessDay, isHoliday, isNewYearClosure } from './holidays.ts';
import { autumnalEquinoxDay, computeHolidays, vernalEquinoxDay } from './holiday-rules.ts';
import { dayOfWeek } from './dates.ts';

describe('national holidays', () => {
  it('knows the holidays of the bundled years with ja/en names', () => {
    expect(holidayOn('2026-01-01')).toEqual({ date: '2026-01-01', name: { ja: '元日', en: "New Year's Day" } });
    expect(isHoliday('2026-05-06')).toBe(true); // 振替休日 for 5/3 (Sunday)
    expect(holidayOn('2026-09-22')?.name.ja).toBe('休日'); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isHoliday('2026-11-21')).toBe(false);
    expect(isHoliday('2019-10-22')).toBe(true); // 即位礼正殿の儀, a one-off day from the data
    expect(isHoliday(new Date('2026-02-22T15:00:00Z'))).toBe(true); // 2026-02-23 00:00 JST, 天皇誕生日
  });

  it('lists holidays between two days, inclusive, across years', () => {
    const list = holidaysBetween('2025-12-31', '2026-01-12');
    expect(list.map((h) => h.date)).toEqual(['2026-01-01', '2026-01-12']);
    expect(list[1]!.name).toEqual({ ja: '成人の日', en: 'Coming of Age Day' });
  });

  it('computes from the rules exactly what the Cabinet Office data says for 2022–2050', () => {
    for (let y = 2022; y <= 2050; y++) expect(computeHolidays(y)).toEqual(holidaysOfYear(y));
  });

  it('computes years beyond the data with 振替休日 and 国民の休日', () => {
    const y2051 = holidaysOfYear(2051);
    expect(y2051.length).toBeGreaterThanOrEqual(16);
    // Every holiday that falls on a Sunday is followed by a day off.
    for (let y = 2051; y <= 2100; y++) {
      const days = new Set(holidaysOfYear(y).map((h) => h.date));
      for (const h of holidaysOfYear(y)) {
        if (dayOfWeek(h.date) === 0 && !h.name.ja.includes('振替') && h.date.slice(5) !== '12-31') {
          expect(holidaysOfYear(y).some((x) => x.name.ja.endsWith('振替休日') && x.date > h.date)).toBe(true);
        }
      }
      expect(days.has(`${y}-01-01`)).toBe(true);
    }
    // 2054: 敬老の日 is Monday 9/21 and 秋分の日 Wednesday 9/23, so Tuesday 9/22 is a 国民の休日.
    expect(holidayOn('2054-09-21')?.name.ja).toBe('敬老の日');
    expect(holidayOn('2054-09-23')?.name.ja).toBe('秋分の日');
    expect(holidayOn('2054-09-22')?.name).toEqual({ ja: '休日', en: "Citizen's Holiday" });
  });

  it('uses the standard equinox formula', () => {
    expect(vernalEquinoxDay(2024)).toBe(20);
    expect(autumnalEquinoxDay(2024)).toBe(22);
    expect(vernalEquinoxDay(2025)).toBe(20);
    expect(autumnalEquinoxDay(2025)).toBe(23);
  });

  it('knows 年末年始 and business days', () => {
    expect(isNewYearClosure('2025-12-28')).toBe(false);
    expect(isNewYearClosure('2025-12-29')).toBe(true);
    expect(isNewYearClosure('2026-01-03')).toBe(true);
    expect(isNewYearClosure('2026-01-04')).toBe(false);
    expect(isBusinessDay('2026-01-05')).toBe(true);
    expect(isBusinessDay('2026-01-02')).toBe(false);
    expect(addBusinessDays('2025-12-26', 1)).toBe('2026-01-05');
    expect(addBusinessDays('2026-05-01', 1)).toBe('2026-05-07');
  });
});
