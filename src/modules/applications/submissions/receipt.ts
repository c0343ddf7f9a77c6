import { randomInt } from 'node:crypto';

/**
 * 受付番号 (receipt numbers): 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V),
 * stored bare and shown as `XXXX-XXXX`. 29⁸ ≈ 5×10¹¹ numbers; a collision is retried by the caller.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

const BARE = new RegExp(`^[${RECEIPT_ALPHABET}]{8}$`);

/** A fresh receipt number (bare, 8 characters), from the CSPRNG. */
export function newReceiptNumber(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return out;
}

/** The receipt number as people see it: `ABCD-2345`. */
export function formatReceiptNumber(bare: string): string {
  return `${bare.slice(0, 4)}-${bare.slice(4)}`;
}

/**
 * The bare number a person typed, or null when it cannot be one: accepts lower case, full-width
 * characters, spaces and any dash (or none) between the halves.
 */
export function parseReceiptNumber(input: string): string | null {
  const bare = String(input ?? '').normalize('NFKC').toUpperCase()
    .replace(/[\s\-‐‑‒–—―−ー－_]/gu, '');
  return BARE.test(bare) ? bare : null;
}
