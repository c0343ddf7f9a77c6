import { query, type TenantApi } from '../../app/api.ts';

// Every staff call of the reservations module (/api/admin/reservations/…; see src/modules/reservations/README.md).

const base = '/admin/reservations';
const enc = encodeURIComponent;

/** Kinds of bookable resource; meeting rooms and vehicles are always staff-only. */
export const KINDS = ['checkup', 'facility', 'interview', 'meeting_room', 'vehicle'] as const;
/** Booking statuses in their usual order. */
export const BOOKING_STATUSES = ['provisional', 'confirmed', 'checked_in', 'no_show', 'cancelled', 'waitlisted'] as const;

/** Weekly opening window (JST wall clock). */
export interface Hours { weekday: number; opens: string; closes: string }
/** An exam of a checkup with its capacity and eligibility. */
export interface ExamTypeInput {
  code: string; nameJa: string; nameEn?: string; capacityPerSlot: number;
  sex?: 'female' | 'male' | null; minAge?: number | null; maxAge?: number | null; intervalFiscalYears?: number | null;
}
/** A closed date (or a holiday opened anyway). */
export interface DayOverride { date: string; closed: boolean; note?: string }
/** What staff send to create or replace a resource. */
export interface ResourceInput {
  kind: string; staffOnly?: boolean; nameJa: string; nameEn?: string; nameEasy?: string; descriptionJa?: string; descriptionEn?: string;
  venueJa?: string; venueEn?: string; departmentId?: string | null; slotMinutes: number; bufferBeforeMinutes?: number; bufferAfterMinutes?: number;
  seatsPerSlot?: number; opensDaysAhead?: number; closesHoursBefore?: number; limitPerPerson?: number; approvalRequired?: boolean;
  closeOnHolidays?: boolean; closeOnNewYear?: boolean; lottery?: { entriesUntil: string; slotsUntil: string } | null; active?: boolean;
  hours: Hours[]; examTypes?: ExamTypeInput[]; dayOverrides?: DayOverride[];
}
/** A stored resource. */
export interface AdminResource extends ResourceInput {
  id: string; staffOnly: boolean; examTypes: (ExamTypeInput & { id: string })[];
  lotteryDrawnAt: string | null; feedEnabled: boolean; createdAt: string; updatedAt: string;
}
/** The PUT answer: days the new rules close that still hold live bookings. */
export interface SavedResource extends AdminResource { warnings?: { bookingsOnClosedDays: { date: string; count: number }[] } }
/** A booking on the roster, with contact details. */
export interface RosterBooking {
  id: string; reference: string; status: string; channel: string; examTypeId: string | null; examName: string | null;
  startsAt: string; endsAt: string; name: string; kana: string; email: string | null; phone: string | null;
  birthDate: string | null; sex: string | null; note: string; provisionalUntil: string | null; checkedInAt: string | null; createdAt: string;
}
/** One slot of the calendar. */
export interface Slot { date: string; time: string; startsAt: string; endsAt: string; capacity: number; booked: number; free: number; state: string }
/** A month of slots. */
export interface MonthCalendar { days: { date: string; closed: string | null; note: string | null; slots: Slot[] }[] }
/** A phone caller's booking. */
export interface PhoneBookingInput { startsAt: string; examTypeId?: string | null; name: string; kana?: string; phone?: string | null; birthDate?: string | null; sex?: 'female' | 'male' | null; note?: string }
/** A staff action on a booking. */
export type BookingAction = 'check-in' | 'no-show' | 'approve' | 'undo' | 'cancel';
/** A department to choose. */
export interface DepartmentOption { id: string; nameJa: string; nameEn: string }

/** Resources and their rules. */
export const resources = {
  list: async (api: TenantApi) => (await api.get<{ items: AdminResource[] }>(`${base}/resources`)).items,
  get: (api: TenantApi, id: string) => api.get<AdminResource>(`${base}/resources/${enc(id)}`),
  create: (api: TenantApi, body: ResourceInput) => api.post<AdminResource>(`${base}/resources`, body),
  update: (api: TenantApi, id: string, body: ResourceInput) => api.put<SavedResource>(`${base}/resources/${enc(id)}`, body),
  draw: (api: TenantApi, id: string) => api.post<{ won: number; lost: number }>(`${base}/resources/${enc(id)}/lottery/draw`, {}),
  remove: (api: TenantApi, id: string) => api.del<void>(`${base}/resources/${enc(id)}`),
  feed: (api: TenantApi, id: string, enabled: boolean) => api.post<{ url: string | null }>(`${base}/resources/${enc(id)}/feed`, { enabled }),
};

/** The roster and the counter's actions. */
export const bookings = {
  venueRoster: async (api: TenantApi, venue: string, date: string) =>
    (await api.get<{ items: (RosterBooking & { resourceId: string; resourceName: string })[] }>(`${base}/roster${query({ date, venue })}`)).items,
  roster: async (api: TenantApi, resourceId: string, date: string) =>
    (await api.get<{ items: RosterBooking[] }>(`${base}/resources/${enc(resourceId)}/roster${query({ date })}`)).items,
  act: (api: TenantApi, id: string, action: BookingAction) => api.post<RosterBooking>(`${base}/bookings/${enc(id)}/${action}`),
  phone: (api: TenantApi, resourceId: string, key: string, body: PhoneBookingInput) =>
    api.post<{ reference: string }>(`${base}/resources/${enc(resourceId)}/bookings`, body, { 'idempotency-key': key }),
  /** The month's slots (the public calendar; signed-in staff also see staff-only resources). */
  month: (api: TenantApi, resourceId: string, month: string, examTypeId: string | null) =>
    api.get<MonthCalendar>(`/reservations/resources/${enc(resourceId)}/slots${query({ month, examTypeId })}`),
  /** Download address of the day's CSV. */
  csvHref: (slug: string, resourceId: string, date: string, encoding: 'utf8' | 'cp932') =>
    `/t/${enc(slug)}/api${base}/resources/${enc(resourceId)}/bookings.csv${query({ date, encoding })}`,
};

/** The tenant's departments (any staff member may list them). */
export async function listDepartments(api: TenantApi): Promise<DepartmentOption[]> {
  const r = await api.get<{ departments: { id: string; nameJa?: string; nameEn?: string; name?: { ja?: string; en?: string } }[] }>('/admin/core/departments');
  return r.departments.map((d) => ({ id: String(d.id), nameJa: d.nameJa ?? d.name?.ja ?? '', nameEn: d.nameEn ?? d.name?.en ?? '' }));
}

/** Today's date in JST as YYYY-MM-DD. */
export function todayJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** HH:MM in JST of an instant. */
export function jstTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(11, 16);
}
