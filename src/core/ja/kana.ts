/**
 * Hiragana ⇄ katakana conversion. Half-width katakana (ｶﾞ) are widened first, so the result is
 * always full-width. Characters that are not kana pass through unchanged.
 */

const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]+/g;
// ヷヸヹヺ have no precomposed hiragana: they become わ゙ ゐ゙ ゑ゙ を゙ (base + combining dakuten).
const VA_ROW: Record<string, string> = { 'ヷ': 'わ\u3099', 'ヸ': 'ゐ\u3099', 'ヹ': 'ゑ\u3099', 'ヺ': 'を\u3099' };

function widen(s: string): string {
  return s.replace(HALF_WIDTH_KANA, (m) => m.normalize('NFKC'));
}

/** Katakana to hiragana: カタカナ → かたかな, ヴ → ゔ, ヵヶ → ゕゖ, ヽヾ → ゝゞ; ー stays. */
export function toHiragana(s: string): string {
  return widen(s).replace(/[\u30A1-\u30F6\u30FD\u30FE\u30F7-\u30FA]/g, (c) => {
    const va = VA_ROW[c];
    if (va) return va;
    return String.fromCharCode(c.charCodeAt(0) - 0x60);
  });
}

/** Hiragana to katakana: ひらがな → ヒラガナ, ゔ → ヴ, ゝゞ → ヽヾ; ー stays. */
export function toKatakana(s: string): string {
  return widen(s).replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}
