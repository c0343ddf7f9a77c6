import { describe, expect, it } from 'vitest';
import { parseWareki, parseWarekiYear, toWareki, toWarekiParts, warekiYearToGregorian } from './wareki.ts';
import { addDays } from './dates.ts';
import { int, seeded } from './test-random.ts';

describe('toWareki', () => {
  it('formats in long, short and year styles, with 元年', () => {
    expect(toWareki('2024-04-01')).toBe('令和6年4月1日');
    expect(toWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(toWareki('2019-05-01', { gannen: false })).toBe('令和1年5月1日');
    expect(toWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(toWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(toWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(toWareki('1926-12-24')).toBe('大正15年12月24日');
    expect(toWareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(toWareki('1912-07-29')).toBe('明治45年7月29日');
    expect(toWareki('1912-07-30')).toBe('大正元年7月30日');
    expect(toWareki('1868-01-25')).toBe('明治元年1月25日');
    expect(toWareki('2024-04-01', { style: 'short' })).toBe('R6.4.1');
    expect(toWareki('2019-04-30', { style: 'short' })).toBe('H31.4.30');
    expect(toWareki('2024-04-01', { style: 'year' })).toBe('令和6年');
    expect(toWareki('2024-12-31', { digits: 'fullwidth' })).toBe('令和６年１２月３１日');
  });

  it('reads instants in JST', () => {
    expect(toWareki(new Date('2019-04-30T15:00:00Z'))).toBe('令和元年5月1日');
    expect(toWareki(new Date('2019-04-30T14:59:59Z'))).toBe('平成31年4月30日');
  });

  it('refuses days before 明治', () => {
    expect(() => toWareki('1868-01-24')).toThrow(RangeError);
  });
});

describe('parseWareki', () => {
  it('parses names, 元年, full-width digits and abbreviations', () => {
    expect(parseWareki('令和6年4月1日')).toBe('2024-04-01');
    expect(parseWareki('令和元年5月1日')).toBe('2019-05-01');
    expect(parseWareki('令和６年４月１日')).toBe('2024-04-01');
    expect(parseWareki(' 令和 6 年 4 月 1 日 ')).toBe('2024-04-01');
    expect(parseWareki('R6.4.1')).toBe('2024-04-01');
    expect(parseWareki('r06/04/01')).toBe('2024-04-01');
    expect(parseWareki('Ｈ３１．４．３０')).toBe('2019-04-30');
    expect(parseWareki('S64-1-7')).toBe('1989-01-07');
    expect(parseWareki('㍻元年1月8日')).toBe('1989-01-08');
    expect(parseWareki('明治45年7月29日')).toBe('1912-07-29');
    expect(parseWareki('T15.12.24')).toBe('1926-12-24');
    expect(parseWareki('令和六年四月一日')).toBe('2024-04-01');
    expect(parseWareki('平成三十一年四月三十日')).toBe('2019-04-30');
    expect(parseWareki('昭和二十年八月十五日')).toBe('1945-08-15');
    expect(parseWareki('令和元年十二月二十一日')).toBe('2019-12-21');
    expect(parseWareki('平成三十一年五月一日')).toBeNull();
    expect(parseWareki('令和十十年一月一日')).toBeNull();
  });

  it('rejects days outside their era and impossible days', () => {
    expect(parseWareki('平成31年5月1日')).toBeNull(); // that day is 令和元年5月1日
    expect(parseWareki('平成32年1月1日')).toBeNull();
    expect(parseWareki('令和元年4月30日')).toBeNull();
    expect(parseWareki('昭和64年1月8日')).toBeNull();
    expect(parseWareki('平成元年1月7日')).toBeNull();
    expect(parseWareki('大正元年7月29日')).toBeNull();
    expect(parseWareki('明治元年1月24日')).toBeNull();
    expect(parseWareki('令和0年1月1日')).toBeNull();
    expect(parseWareki('令和5年2月29日')).toBeNull();
    expect(parseWareki('令和6年2月29日')).toBe('2024-02-29');
    expect(parseWareki('令和6年13月1日')).toBeNull();
    expect(parseWareki('令和6年4月')).toBeNull();
    expect(parseWareki('X6.4.1')).toBeNull();
    expect(parseWareki('2024-04-01')).toBeNull();
  });

  it('parses era years alone', () => {
    expect(parseWarekiYear('令和6年')).toBe(2024);
    expect(parseWarekiYear('R6')).toBe(2024);
    expect(parseWarekiYear('平成元年')).toBe(1989);
    expect(parseWarekiYear('平成31年')).toBe(2019);
    expect(parseWarekiYear('平成32年')).toBeNull();
    expect(warekiYearToGregorian('S', 64)).toBe(1989);
    expect(warekiYearToGregorian('S', 65)).toBeNull();
  });

  it('round-trips every style for random days from 明治 to 2100 (property)', () => {
    const rand = seeded(20240401);
    for (let i = 0; i < 3000; i++) {
      const iso = addDays('1868-01-25', int(rand, 0, 84000));
      for (const style of ['long', 'short'] as const) {
        for (const digits of ['ascii', 'fullwidth'] as const) {
          expect(parseWareki(toWareki(iso, { style, digits }))).toBe(iso);
        }
      }
      expect(parseWareki(toWareki(iso, { gannen: false }))).toBe(iso);
      const parts = toWarekiParts(iso);
      expect(parts.year).toBeGreaterThanOrEqual(1);
    }
  });

  it('round-trips every day around each era boundary', () => {
    for (const start of ['1912-07-30', '1926-12-25', '1989-01-08', '2019-05-01']) {
      for (let k = -40; k <= 40; k++) {
        const iso = addDays(start, k);
        expect(parseWareki(toWareki(iso))).toBe(iso);
      }
    }
  });
});
