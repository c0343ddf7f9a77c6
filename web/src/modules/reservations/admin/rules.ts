import type { AdminResource, DayOverride, ExamTypeInput, Hours, ResourceInput } from '../admin-api.ts';
import { fromLocalInput, toLocalInput } from '../../../app/format.ts';

// The resource editor's form values (all text, as inputs hold them) and their conversion to and from the API's ResourceInput.

/** One exam type row of the editor. */
export interface ExamRow { id?: string; code: string; nameJa: string; nameEn: string; capacity: string; sex: string; minAge: string; maxAge: string; interval: string }
/** Weekday keys of the hours fields. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
/** Names of the numeric fields. */
export const NUMBER_FIELDS = ['slotMinutes', 'bufferBefore', 'bufferAfter', 'seatsPerSlot', 'opensDaysAhead', 'closesHoursBefore', 'limitPerPerson'] as const;

/** The editor's values. */
export type Values = {
  kind: string; nameJa: string; nameEn: string; descriptionJa: string; venueJa: string; departmentId: string;
  staffOnly: boolean; active: boolean; approvalRequired: boolean; closeOnHolidays: boolean; closeOnNewYear: boolean;
  closedDates: string; openDates: string; lotteryOn: boolean; lotteryEntriesUntil: string; lotterySlotsUntil: string;
  exams: ExamRow[];
} & Record<(typeof NUMBER_FIELDS)[number], string> & Record<`hours${number}`, string>;

/** An empty exam row. */
export const emptyExam = (): ExamRow => ({ code: '', nameJa: '', nameEn: '', capacity: '1', sex: '', minAge: '', maxAge: '', interval: '' });

/** Values of a new resource: weekdays 9:00–12:00 and 13:00–16:00, 30-minute slots. */
export function initialValues(): Values {
  const hours = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [`hours${d}`, d >= 1 && d <= 5 ? '09:00-12:00, 13:00-16:00' : '']));
  return {
    kind: 'facility', nameJa: '', nameEn: '', descriptionJa: '', venueJa: '', departmentId: '',
    staffOnly: false, active: true, approvalRequired: false, closeOnHolidays: true, closeOnNewYear: true,
    closedDates: '', openDates: '', lotteryOn: false, lotteryEntriesUntil: '', lotterySlotsUntil: '', exams: [],
    slotMinutes: '30', bufferBefore: '0', bufferAfter: '0', seatsPerSlot: '1', opensDaysAhead: '60', closesHoursBefore: '24', limitPerPerson: '0',
    ...hours,
  } as Values;
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const lines = (list: DayOverride[]) => list.map((o) => `${o.date}${o.note ? ` ${o.note}` : ''}`).join('\n');

/** A stored resource as editor values. */
export function toValues(r: AdminResource): Values {
  const hours = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [`hours${d}`, r.hours.filter((h) => h.weekday === d).map((h) => `${h.opens}-${h.closes}`).join(', ')]));
  const overrides = r.dayOverrides ?? [];
  return {
    kind: r.kind, nameJa: r.nameJa, nameEn: r.nameEn ?? '', descriptionJa: r.descriptionJa ?? '', venueJa: r.venueJa ?? '', departmentId: r.departmentId ?? '',
    staffOnly: r.staffOnly, active: r.active ?? true, approvalRequired: !!r.approvalRequired, closeOnHolidays: r.closeOnHolidays ?? true, closeOnNewYear: r.closeOnNewYear ?? true,
    closedDates: lines(overrides.filter((o) => o.closed)), openDates: lines(overrides.filter((o) => !o.closed)),
    lotteryOn: !!r.lottery, lotteryEntriesUntil: toLocalInput(r.lottery?.entriesUntil), lotterySlotsUntil: r.lottery?.slotsUntil ?? '',
    exams: r.examTypes.map((e) => ({ id: e.id, code: e.code, nameJa: e.nameJa, nameEn: e.nameEn ?? '', capacity: String(e.capacityPerSlot), sex: e.sex ?? '', minAge: str(e.minAge), maxAge: str(e.maxAge), interval: str(e.intervalFiscalYears) })),
    slotMinutes: String(r.slotMinutes), bufferBefore: str(r.bufferBeforeMinutes ?? 0), bufferAfter: str(r.bufferAfterMinutes ?? 0), seatsPerSlot: str(r.seatsPerSlot ?? 1),
    opensDaysAhead: str(r.opensDaysAhead ?? 60), closesHoursBefore: str(r.closesHoursBefore ?? 0), limitPerPerson: str(r.limitPerPerson ?? 0),
    ...hours,
  } as Values;
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const pad = (t: string) => (/^\d:/.test(t) ? `0${t}` : t);

/** "09:00-12:00, 13:00-16:00" → windows, or null when a part is malformed. */
export function parseHours(text: string, weekday: number): Hours[] | null {
  const out: Hours[] = [];
  for (const part of text.split(/[,、，\s]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}:\d{2})[-〜~－](\d{1,2}:\d{2})$/.exec(part);
    if (!m) return null;
    const [opens, closes] = [pad(m[1]), pad(m[2])];
    if (!TIME.test(opens) || !TIME.test(closes) || closes <= opens) return null;
    out.push({ weekday, opens, closes });
  }
  return out;
}

/** Lines "YYYY-MM-DD note" → overrides; the 1-based number of the first bad line, or the list. */
export function parseDates(text: string, closed: boolean): DayOverride[] | number {
  const out: DayOverride[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].trim();
    if (!row) continue;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$/.exec(row);
    if (!m || Number.isNaN(Date.parse(m[1]))) return i + 1;
    out.push({ date: m[1], closed, ...(m[2] ? { note: m[2].slice(0, 200) } : {}) });
  }
  return out;
}

const num = (v: string) => Number.parseInt(v, 10);
const opt = (v: string) => (v.trim() === '' ? null : num(v));

/** Client-side checks: field → message key and params. */
export function check(v: Values): Record<string, [string, Record<string, string | number>?]> {
  const errors: Record<string, [string, Record<string, string | number>?]> = {};
  if (!v.nameJa.trim()) errors.nameJa = ['form.required'];
  for (const f of NUMBER_FIELDS) if (!/^\d+$/.test(v[f].trim())) errors[f] = ['reservations.admin.whole_number'];
  for (const d of WEEKDAYS) if (parseHours(v[`hours${d}`], d) === null) errors[`hours${d}`] = ['reservations.admin.hours_invalid'];
  for (const [field, closed] of [['closedDates', true], ['openDates', false]] as const) {
    const r = parseDates(v[field], closed);
    if (typeof r === 'number') errors[field] = ['reservations.admin.dates_invalid', { line: r }];
  }
  if (v.kind === 'checkup' && v.exams.length === 0) errors.exams = ['reservations.admin.exam_needed'];
  v.exams.forEach((e, i) => {
    if (!/^[a-z0-9_-]{1,40}$/.test(e.code)) errors[`exams.${i}.code`] = ['reservations.admin.exam_code_invalid'];
    if (!e.nameJa.trim()) errors[`exams.${i}.nameJa`] = ['form.required'];
    if (!/^\d+$/.test(e.capacity) || num(e.capacity) < 1) errors[`exams.${i}.capacity`] = ['reservations.admin.whole_number'];
    for (const f of ['minAge', 'maxAge', 'interval'] as const) if (e[f].trim() && !/^\d+$/.test(e[f].trim())) errors[`exams.${i}.${f}`] = ['reservations.admin.whole_number'];
  });
  if (v.lotteryOn && !v.lotteryEntriesUntil) errors.lotteryEntriesUntil = ['form.required'];
  if (v.lotteryOn && !v.lotterySlotsUntil) errors.lotterySlotsUntil = ['form.required'];
  return errors;
}

/** Checked editor values → the API's ResourceInput. */
export function toInput(v: Values): ResourceInput {
  const exams: ExamTypeInput[] = v.exams.map((e) => ({
    code: e.code, nameJa: e.nameJa.trim(), ...(e.nameEn.trim() ? { nameEn: e.nameEn.trim() } : {}), capacityPerSlot: num(e.capacity),
    // Empty rules are left out rather than sent as null: the server's validator coerces a null age to 0.
    ...(e.sex === 'female' || e.sex === 'male' ? { sex: e.sex } : {}),
    ...(opt(e.minAge) !== null ? { minAge: opt(e.minAge) } : {}), ...(opt(e.maxAge) !== null ? { maxAge: opt(e.maxAge) } : {}),
    ...(opt(e.interval) !== null ? { intervalFiscalYears: opt(e.interval) } : {}),
  }));
  return {
    kind: v.kind, staffOnly: v.staffOnly, nameJa: v.nameJa.trim(), nameEn: v.nameEn.trim() || undefined, descriptionJa: v.descriptionJa.trim() || undefined,
    venueJa: v.venueJa.trim() || undefined, departmentId: v.departmentId || null,
    slotMinutes: num(v.slotMinutes), bufferBeforeMinutes: num(v.bufferBefore), bufferAfterMinutes: num(v.bufferAfter), seatsPerSlot: Math.max(1, num(v.seatsPerSlot)),
    opensDaysAhead: Math.max(1, num(v.opensDaysAhead)), closesHoursBefore: num(v.closesHoursBefore), limitPerPerson: num(v.limitPerPerson),
    approvalRequired: v.approvalRequired, closeOnHolidays: v.closeOnHolidays, closeOnNewYear: v.closeOnNewYear, active: v.active,
    lottery: v.lotteryOn ? { entriesUntil: fromLocalInput(v.lotteryEntriesUntil) ?? '', slotsUntil: v.lotterySlotsUntil } : null,
    hours: WEEKDAYS.flatMap((d) => parseHours(v[`hours${d}`], d) ?? []),
    examTypes: v.kind === 'checkup' ? exams : [],
    dayOverrides: [...(parseDates(v.closedDates, true) as DayOverride[]), ...(parseDates(v.openDates, false) as DayOverride[])],
  };
}
