import { AppError } from '../../core/http/errors.ts';

/** Whether an error (or one it wraps, as Drizzle does) is the database's refusal with this SQLSTATE, optionally naming a constraint. */
export function isDbError(err: unknown, code: string, constraint?: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === code && (!constraint || String(e.constraint ?? e.message ?? '').includes(constraint))) return true;
  }
  return false;
}

/** The CHECK that keeps every slot within its capacity refused a seat (the slot is full). */
export const isOverbooked = (err: unknown) => isDbError(err, '23514', 'reservations_slots_not_overbooked');

/** The client error for a database refusal a booking can meet (the slot filled meanwhile), or the error itself. */
export function reservationError(err: unknown): unknown {
  return isOverbooked(err) ? new AppError(409, 'slot_full', 'reservations.booking.full', {}, 'startsAt') : err;
}
