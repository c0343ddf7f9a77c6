import { ApiError } from '../../../app/api.ts';

/**
 * Runs an API call and names a nested field of its 400 by the form value holding it (`name.ja` →
 * `name`, `points[3].lat` → `points`), so useForm shows it beside that control.
 */
export async function topField<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && e.field) throw new ApiError(e.status, e.code, e.message, e.field.split(/[.[]/)[0]);
    throw e;
  }
}

/** Non-empty trimmed lines (or comma-separated parts) of a textarea. */
export function listOf(text: string, commas = false): string[] {
  return text.split(commas ? /[\n,、，]/ : /\n/).map((s) => s.trim()).filter(Boolean);
}

/** Today in JST as YYYY-MM-DD. */
export function todayJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Classes of a framed section of an edit form. */
export const BOX = 'mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6';
/** Classes of its legend. */
export const LEGEND = 'px-2 text-std-18B-160';
