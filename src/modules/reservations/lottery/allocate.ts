import { draw } from '../engine/index.ts';

/** The fields of an entry the allocation needs. */
export interface Drawable { id: string; exam_key: string; starts_at: Date; citizen_id: string | null; name_key: string; birth_date: string | null }

/** One person across entries: the account, else the folded name with the date of birth (as book.ts counts bookings). */
export function personKey(e: Drawable): string {
  return e.citizen_id ? `c:${e.citizen_id}` : `n:${e.name_key}|${e.birth_date ?? ''}`;
}

/** The slot an entry is for; slots are drawn in this key's order so the result does not depend on row order. */
export function slotKey(e: Drawable): string {
  return `${e.exam_key}|${e.starts_at.toISOString()}`;
}

/**
 * Allocates seats slot by slot (earliest first): each slot's entries are put in the seeded order and
 * taken in turn, skipping a person who already holds `limit` seats (earlier bookings plus seats won in
 * this draw), so the next drawn entry gets the seat. limit 0 means no limit. Same seed and entries,
 * same result.
 */
export function allocate<T extends Drawable>(entries: T[], seed: string, limit: number, seatsOf: (slot: string) => number, heldOf: (e: T) => number): { won: T[]; lost: T[] } {
  const bySlot = new Map<string, T[]>();
  for (const e of entries) bySlot.set(slotKey(e), [...(bySlot.get(slotKey(e)) ?? []), e]);
  // Earliest slot first, then by exam: ISO times sort as text.
  const order = (k: string) => `${k.slice(k.lastIndexOf('|') + 1)}|${k}`;
  const slots = [...bySlot.keys()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const held = new Map<string, number>();
  const won: T[] = [];
  const lost: T[] = [];
  for (const key of slots) {
    const drawn = draw(bySlot.get(key)!, Number.MAX_SAFE_INTEGER, `${seed}|${key}`).won;
    let seats = seatsOf(key);
    for (const e of drawn) {
      const p = personKey(e);
      if (!held.has(p)) held.set(p, heldOf(e));
      if (seats > 0 && (limit <= 0 || held.get(p)! < limit)) {
        won.push(e);
        held.set(p, held.get(p)! + 1);
        seats--;
      } else lost.push(e);
    }
  }
  return { won, lost };
}
