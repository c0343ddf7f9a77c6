import { describe, expect, it } from 'vitest';
import { calendar } from '../engine/index.ts';
import type { ResourceFull, ResourceRow } from '../resources/repo.ts';
import { closureOn, closuresOf, slotRulesOf } from './closures.ts';

const resource = (row: Partial<ResourceRow>, overrides: ResourceFull['overrides'] = []): ResourceFull => ({
  row: { id: 'r', close_on_holidays: true, close_on_new_year: true, slot_minutes: 60, buffer_before_minutes: 0, buffer_after_minutes: 0, opens_days_ahead: 400, closes_hours_before: 0, ...row } as ResourceRow,
  examTypes: [],
  hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ resource_id: 'r', weekday, opens_min: 540, closes_min: 720 })),
  overrides,
});

describe('closed days: holidays, 年末年始 and overrides', () => {
  it('closes national holidays and 12/29–1/3 by default', () => {
    const c = closuresOf(resource({}), '2026-12-27', '2027-01-12');
    expect([...c]).toEqual([
      ['2026-12-29', 'new_year'], ['2026-12-30', 'new_year'], ['2026-12-31', 'new_year'],
      ['2027-01-01', 'new_year'], ['2027-01-02', 'new_year'], ['2027-01-03', 'new_year'],
      ['2027-01-11', 'holiday'], // 成人の日
    ]);
    expect(closureOn(resource({}), '2026-05-04')).toBe('holiday'); // みどりの日
    expect(closureOn(resource({}), '2026-05-06')).toBe('holiday'); // 振替休日
  });

  it('opens them when the resource says so, and follows day overrides both ways', () => {
    expect(closuresOf(resource({ close_on_holidays: false, close_on_new_year: false }), '2026-12-27', '2027-01-12').size).toBe(0);
    const r = resource({}, [{ resource_id: 'r', day: '2027-01-11', closed: false, note: '成人式の日も開館' }, { resource_id: 'r', day: '2027-01-12', closed: true, note: '設備点検' }]);
    expect(closureOn(r, '2027-01-11')).toBeNull();
    expect(closureOn(r, '2027-01-12')).toBe('closed');
  });

  it('gives the calendar no slots on closed days and the reason', () => {
    const r = resource({});
    const days = calendar({ rules: slotRulesOf(r), from: '2027-03-30', to: '2027-04-01', closures: closuresOf(r, '2027-03-30', '2027-04-01'), capacity: 1, booked: new Map(), now: new Date('2027-01-01T00:00:00Z') });
    expect(days.map((d) => [d.date, d.closed, d.slots.length])).toEqual([['2027-03-30', null, 3], ['2027-03-31', null, 3], ['2027-04-01', null, 3]]);
    const ny = calendar({ rules: slotRulesOf(r), from: '2026-12-28', to: '2026-12-29', closures: closuresOf(r, '2026-12-28', '2026-12-29'), capacity: 1, booked: new Map(), now: new Date('2026-11-01T00:00:00Z') });
    expect(ny.map((d) => [d.closed, d.slots.length])).toEqual([[null, 3], ['new_year', 0]]);
  });

});
