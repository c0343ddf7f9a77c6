import { API_ERROR_EVENT, ApiError } from '../../app/api.ts';

// Every call the citizen pages make to /t/{slug}/api/reservations (see src/modules/reservations/README.md).

/** An exam of a checkup with its eligibility rules. */
export interface ExamType {
  id: string; code: string; name: string; capacityPerSlot: number;
  eligibility: { sex: string | null; minAge: number | null; maxAge: number | null; intervalFiscalYears: number | null };
}
/** A resource citizens can book. */
export interface PublicResource {
  id: string; kind: string; name: string; description: string; venue: string; slotMinutes: number;
  opensDaysAhead: number; closesHoursBefore: number; approvalRequired: boolean; limitPerPerson: number | null;
  examTypes: ExamType[]; lottery: { entriesUntil: string; slotsUntil: string; drawn: boolean } | null; ageBasis: string;
}
/** One slot of a day. */
export interface Slot { date: string; time: string; startsAt: string; endsAt: string; capacity: number; booked: number; free: number; state: string }
/** One day of the month calendar. */
export interface CalendarDay { date: string; weekday: number; free: number; closed: string | null; note: string | null; slots: Slot[] }
/** A month of slots. */
export interface MonthCalendar { resourceId: string; examTypeId: string | null; month: string; days: CalendarDay[] }
/** A booking as its holder sees it. */
export interface PublicBooking {
  reference: string; status: string; resourceId: string; resourceName: string; venue: string;
  examTypeId: string | null; examName: string | null; startsAt: string; endsAt: string; provisionalUntil: string | null;
  name: string; canCancel: boolean; canChange: boolean; canConfirm: boolean;
}
/** A booking just made, with the token of its manage page. */
export interface BookingCreated extends PublicBooking { manageToken: string | null }
/** A lottery entry just made: the result comes by email after the draw. */
export interface LotteryEntered { status: string; startsAt: string }
/** What the booking form sends. */
export interface BookingBody {
  startsAt: string; examTypeId?: string | null; name: string; kana?: string; email?: string | null; phone?: string | null;
  birthDate?: string | null; sex?: 'female' | 'male' | 'other' | null; lang?: string; waitlist?: boolean;
}

/** An API error with the server's details (e.g. the eligibility rule refused). */
export class ReservationError extends ApiError {
  constructor(status: number, code: string, message: string, field: string | undefined, public details: { rule?: string }[]) {
    super(status, code, message, field);
  }
}

function csrf(): string {
  const c = document.cookie.split('; ').find((x) => x.startsWith('yakuba_csrf='));
  return c ? decodeURIComponent(c.slice('yakuba_csrf='.length)) : '';
}

async function call<T>(slug: string, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf();
  let res: Response;
  try {
    res = await fetch(`/t/${encodeURIComponent(slug)}/api/reservations${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ReservationError(0, 'network', '', undefined, []);
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; field?: string; details?: { rule?: string }[] } } | null)?.error;
    const err = new ReservationError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', e?.field?.replace(/^(body[./])/, ''), Array.isArray(e?.details) ? e.details : []);
    window.dispatchEvent(new CustomEvent(API_ERROR_EVENT, { detail: err }));
    throw err;
  }
  return data as T;
}

const id = encodeURIComponent;

/** The citizen reservations API of one tenant. */
export function reservationsApi(slug: string) {
  return {
    resources: (lang: string) => call<{ items: PublicResource[] }>(slug, 'GET', `/resources?lang=${id(lang)}`),
    resource: (resourceId: string, lang: string) => call<PublicResource>(slug, 'GET', `/resources/${id(resourceId)}?lang=${id(lang)}`),
    month: (resourceId: string, month: string, examTypeId: string | null, lang: string) =>
      call<MonthCalendar>(slug, 'GET', `/resources/${id(resourceId)}/slots?month=${month}${examTypeId ? `&examTypeId=${id(examTypeId)}` : ''}&lang=${id(lang)}`),
    book: (resourceId: string, key: string, body: BookingBody) =>
      call<BookingCreated>(slug, 'POST', `/resources/${id(resourceId)}/bookings`, body, { 'idempotency-key': key }),
    booking: (token: string) => call<PublicBooking>(slug, 'GET', `/bookings/${id(token)}`),
    cancel: (token: string) => call<PublicBooking>(slug, 'POST', `/bookings/${id(token)}/cancel`, {}),
    change: (token: string, body: { startsAt: string; examTypeId?: string | null }) => call<BookingCreated>(slug, 'POST', `/bookings/${id(token)}/change`, body),
    confirm: (token: string) => call<PublicBooking>(slug, 'POST', `/bookings/${id(token)}/confirm`, {}),
    enterLottery: (resourceId: string, body: Omit<BookingBody, 'waitlist'>) =>
      call<LotteryEntered>(slug, 'POST', `/resources/${id(resourceId)}/lottery-entries`, body),
    myBookings: (lang: string) => call<{ items: PublicBooking[] }>(slug, 'GET', `/me/bookings?lang=${id(lang)}`),
  };
}

/** The object reservationsApi returns. */
export type ReservationsApi = ReturnType<typeof reservationsApi>;

/** A fresh random key for one booking attempt (Idempotency-Key), also on plain-http installs. */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
