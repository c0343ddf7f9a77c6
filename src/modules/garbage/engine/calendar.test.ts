import { afterEach, describe, expect, it } from 'vitest';
import { collectionsOf, dayNumber, isoOfDay, monthGrid, nextCollections } from './calendar.ts';
import type { CalendarInput, CollectionException, Rule, RulePattern, Suspension } from './types.ts';

let ids = 0;
const rule = (categoryId: string, pattern: RulePattern, more: Partial<Rule> = {}): Rule => ({
  id: `r${++ids}`, areaId: 'a1', categoryId, pattern, months: [], validFrom: null, validTo: null, onHolidays: 'collect', ...more,
});
const exception = (date: string, action: CollectionException['action'], more: Partial<CollectionException> = {}): CollectionException => ({
  id: `e${++ids}`, date, areaId: 'a1', categoryId: null, action, to: null, note: null, ...more,
});
const suspension = (from: string, to: string, more: Partial<Suspension> = {}): Suspension => ({
  id: `s${++ids}`, from, to, areaIds: [], categoryIds: [], note: null, ...more,
});
const input = (rules: Rule[], more: Partial<CalendarInput> = {}): CalendarInput => ({ rules, exceptions: [], suspensions: [], holidays: new Set(), ...more });
const dates = (i: CalendarInput, from: string, to: string, categoryId?: string) =>
  collectionsOf(i, 'a1', from, to).filter((c) => !categoryId || c.categoryId === categoryId).map((c) => c.date);

describe('day numbers', () => {
  it('round-trip ISO dates and reject impossible ones', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(isoOfDay(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(dayNumber('2027-02-29')).toBeNaN();
    expect(dayNumber('2026-13-01')).toBeNaN();
    expect(dayNumber('2026-6-1')).toBeNaN();
  });
});

describe('patterns', () => {
  it('weekly: every Monday and Thursday', () => {
    expect(dates(input([rule('burnable', { kind: 'weekly', weekdays: [1, 4] })]), '2026-06-01', '2026-06-14'))
      .toEqual(['2026-06-01', '2026-06-04', '2026-06-08', '2026-06-11']);
  });

  it('nth_weekday: 第2・第4水曜日, and 第5 only in months that have one', () => {
    const i = input([rule('cans', { kind: 'nth_weekday', weekday: 3, nths: [2, 4] }), rule('hazard', { kind: 'nth_weekday', weekday: 3, nths: [5] })]);
    expect(dates(i, '2026-04-01', '2026-05-31', 'cans')).toEqual(['2026-04-08', '2026-04-22', '2026-05-13', '2026-05-27']);
    // April 2026 has five Wednesdays (1, 8, 15, 22, 29); May has four.
    expect(dates(i, '2026-04-01', '2026-05-31', 'hazard')).toEqual(['2026-04-29']);
  });

  it('every_n_weeks: every other week from its start date, never before it', () => {
    const i = input([rule('paper', { kind: 'every_n_weeks', interval: 2, from: '2026-06-03' })]);
    expect(dates(i, '2026-05-01', '2026-07-05')).toEqual(['2026-06-03', '2026-06-17', '2026-07-01']);
    expect(dates(i, '2026-06-04', '2026-06-30')).toEqual(['2026-06-17']);
    const every3 = input([rule('paper', { kind: 'every_n_weeks', interval: 3, from: '2026-06-03' })]);
    expect(dates(every3, '2026-06-01', '2026-07-31')).toEqual(['2026-06-03', '2026-06-24', '2026-07-15']);
  });

  it('dates: exactly the listed dates in the range', () => {
    const i = input([rule('bulky', { kind: 'dates', dates: ['2026-06-10', '2026-07-08', '2026-05-01'] })]);
    expect(dates(i, '2026-06-01', '2026-07-31')).toEqual(['2026-06-10', '2026-07-08']);
  });

  it('month ends and the leap day 2028-02-29', () => {
    const i = input([
      rule('burnable', { kind: 'weekly', weekdays: [2] }),
      rule('hazard', { kind: 'nth_weekday', weekday: 2, nths: [5] }),
      rule('bulky', { kind: 'dates', dates: ['2028-02-29', '2027-02-29'] }),
    ]);
    const got = collectionsOf(i, 'a1', '2028-02-22', '2028-03-07').map((c) => `${c.date} ${c.categoryId}`);
    expect(got).toEqual(['2028-02-22 burnable', '2028-02-29 burnable', '2028-02-29 hazard', '2028-02-29 bulky', '2028-03-07 burnable']);
    // A range across a year end and a 31-day month end.
    expect(dates(input([rule('x', { kind: 'weekly', weekdays: [5] })]), '2026-12-24', '2027-01-08')).toEqual(['2026-12-25', '2027-01-01', '2027-01-08']);
    expect(dates(i, '2027-02-01', '2027-03-01', 'bulky')).toEqual([]);
  });
});

describe('months and validity', () => {
  it('months restrict a rule (剪定枝 April to November only)', () => {
    const i = input([rule('branches', { kind: 'nth_weekday', weekday: 1, nths: [1] }, { months: [4, 5, 6, 7, 8, 9, 10, 11] })]);
    expect(dates(i, '2026-10-01', '2027-04-30')).toEqual(['2026-10-05', '2026-11-02', '2027-04-05']);
  });

  it('validFrom / validTo are inclusive, so a schedule can change on a date', () => {
    const i = input([
      rule('plastic', { kind: 'weekly', weekdays: [2] }, { validTo: '2026-09-29' }),
      rule('plastic', { kind: 'weekly', weekdays: [4] }, { validFrom: '2026-10-01' }),
    ]);
    expect(dates(i, '2026-09-21', '2026-10-10')).toEqual(['2026-09-22', '2026-09-29', '2026-10-01', '2026-10-08']);
  });

  it('rules of other areas do not count', () => {
    const i = input([rule('burnable', { kind: 'weekly', weekdays: [1] }, { areaId: 'a2' })]);
    expect(dates(i, '2026-06-01', '2026-06-30')).toEqual([]);
    expect(collectionsOf(i, 'a2', '2026-06-01', '2026-06-08').map((c) => c.areaId)).toEqual(['a2', 'a2']);
  });
});

describe('holidays', () => {
  // ゴールデンウィーク 2026: 5/3 (Sun) 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日.
  const gw = new Set(['2026-04-29', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']);

  it('skip drops holidays (振替休日 included), collect keeps them', () => {
    const i = input([
      rule('burnable', { kind: 'weekly', weekdays: [1, 4] }, { onHolidays: 'collect' }),
      rule('plastic', { kind: 'weekly', weekdays: [2, 3] }, { onHolidays: 'skip' }),
    ], { holidays: gw });
    expect(dates(i, '2026-05-01', '2026-05-14', 'burnable')).toEqual(['2026-05-04', '2026-05-07', '2026-05-11', '2026-05-14']);
    expect(dates(i, '2026-05-01', '2026-05-14', 'plastic')).toEqual(['2026-05-12', '2026-05-13']);
  });

  it('a collect exception keeps one category on a holiday (5374 issue #58)', () => {
    const i = input([
      rule('burnable', { kind: 'weekly', weekdays: [1] }, { onHolidays: 'skip' }),
      rule('cans', { kind: 'weekly', weekdays: [1] }, { onHolidays: 'skip' }),
    ], { holidays: gw, exceptions: [exception('2026-05-04', 'collect', { categoryId: 'burnable', note: { ja: '祝日も収集します' } })] });
    expect(collectionsOf(i, 'a1', '2026-05-04', '2026-05-11')).toEqual([
      { date: '2026-05-04', areaId: 'a1', categoryId: 'burnable', note: { ja: '祝日も収集します' } },
      { date: '2026-05-11', areaId: 'a1', categoryId: 'burnable' },
      { date: '2026-05-11', areaId: 'a1', categoryId: 'cans' },
    ]);
  });
});

describe('年末年始', () => {
  // Burnable Mon/Fri, plastic Fri only; nothing collected 12/29–1/3; holidays 1/1 and 1/11 (成人の日).
  const rules = [
    rule('burnable', { kind: 'weekly', weekdays: [1, 5] }, { onHolidays: 'skip' }),
    rule('plastic', { kind: 'weekly', weekdays: [5] }, { onHolidays: 'skip' }),
  ];
  const newYear = suspension('2026-12-29', '2027-01-03', { note: { ja: '年末年始' } });
  const holidays = new Set(['2027-01-01', '2027-01-11']);

  it('the suspension drops collections; a move shifts 1/1 to 1/4; a collect works on a holiday and in the suspension', () => {
    const i = input(rules, {
      holidays,
      suspensions: [newYear],
      exceptions: [
        exception('2027-01-01', 'move', { categoryId: 'plastic', to: '2027-01-04', note: { ja: '1/4に振替' } }),
        exception('2027-01-11', 'collect', { categoryId: 'burnable' }),
        exception('2026-12-30', 'collect', { categoryId: 'burnable' }),
      ],
    });
    expect(collectionsOf(i, 'a1', '2026-12-25', '2027-01-11').map((c) => [c.date, c.categoryId, c.movedFrom ?? '', c.note?.ja ?? ''])).toEqual([
      ['2026-12-25', 'burnable', '', ''],
      ['2026-12-25', 'plastic', '', ''],
      ['2026-12-28', 'burnable', '', ''],
      ['2026-12-30', 'burnable', '', '年末年始'],
      ['2027-01-04', 'burnable', '', ''],
      ['2027-01-04', 'plastic', '2027-01-01', '1/4に振替'],
      ['2027-01-08', 'burnable', '', ''],
      ['2027-01-08', 'plastic', '', ''],
      ['2027-01-11', 'burnable', '', ''],
    ]);
  });

  it('a move whose original date is outside the range still lands inside it', () => {
    const i = input(rules, { holidays, suspensions: [newYear], exceptions: [exception('2027-01-01', 'move', { to: '2027-01-05' })] });
    expect(collectionsOf(i, 'a1', '2027-01-05', '2027-01-05')).toEqual([
      { date: '2027-01-05', areaId: 'a1', categoryId: 'burnable', movedFrom: '2027-01-01' },
      { date: '2027-01-05', areaId: 'a1', categoryId: 'plastic', movedFrom: '2027-01-01' },
    ]);
    // …and the original day's collection is gone when the target is outside the range.
    expect(dates(input(rules, { exceptions: [exception('2027-01-08', 'move', { to: '2027-01-20' })] }), '2027-01-08', '2027-01-08')).toEqual([]);
  });

  it('moving a day that is no collection day of the category does nothing', () => {
    const i = input(rules, { exceptions: [exception('2027-01-04', 'move', { categoryId: 'plastic', to: '2027-01-05' })] });
    expect(collectionsOf(i, 'a1', '2027-01-04', '2027-01-05').map((c) => `${c.date} ${c.categoryId}`)).toEqual(['2027-01-04 burnable']);
  });

  it('a move onto a day already collected keeps one entry, marked as moved', () => {
    const i = input(rules, { exceptions: [exception('2027-01-01', 'move', { categoryId: 'burnable', to: '2027-01-04' })] });
    expect(collectionsOf(i, 'a1', '2027-01-01', '2027-01-04').filter((c) => c.categoryId === 'burnable'))
      .toEqual([{ date: '2027-01-04', areaId: 'a1', categoryId: 'burnable', movedFrom: '2027-01-01' }]);
  });
});

describe('exceptions', () => {
  const rules = [rule('burnable', { kind: 'weekly', weekdays: [1] }), rule('cans', { kind: 'weekly', weekdays: [3] })];

  it('collect with no category collects every category that has a rule in the area', () => {
    const i = input([...rules, rule('glass', { kind: 'weekly', weekdays: [2] }, { areaId: 'a2' })], { exceptions: [exception('2026-06-06', 'collect')] });
    expect(collectionsOf(i, 'a1', '2026-06-06', '2026-06-06').map((c) => c.categoryId)).toEqual(['burnable', 'cans']);
  });

  it('collect for a category without a rule in the area adds it, after the ruled categories', () => {
    const i = input(rules, { exceptions: [exception('2026-06-01', 'collect', { categoryId: 'bulky' })] });
    expect(collectionsOf(i, 'a1', '2026-06-01', '2026-06-01').map((c) => c.categoryId)).toEqual(['burnable', 'bulky']);
  });

  it('exceptions with no area apply to every area; those of another area do not', () => {
    const i = input(rules, { exceptions: [exception('2026-06-01', 'cancel', { areaId: null }), exception('2026-06-03', 'cancel', { areaId: 'a2' })] });
    expect(dates(i, '2026-06-01', '2026-06-07')).toEqual(['2026-06-03']);
  });

  it('cancel drops one category, or (no category) every collection of the day, moved and extra ones too', () => {
    const i = input(rules, {
      exceptions: [
        exception('2026-06-01', 'cancel', { categoryId: 'cans' }),
        exception('2026-06-03', 'cancel', { categoryId: 'cans' }),
        exception('2026-06-08', 'move', { categoryId: 'burnable', to: '2026-06-09' }),
        exception('2026-06-09', 'collect', { categoryId: 'cans' }),
        exception('2026-06-09', 'cancel'),
      ],
    });
    expect(collectionsOf(i, 'a1', '2026-06-01', '2026-06-10').map((c) => `${c.date} ${c.categoryId}`)).toEqual(['2026-06-01 burnable', '2026-06-10 cans']);
  });

  it('one entry per date and category whatever adds it twice', () => {
    const i = input([...rules, rule('burnable', { kind: 'dates', dates: ['2026-06-01'] })], { exceptions: [exception('2026-06-01', 'collect', { categoryId: 'burnable' })] });
    expect(collectionsOf(i, 'a1', '2026-06-01', '2026-06-01')).toHaveLength(1);
  });

  it('suspensions limited to areas and categories', () => {
    const i = input(rules, { suspensions: [suspension('2026-06-01', '2026-06-30', { areaIds: ['a2'] }), suspension('2026-06-01', '2026-06-07', { categoryIds: ['cans'] })] });
    expect(collectionsOf(i, 'a1', '2026-06-01', '2026-06-10').map((c) => `${c.date} ${c.categoryId}`)).toEqual(['2026-06-01 burnable', '2026-06-08 burnable', '2026-06-10 cans']);
  });
});

describe('ranges and input checks', () => {
  it('sorts by date, then by the order categories first appear in the rules', () => {
    const i = input([rule('z', { kind: 'weekly', weekdays: [1] }), rule('a', { kind: 'weekly', weekdays: [1, 2] })]);
    expect(collectionsOf(i, 'a1', '2026-06-01', '2026-06-02').map((c) => `${c.date} ${c.categoryId}`)).toEqual(['2026-06-01 z', '2026-06-01 a', '2026-06-02 a']);
  });

  it('an empty range gives nothing; malformed dates throw RangeError', () => {
    const i = input([rule('x', { kind: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] })]);
    expect(collectionsOf(i, 'a1', '2026-06-02', '2026-06-01')).toEqual([]);
    expect(dates(i, '2026-06-01', '2026-06-01')).toEqual(['2026-06-01']);
    expect(() => collectionsOf(i, 'a1', '2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => collectionsOf(i, 'a1', '2026-03-01', 'tomorrow')).toThrow(RangeError);
  });

  describe('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    const i = input([
      rule('a', { kind: 'weekly', weekdays: [0, 6] }),
      rule('b', { kind: 'nth_weekday', weekday: 0, nths: [1, 5] }),
      rule('c', { kind: 'every_n_weeks', interval: 2, from: '2026-03-08' }),
    ], { holidays: new Set(['2026-03-20']), exceptions: [exception('2026-11-01', 'move', { to: '2026-11-02' })] });
    const run = (tz: string) => {
      process.env.TZ = tz;
      return collectionsOf(i, 'a1', '2026-03-01', '2026-11-30');
    };

    it('America/New_York (DST changes on 3/8 and 11/1) equals Asia/Tokyo and Pacific/Kiritimati', () => {
      const tokyo = run('Asia/Tokyo');
      const tokyoOffset = new Date(2026, 5, 1).getTimezoneOffset();
      const newYork = run('America/New_York');
      // Proof that the zone really changed for local-time Date methods in this process.
      expect(new Date(2026, 5, 1).getTimezoneOffset()).not.toBe(tokyoOffset);
      expect(newYork).toEqual(tokyo);
      expect(run('Pacific/Kiritimati')).toEqual(tokyo);
      expect(tokyo.filter((c) => c.categoryId === 'c').map((c) => c.date).slice(0, 3)).toEqual(['2026-03-08', '2026-03-22', '2026-04-05']);
    });
  });
});

describe('nextCollections', () => {
  const i = input([
    rule('burnable', { kind: 'weekly', weekdays: [1, 4] }),
    rule('cans', { kind: 'nth_weekday', weekday: 3, nths: [2] }),
    rule('bulky', { kind: 'dates', dates: ['2026-12-01'] }),
  ], { exceptions: [exception('2026-06-10', 'cancel', { categoryId: 'cans' })] });

  it('gives each category its next date from today on and the one after, sorted by date', () => {
    const got = nextCollections(i, 'a1', '2026-06-04', 70);
    expect(got.map((n) => [n.categoryId, n.next.date, n.after?.date ?? null])).toEqual([
      ['burnable', '2026-06-04', '2026-06-08'],
      ['cans', '2026-07-08', '2026-08-12'],
    ]);
  });

  it('leaves out categories with nothing within the horizon and gives null when there is no second date', () => {
    expect(nextCollections(i, 'a1', '2026-06-04', 40).map((n) => [n.categoryId, n.after?.date ?? null])).toEqual([['burnable', '2026-06-08'], ['cans', null]]);
    expect(nextCollections(input([]), 'a1', '2026-06-04')).toEqual([]);
  });
});

describe('monthGrid', () => {
  const collections = collectionsOf(input([rule('burnable', { kind: 'weekly', weekdays: [1] })]), 'a1', '2026-01-26', '2026-03-02');

  it('gives Sunday-first weeks with the neighbouring months marked and collections on each day', () => {
    const weeks = monthGrid(collections, '2026-02');
    // February 2026 starts on a Sunday and has 28 days: exactly four weeks.
    expect(weeks).toHaveLength(4);
    expect(weeks[0]![0]).toEqual({ date: '2026-02-01', inMonth: true, collections: [] });
    expect(weeks[0]![1]!.collections.map((c) => c.categoryId)).toEqual(['burnable']);
    expect(weeks[3]![6]!.date).toBe('2026-02-28');

    const march = monthGrid(collections, '2026-03');
    expect(march).toHaveLength(5);
    expect(march[0]![0]).toEqual({ date: '2026-03-01', inMonth: true, collections: [] });
    expect(march[4]!.map((d) => [d.date, d.inMonth])).toEqual([
      ['2026-03-29', true], ['2026-03-30', true], ['2026-03-31', true], ['2026-04-01', false], ['2026-04-02', false], ['2026-04-03', false], ['2026-04-04', false],
    ]);
  });

  it('pads the first week with the previous month, across a year end, and counts six weeks when needed', () => {
    const jan = monthGrid(collections, '2026-01');
    expect(jan[0]!.map((d) => d.inMonth)).toEqual([false, false, false, false, true, true, true]);
    expect(jan[0]![0]!.date).toBe('2025-12-28');
    expect(jan.at(-1)!.map((d) => d.date)).toEqual(['2026-01-25', '2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31']);
    expect(jan.at(-1)![1]!.collections).toHaveLength(1);
    expect(monthGrid([], '2026-08')).toHaveLength(6);
    expect(monthGrid([], '2026-12').at(-1)!.at(-1)!.date).toBe('2027-01-02');
  });

  it('rejects a malformed month', () => {
    expect(() => monthGrid([], '2026-13')).toThrow(RangeError);
    expect(() => monthGrid([], '2026-1')).toThrow(RangeError);
  });
});
