import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysInMonth, formatIsoDate, toJstDateString } from '../../../core/ja/dates.ts';
import { int, seeded } from '../../../core/ja/test-random.ts';
import { calendar, monthRange, slotAt, slotMinutesOfDay, windowState } from './slots.ts';
import type { SlotRules } from './types.ts';

const weekdays = (opensMin: number, closesMin: number) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMin, closesMin }));
const rules: SlotRules = { slotMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, opensDaysAhead: 60, closesHoursBefore: 24, hours: weekdays(9 * 60, 12 * 60) };
const jstTime = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(11, 16);
const noClosures = new Map();

describe('slots of a day', () => {
  it('cuts each window into slots with buffers, never crossing the window end', () => {
    expect(slotMinutesOfDay(rules, '2026-12-01')).toEqual([540, 570, 600, 630, 660, 690]);
    const buffered = { ...rules, slotMinutes: 40, bufferBeforeMinutes: 5, bufferAfterMinutes: 15, hours: [{ weekday: 2, opensMin: 540, closesMin: 720 }, { weekday: 2, opensMin: 780, closesMin: 900 }] };
    // 9:05, 10:05, 11:05 (11:05+40+15 = 12:00), then 13:05, 14:05 (14:05+55 = 15:00); 15 minutes of the morning stay unused
    expect(slotMinutesOfDay(buffered, '2026-12-01')).toEqual([545, 605, 665, 785, 845]);
    expect(slotMinutesOfDay({ ...buffered, hours: [{ weekday: 2, opensMin: 540, closesMin: 719 }] }, '2026-12-01')).toEqual([545, 605]);
    expect(slotMinutesOfDay(rules, '2026-12-05')).toEqual([]); // Saturday
  });

  it('keeps JST wall-clock times on every day from 1990 to 2060: month ends, 3/31→4/1, 年末年始, leap days', () => {
    const rand = seeded(20261121);
    const days = ['2024-02-28', '2024-02-29', '2024-03-01', '2025-03-31', '2025-04-01', '2025-12-31', '2026-01-01', '2000-02-29', '2100-02-28', '2100-03-01'];
    for (let i = 0; i < 100; i++) {
      const y = int(rand, 1990, 2060);
      const m = int(rand, 1, 12);
      days.push(formatIsoDate(y, m, rand() < 0.5 ? daysInMonth(y, m) : int(rand, 1, daysInMonth(y, m)))); // half of them month ends
    }
    for (const date of days) {
      const cal = calendar({ rules: { ...rules, hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMin: 0, closesMin: 1440 })) }, from: date, to: date, closures: noClosures, capacity: 1, booked: new Map(), now: new Date('1980-01-01') });
      const slots = cal[0]!.slots;
      expect(slots).toHaveLength(48);
      expect(slots[0]!.startsAt).toBe(`${addDays(date, -1)}T15:00:00.000Z`); // 00:00 JST
      for (const s of slots) {
        expect(toJstDateString(s.startsAt)).toBe(date);
        expect(jstTime(s.startsAt)).toBe(s.time);
        expect(slotAt({ ...rules, hours: [{ weekday: dayOfWeek(date), opensMin: 0, closesMin: 1440 }] }, new Date(s.startsAt), () => null)?.startsAt).toBe(s.startsAt);
      }
    }
  });

  it('lists consecutive days with no gap or repeat across month and fiscal-year ends', () => {
    const cal = calendar({ rules, from: '2027-03-29', to: '2027-04-02', closures: noClosures, capacity: 3, booked: new Map(), now: new Date('2027-03-01T00:00:00Z') });
    expect(cal.map((d) => d.date)).toEqual(['2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02']);
    expect(cal.every((d) => d.slots.length === 6 && d.free === 18)).toBe(true);
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2027-02').to).toBe('2027-02-28');
    expect(monthRange('2027-12').to).toBe('2027-12-31');
    expect(() => monthRange('2027-13')).toThrow(RangeError);
  });

  it('closes days named in the closures and says why; counts booked seats and full slots', () => {
    const nine = '2026-12-01T00:00:00.000Z';
    const cal = calendar({
      rules, from: '2026-11-30', to: '2026-12-05', closures: new Map([['2026-12-02', 'closed' as const], ['2026-12-03', 'holiday' as const]]),
      capacity: 2, booked: new Map<string, number | { booked: number; capacity: number }>([[nine, 2], ['2026-12-01T00:30:00.000Z', { booked: 1, capacity: 5 }]]), now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(cal.map((d) => d.closed)).toEqual([null, null, 'closed', 'holiday', null, 'no_hours']);
    const dec1 = cal[1]!;
    expect(dec1.slots[0]).toMatchObject({ startsAt: nine, time: '09:00', state: 'full', free: 0 });
    expect(dec1.slots[1]).toMatchObject({ time: '09:30', capacity: 5, booked: 1, free: 4, state: 'open' });
    expect(dec1.free).toBe(4 + 4 * 2);
  });

  it('opens booking at JST midnight N days before and closes it M hours before the start', () => {
    const r = { opensDaysAhead: 30, closesHoursBefore: 24 };
    const start = new Date('2026-12-31T01:00:00Z'); // 10:00 JST on 12/31
    expect(windowState(r, '2026-12-31', start, new Date('2026-11-30T14:59:59Z'))).toBe('not_yet_open');
    expect(windowState(r, '2026-12-31', start, new Date('2026-11-30T15:00:00Z'))).toBe('open'); // 12/1 00:00 JST
    expect(windowState(r, '2026-12-31', start, new Date('2026-12-30T01:00:00Z'))).toBe('open');
    expect(windowState(r, '2026-12-31', start, new Date('2026-12-30T01:00:01Z'))).toBe('closed');
    expect(windowState(r, '2026-12-31', start, start)).toBe('past');
  });

  it('marks slots up to the lottery day as lottery while the draw is pending', () => {
    const cal = calendar({ rules, from: '2026-12-01', to: '2026-12-02', closures: noClosures, capacity: 1, booked: new Map(), now: new Date('2026-11-01T00:00:00Z'), lotteryUntil: '2026-12-01' });
    expect(cal[0]!.slots.every((s) => s.state === 'lottery')).toBe(true);
    expect(cal[0]!.free).toBe(0);
    expect(cal[1]!.slots.every((s) => s.state === 'open')).toBe(true);
  });

  it('finds the slot a start names, and refuses other times and closed days', () => {
    expect(slotAt(rules, new Date('2026-12-01T00:30:00Z'), () => null)).toMatchObject({ date: '2026-12-01', time: '09:30', endsAt: '2026-12-01T01:00:00.000Z' });
    expect(slotAt(rules, new Date('2026-12-01T00:31:00Z'), () => null)).toBeNull();
    expect(slotAt(rules, new Date('2026-12-01T03:00:00Z'), () => null)).toBeNull(); // 12:00, after the last slot
    expect(slotAt(rules, new Date('2026-12-01T00:30:00Z'), () => 'holiday')).toBeNull();
    expect(slotAt(rules, new Date('nonsense'), () => null)).toBeNull();
  });

  it('shows the same window state in the calendar as the booking check uses (property)', () => {
    const rand = seeded(77);
    for (let i = 0; i < 200; i++) {
      const r = { ...rules, opensDaysAhead: int(rand, 1, 90), closesHoursBefore: int(rand, 0, 72) };
      const now = new Date(Date.parse('2026-11-01T00:00:00Z') + int(rand, 0, 120 * 24 * 60) * 60_000);
      const date = addDays('2026-11-01', int(rand, 0, 120));
      for (const s of calendar({ rules: r, from: date, to: date, closures: noClosures, capacity: 1, booked: new Map(), now })[0]!.slots) {
        expect(s.state).toBe(windowState(r, date, new Date(s.startsAt), now));
      }
    }
  });
});
