/** A small seeded generator for property tests (mulberry32), so failures reproduce. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [min, max]. */
export function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** A random string of `n` characters drawn from the given code point ranges. */
export function randomText(rand: () => number, n: number, ranges: [number, number][]): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const [lo, hi] = ranges[int(rand, 0, ranges.length - 1)]!;
    s += String.fromCodePoint(int(rand, lo, hi));
  }
  return s;
}
