import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './db/connection.ts';

/**
 * The secret for signing cookies and tokens: SECRET_KEY when set, otherwise one generated on first
 * start and kept in the database so sessions survive a restart of an embedded installation.
 */
export async function resolveSecret(db: Database, configured: string): Promise<string> {
  if (configured) return configured;
  const fresh = randomBytes(32).toString('hex');
  await db.rows(sql`insert into installation (key, value) values ('secret_key', ${JSON.stringify(fresh)}::jsonb) on conflict (key) do nothing`);
  const [row] = await db.rows<{ value: string }>(sql`select value from installation where key = 'secret_key'`);
  return row.value;
}
