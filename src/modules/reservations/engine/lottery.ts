/**
 * A reproducible lottery (抽選): the same seed and entries give the same winners, so a draw can be
 * re-run by an auditor. Entries are shuffled by a seeded Fisher–Yates; the first `seats` win.
 */

/** A 32-bit seed from a text seed (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, well-mixed generator of numbers in [0, 1). */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws `seats` winners among entries (ids sorted first, so input order does not matter); returns winners then losers. */
export function draw<T extends { id: string }>(entries: T[], seats: number, seed: string): { won: T[]; lost: T[] } {
  const list = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rand = generator(seedOf(seed));
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return { won: list.slice(0, Math.max(0, seats)), lost: list.slice(Math.max(0, seats)) };
}
