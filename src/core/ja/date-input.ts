/**
 * Reading a date as people type it (西暦 or 和暦, full-width digits, dash look-alikes) into `YYYY-MM-DD`.
 * Lives in core/ja because forms of several modules read dates in the browser and on the server.
 */
import { formatIsoDate, isValidYmd } from './dates.ts';
import { parseWareki } from './wareki.ts';

// Hyphen look-alikes people type in numbers: ‐ ‑ ‒ – — ― − ー ｰ － (NFKC turns only the last into '-').
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70\uFF0D]/g;

/** Full-width ASCII to ASCII (NFKC) and dash look-alikes to '-'. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-');
}

/** A date as people write it → 'YYYY-MM-DD', or null: 2024-04-01, 2024/4/1, 2024年4月1日, 20240401, 令和6年4月1日, R6.4.1, H31/4/30. */
export function normalizeDateInput(text: string): string | null {
  if (typeof text !== 'string') return null;
  const t = toHalfWidth(text).trim().replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[4] ?? m[6]);
    const d = Number(m[3] ?? m[5] ?? m[7]);
    return y >= 1000 && isValidYmd(y, mo, d) ? formatIsoDate(y, mo, d) : null;
  }
  return text.length <= 40 ? parseWareki(text) : null;
}
