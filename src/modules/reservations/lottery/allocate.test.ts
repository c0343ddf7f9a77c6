import { describe, expect, it } from 'vitest';
import { allocate, type Drawable } from './allocate.ts';

const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
let n = 0;
const entry = (who: string, hour: number, citizen = true): Drawable => ({
  id: `e${String(++n).padStart(3, '0')}`, exam_key: '', starts_at: at(hour), citizen_id: citizen ? who : null, name_key: who, birth_date: citizen ? null : '1980-01-01',
});

describe('lottery allocation with a per-person limit', () => {
  it('lets a person entered in five slots win only up to the limit, giving the seats to the next drawn', () => {
    const greedy = [1, 2, 3, 4, 5].map((h) => entry('greedy', h));
    const others = [1, 2, 3, 4, 5].map((h) => entry(`other${h}`, h));
    const r = allocate([...greedy, ...others], 'seed-1', 1, () => 1, () => 0);
    expect(r.won.filter((e) => e.citizen_id === 'greedy')).toHaveLength(1);
    expect(r.won).toHaveLength(5); // every slot still filled
    expect(r.lost).toHaveLength(5);
  });

  it('counts bookings the person already holds and identifies guests by name and birth date', () => {
    const guest = [1, 2].map((h) => entry('山田花子', h, false));
    const r = allocate(guest, 's', 2, () => 1, () => 1);
    expect(r.won).toHaveLength(1);
    expect(r.won[0]!.starts_at).toEqual(at(1)); // earliest slot drawn first
    expect(allocate(guest, 's', 2, () => 1, () => 2).won).toHaveLength(0);
  });

  it('does not limit when limit is 0 and is reproducible regardless of input order', () => {
    const list = [1, 1, 1, 2, 2, 3].map((h, i) => entry(`p${i % 2}`, h));
    expect(allocate(list, 'x', 0, () => 3, () => 0).won).toHaveLength(6);
    const a = allocate(list, 'abc', 1, () => 1, () => 0);
    const b = allocate([...list].reverse(), 'abc', 1, () => 1, () => 0);
    expect(b.won.map((e) => e.id)).toEqual(a.won.map((e) => e.id));
    expect(a.won.map((e) => e.citizen_id).sort()).toEqual(['p0', 'p1']);
  });
});
