import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionsOf, dayNumber, isoOfDay } from './calendar.ts';
import type { CalendarInput, CollectionException, Rule, RulePattern, Suspension } from './types.ts';

// Everything happens in a small window (2027-12-20 … 2028-03-10, leap day inside) so random rules,
// exceptions and ranges collide often.
const BASE = dayNumber('2027-12-20');
const SPAN = 82;
const day = fc.integer({ min: 0, max: SPAN - 1 }).map((k) => isoOfDay(BASE + k));
const areaId = fc.constantFrom('a1', 'a2');
const categoryId = fc.constantFrom('c1', 'c2', 'c3');

const pattern: fc.Arbitrary<RulePattern> = fc.oneof(
  fc.record({ kind: fc.constant('weekly' as const), weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('nth_weekday' as const), weekday: fc.integer({ min: 0, max: 6 }), nths: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('every_n_weeks' as const), interval: fc.integer({ min: 1, max: 4 }), from: day }),
  fc.record({ kind: fc.constant('dates' as const), dates: fc.array(day, { maxLength: 6 }) }),
);
const rule: fc.Arbitrary<Rule> = fc.record({
  id: fc.constant('r'), areaId, categoryId, pattern,
  months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
  validFrom: fc.option(day), validTo: fc.option(day),
  onHolidays: fc.constantFrom('collect' as const, 'skip' as const),
});
const exception: fc.Arbitrary<CollectionException> = fc.record({
  id: fc.constant('e'), date: day, areaId: fc.option(areaId), categoryId: fc.option(categoryId),
  action: fc.constantFrom('cancel' as const, 'collect' as const, 'move' as const), to: fc.option(day, { freq: 6 }), note: fc.constant(null),
});
const suspension: fc.Arbitrary<Suspension> = fc.record({
  id: fc.constant('s'), from: day, to: day, areaIds: fc.uniqueArray(areaId), categoryIds: fc.uniqueArray(categoryId), note: fc.constant(null),
});
const calendarInput: fc.Arbitrary<CalendarInput> = fc.record({
  rules: fc.array(rule, { maxLength: 6 }),
  exceptions: fc.array(exception, { maxLength: 6 }),
  suspensions: fc.array(suspension, { maxLength: 2 }),
  holidays: fc.uniqueArray(day, { maxLength: 10 }).map((d) => new Set(d)),
});
const range = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

// An independent, deliberately naive reading of the README's rules for one (area, category, day).
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
function patternSays(p: RulePattern, iso: string): boolean {
  if (p.kind === 'weekly') return p.weekdays.includes(weekday(iso));
  if (p.kind === 'nth_weekday') return weekday(iso) === p.weekday && p.nths.includes(Math.floor((Number(iso.slice(8)) - 1) / 7) + 1);
  if (p.kind === 'dates') return p.dates.includes(iso);
  const diff = dayNumber(iso) - dayNumber(p.from);
  return diff >= 0 && diff % (7 * p.interval) === 0;
}
const scheduled = (r: Rule, iso: string) => (r.months.length === 0 || r.months.includes(Number(iso.slice(5, 7))))
  && (r.validFrom === null || iso >= r.validFrom) && (r.validTo === null || iso <= r.validTo) && patternSays(r.pattern, iso);
const areaRules = (i: CalendarInput, a: string, c: string) => i.rules.filter((r) => r.areaId === a && r.categoryId === c);
const suspended = (i: CalendarInput, a: string, c: string, iso: string) => i.suspensions.some((s) => s.from <= iso && iso <= s.to && (s.areaIds.length === 0 || s.areaIds.includes(a)) && (s.categoryIds.length === 0 || s.categoryIds.includes(c)));
const byRule = (i: CalendarInput, a: string, c: string, iso: string) =>
  areaRules(i, a, c).some((r) => scheduled(r, iso) && !(i.holidays.has(iso) && r.onHolidays === 'skip')) && !suspended(i, a, c, iso);
const hasRuleInArea = (i: CalendarInput, a: string, c: string) => i.rules.some((r) => r.areaId === a && r.categoryId === c);
const applies = (i: CalendarInput, e: CollectionException, a: string, c: string, action: string) =>
  e.action === action && (e.areaId === null || e.areaId === a) && (e.categoryId === c || (e.categoryId === null && (action === 'cancel' || hasRuleInArea(i, a, c))));
const cancelled = (i: CalendarInput, a: string, c: string, iso: string) => i.exceptions.some((e) => e.date === iso && applies(i, e, a, c, 'cancel'));
const movedAway = (i: CalendarInput, a: string, c: string, iso: string) => i.exceptions.some((e) => e.date === iso && e.to !== null && applies(i, e, a, c, 'move'));
const collectedByException = (i: CalendarInput, a: string, c: string, iso: string) =>
  i.exceptions.some((e) => e.date === iso && applies(i, e, a, c, 'collect'))
  || i.exceptions.some((e) => e.to === iso && applies(i, e, a, c, 'move') && areaRules(i, a, c).some((r) => scheduled(r, e.date)));

const RUNS = { numRuns: 400 };

describe('collectionsOf (properties)', () => {
  it('returns only days in the range that a rule or an exception explains and no cancel forbids, once per category', () => {
    fc.assert(fc.property(calendarInput, areaId, range, (i, a, [from, to]) => {
      const got = collectionsOf(i, a, from, to);
      const keys = new Set<string>();
      for (const c of got) {
        expect(c.areaId).toBe(a);
        expect(c.date >= from && c.date <= to).toBe(true);
        expect(byRule(i, a, c.categoryId, c.date) || collectedByException(i, a, c.categoryId, c.date)).toBe(true);
        expect(cancelled(i, a, c.categoryId, c.date)).toBe(false);
        keys.add(`${c.date}|${c.categoryId}`);
      }
      expect(keys.size).toBe(got.length);
      expect(got.map((c) => c.date)).toEqual(got.map((c) => c.date).sort());
    }), RUNS);
  });

  it('returns every day a rule gives that no holiday, suspension or exception removes, and every exception-added day', () => {
    fc.assert(fc.property(calendarInput, areaId, range, (i, a, [from, to]) => {
      const got = new Set(collectionsOf(i, a, from, to).map((c) => `${c.date}|${c.categoryId}`));
      for (let n = dayNumber(from); n <= dayNumber(to); n++) {
        const iso = isoOfDay(n);
        for (const c of ['c1', 'c2', 'c3']) {
          const expected = !cancelled(i, a, c, iso) && ((byRule(i, a, c, iso) && !movedAway(i, a, c, iso)) || collectedByException(i, a, c, iso));
          expect(got.has(`${iso}|${c}`), `${iso} ${c}`).toBe(expected);
        }
      }
    }), RUNS);
  });

  it('the calendar of [a, c] is the calendar of [a, b] followed by that of [b + 1, c]', () => {
    fc.assert(fc.property(calendarInput, areaId, fc.tuple(day, day, day).map((t) => t.sort()), (i, a, [x, y, z]) => {
      const split = isoOfDay(dayNumber(y!) + 1);
      if (split > z!) return;
      expect(collectionsOf(i, a, x!, z!)).toEqual([...collectionsOf(i, a, x!, y!), ...collectionsOf(i, a, split, z!)]);
    }), RUNS);
  });
});
