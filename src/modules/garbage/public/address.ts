import { normalizeForSearch } from '../../../core/ja/normalize.ts';
import type { Area } from '../engine/types.ts';

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 三 → 3, 二十 → 20 (the numbers of 丁目, which are small). */
function kanjiNumber(s: string): string {
  if (!s.includes('十')) return [...s].map((c) => KANJI_DIGIT[c] ?? c).join('');
  const [tens, ones] = s.split('十') as [string, string];
  return String((tens ? KANJI_DIGIT[tens] ?? 1 : 1) * 10 + (ones ? KANJI_DIGIT[ones] ?? 0 : 0));
}

/**
 * An address or town name folded for matching: normalised for search (width, kana, case), kanji
 * numerals of 丁目 as digits, and 丁目 / 番地 / 番 / 号 / dashes as one `-`, so 「万代町三丁目」,
 * 「万代町3丁目」 and 「万代町3-1」 compare alike.
 */
export function foldAddress(s: string): string {
  let t = normalizeForSearch(s).replace(/\s+/g, '');
  t = t.replace(/([〇一二三四五六七八九十]+)(?=丁目|番)/g, (m) => kanjiNumber(m));
  return t.replace(/丁目|番地|番|号|[‐‑‒–—―−ー-]/g, '-').replace(/-+/g, '-');
}

/** How an address query meets a town: 'inside' (the address is in the town), 'partial' (part of its name), or null. */
function townMatch(q: string, town: string): 'inside' | 'partial' | null {
  if (!town) return null;
  // An address inside the town: 「万代町3-」 for 万代町, or 「南末広町1-5」 for 南末広町1丁目 (folded 南末広町1-),
  // but not 「万代町10-」 for 万代町1丁目: a digit must not continue the town's number.
  const at = q.indexOf(town);
  if (at >= 0 && (!/\d$/.test(town) || !/^\d/.test(q.slice(at + town.length)))) return 'inside';
  return town.includes(q) ? 'partial' : null;
}

/**
 * Areas whose name (any language), reading or towns match an address or name query; all areas when
 * the query is blank. When an address lies inside towns of several areas, only the most specific
 * town counts (万代町10丁目 belongs to the area listing 万代町10丁目, not to the one listing 万代町);
 * areas matching only part of a name follow.
 */
export function searchAreas(areas: readonly Area[], query: string): Area[] {
  const q = foldAddress(query);
  if (!q) return [...areas];
  const scored = areas.map((a) => {
    let inside = 0;
    let partial = false;
    for (const n of [...Object.values(a.name), a.reading].map(foldAddress)) {
      if (!n) continue;
      if (n.length >= 2 && q.includes(n)) inside = Math.max(inside, n.length);
      else if (n.includes(q)) partial = true;
    }
    for (const t of a.towns.map(foldAddress)) {
      const m = townMatch(q, t);
      if (m === 'inside') inside = Math.max(inside, t.length);
      else if (m === 'partial') partial = true;
    }
    return { a, inside, partial };
  });
  const best = Math.max(0, ...scored.map((s) => s.inside));
  const top = scored.filter((s) => best > 0 && s.inside === best).map((s) => s.a);
  return [...top, ...scored.filter((s) => s.partial && !top.includes(s.a)).map((s) => s.a)];
}
