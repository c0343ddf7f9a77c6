import { describe, expect, it } from 'vitest';
import { normalizeDateInput } from './date-input.ts';

describe('normalizeDateInput', () => {
  it('reads 西暦 in the usual ways', () => {
    for (const [text, iso] of [
      ['2024-04-01', '2024-04-01'], ['2024/4/1', '2024-04-01'], ['2024.04.01', '2024-04-01'], ['2024年4月1日', '2024-04-01'],
      ['2024年4月1', '2024-04-01'], ['20240401', '2024-04-01'], ['２０２４／４／１', '2024-04-01'], [' 2024 - 4 - 1 ', '2024-04-01'],
      ['２０２４年４月１日', '2024-04-01'], ['2024−4−1', '2024-04-01'],
    ]) expect(normalizeDateInput(text!), text).toBe(iso);
  });

  it('reads 和暦, full names and initials, 元年 and full-width digits', () => {
    for (const [text, iso] of [
      ['令和6年4月1日', '2024-04-01'], ['令和元年5月1日', '2019-05-01'], ['R6.4.1', '2024-04-01'], ['R06/04/01', '2024-04-01'],
      ['r6.4.1', '2024-04-01'], ['H31.4.30', '2019-04-30'], ['平成31年4月30日', '2019-04-30'], ['昭和64年1月7日', '1989-01-07'],
      ['令和６年４月１日', '2024-04-01'], ['Ｒ６．４．１', '2024-04-01'], ['令和六年四月一日', '2024-04-01'],
    ]) expect(normalizeDateInput(text!), text).toBe(iso);
  });

  it('rejects impossible dates and days outside their era', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024/4/31', '平成31年5月1日', '令和元年4月30日', '昭和64年1月8日', 'R0.1.1',
      '平成32年1月1日', 'きのう', '', '2024', '24/4/1', '0999-01-01', 'R6.4.1.1', '12345678']) {
      expect(normalizeDateInput(text), text).toBeNull();
    }
    expect(normalizeDateInput(undefined as unknown as string)).toBeNull();
  });
});
