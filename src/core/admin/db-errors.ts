import { sql, type SQL } from 'drizzle-orm';
import { AppError, conflict } from '../http/errors.ts';

/** The SQLSTATE of a database error, looking through the wrappers Drizzle and the drivers add. */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Runs a write and turns unique violations into 409 on `field` and foreign-key violations into 409 `in_use`. */
export async function mapDbErrors<T>(field: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === '23505') throw conflict(field);
    if (code === '23503') throw new AppError(409, 'in_use', 'error.conflict', { field: 'id' }, 'id');
    throw err;
  }
}

/** A uuid[] parameter from ids already validated as UUIDs by the route schema. */
export function uuidArray(ids: string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
