/**
 * 全国地方公共団体コード (local government code): 5 digits + 1 check digit.
 * Check digit per 総務省: weights 6,5,4,3,2 over the first five digits,
 * r = sum mod 11; the check digit is the last digit of 11 − r, i.e. (11 − r) mod 10
 * (so r = 0 gives 1 and r = 1 gives 0).
 */

/** Compute the check digit for a five-digit prefix of a 全国地方公共団体コード. */
export function lgCodeCheckDigit(five: string): number {
  if (!/^[0-9]{5}$/.test(five)) throw new RangeError('lgCodeCheckDigit expects exactly five ASCII digits');
  const weights = [6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(five[i]) * weights[i]!;
  return (11 - (sum % 11)) % 10;
}

/** True when `code` is six ASCII digits whose last digit is the correct check digit. */
export function isValidLgCode(code: string): boolean {
  if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code)) return false;
  return lgCodeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}
