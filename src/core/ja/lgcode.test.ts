import { describe, expect, it } from 'vitest';
import { isValidLgCode, lgCodeCheckDigit } from './lgcode.ts';

// Codes published by 総務省 (全国地方公共団体コード), with the remainder of the weighted sum noted where it matters.
const KNOWN: [string, string][] = [
  ['362018', '徳島市'], ['242047', '松阪市'], ['131016', '千代田区'], ['011002', '札幌市'], ['271004', '大阪市'],
  ['131041', '新宿区 (remainder 0 → 1)'], ['281000', '神戸市 (remainder 1 → 0)'], ['130001', '東京都 (remainder 10 → 1)'],
  ['141003', '横浜市'], ['231002', '名古屋市'], ['261009', '京都市'], ['401307', '福岡市'], ['041009', '仙台市'],
  ['141305', '川崎市'], ['111007', 'さいたま市'], ['010006', '北海道'], ['360007', '徳島県'], ['240001', '三重県'],
];

describe('全国地方公共団体コード', () => {
  it.each(KNOWN)('accepts %s (%s)', (code) => {
    expect(isValidLgCode(code)).toBe(true);
    expect(lgCodeCheckDigit(code.slice(0, 5))).toBe(Number(code[5]));
  });

  it('handles remainders 0 and 1 by taking the last digit of 11 − r', () => {
    // 13104: 6+15+4+0+8 = 33 ≡ 0 → 1;  28100: 12+40+4 = 56 ≡ 1 → 0
    expect(lgCodeCheckDigit('13104')).toBe(1);
    expect(lgCodeCheckDigit('28100')).toBe(0);
  });

  it('rejects a wrong check digit, every single-digit typo of a known code, and malformed input', () => {
    for (const [code] of KNOWN) {
      for (let d = 0; d <= 9; d++) if (String(d) !== code[5]) expect(isValidLgCode(code.slice(0, 5) + d)).toBe(false);
    }
    // Single-digit typos in the first five digits: mod 11 would catch all of them, but folding remainders
    // 0 and 10 onto the same digit lets about one in eleven through; check the rule is no weaker than that.
    let typos = 0;
    let caught = 0;
    for (const [code] of KNOWN) {
      for (let i = 0; i < 5; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          typos++;
          if (!isValidLgCode(code.slice(0, i) + d + code.slice(i + 1))) caught++;
        }
      }
    }
    expect(caught / typos).toBeGreaterThan(0.88);
    for (const bad of ['36201', '3620188', '３６２０１８', '36201a', '', ' 362018', '362018 ']) expect(isValidLgCode(bad)).toBe(false);
    expect(isValidLgCode(362018 as unknown as string)).toBe(false);
    expect(() => lgCodeCheckDigit('1234')).toThrow(RangeError);
  });

  it('has exactly one valid check digit for every five-digit prefix', () => {
    for (let n = 0; n < 100000; n += 7) {
      const five = String(n).padStart(5, '0');
      const valid = [...Array(10).keys()].filter((d) => isValidLgCode(five + d));
      expect(valid).toEqual([lgCodeCheckDigit(five)]);
    }
  });
});
