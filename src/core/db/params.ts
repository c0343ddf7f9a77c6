import { sql, type SQL } from 'drizzle-orm';

// Drizzle spreads a JS array into a list of parameters; these pass one JSON parameter instead, which
// is safe for any text (quotes, commas, braces) and works the same on PGlite and node-postgres.

/** A text[] value. */
export const textArray = (values: readonly string[]): SQL => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;
/** A uuid[] value. */
export const uuidArray = (values: readonly string[]): SQL => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
/** An int[] value. */
export const intArray = (values: readonly number[]): SQL => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::int)`;
/** A jsonb value (null stays SQL null). */
export const jsonb = (value: unknown): SQL => (value == null ? sql`null::jsonb` : sql`${JSON.stringify(value)}::jsonb`);

/** Whether an error (or one it wraps, as Drizzle does) is the database's refusal with this SQLSTATE, optionally naming a constraint. */
export function isDbError(err: unknown, code: string, constraint?: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === code && (!constraint || String(e.constraint ?? e.message ?? '').includes(constraint))) return true;
  }
  return false;
}
