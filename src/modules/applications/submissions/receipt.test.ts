import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET, formatReceiptNumber, newReceiptNumber, parseReceiptNumber } from './receipt.ts';
import { checkAccessToken, issueAccessToken } from './access-token.ts';

describe('receipt numbers (受付番号)', () => {
  it('use no look-alike characters', () => {
    for (const c of '01OILUV') expect(RECEIPT_ALPHABET).not.toContain(c);
    expect(new Set(RECEIPT_ALPHABET).size).toBe(RECEIPT_ALPHABET.length);
  });

  it('are 8 characters of the alphabet, spread over all of it, and rarely repeat', () => {
    const seen = new Set<string>();
    const used = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const n = newReceiptNumber();
      expect(n).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$/);
      seen.add(n);
      for (const c of n) used.add(c);
    }
    expect(seen.size).toBe(5000);
    expect(used.size).toBe(RECEIPT_ALPHABET.length);
  });

  it('are shown as XXXX-XXXX and read back however they are typed', () => {
    expect(formatReceiptNumber('AB23CD45')).toBe('AB23-CD45');
    for (const typed of ['AB23-CD45', 'ab23cd45', 'ＡＢ２３－ＣＤ４５', ' ab23 cd45 ', 'AB23ーCD45', 'ab23−cd45']) expect(parseReceiptNumber(typed)).toBe('AB23CD45');
    for (const bad of ['AB23-CD4', 'AB23-CD450', 'AB01-CD45', 'ABO3-CD45', '', 'AB23/CD45']) expect(parseReceiptNumber(bad)).toBeNull();
  });
});

describe('status-page access tokens', () => {
  const secret = 'test-secret';
  it('open one submission of one tenant for an hour', () => {
    const now = Date.now();
    const token = issueAccessToken(secret, 'tenant-a', 'AB23CD45', now);
    expect(checkAccessToken(secret, 'tenant-a', 'AB23CD45', token, now)).toBe(true);
    expect(checkAccessToken(secret, 'tenant-a', 'AB23CD46', token, now)).toBe(false);
    expect(checkAccessToken(secret, 'tenant-b', 'AB23CD45', token, now)).toBe(false);
    expect(checkAccessToken('other-secret', 'tenant-a', 'AB23CD45', token, now)).toBe(false);
    expect(checkAccessToken(secret, 'tenant-a', 'AB23CD45', token, now + 3600_000 + 1000)).toBe(false);
    const [exp, sig] = token.split('.');
    expect(checkAccessToken(secret, 'tenant-a', 'AB23CD45', `${Number(exp) + 3600}.${sig}`, now)).toBe(false);
    expect(checkAccessToken(secret, 'tenant-a', 'AB23CD45', undefined, now)).toBe(false);
  });
});
