import webpush from 'web-push';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';

/** The installation's VAPID key pair (base64url). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** Reads the installation's VAPID keys, generating them on first use; two processes starting at once agree on one pair. */
export async function loadVapidKeys(db: Database): Promise<VapidKeys> {
  const [found] = await db.rows<{ value: VapidKeys }>(sql`select value from installation where key = 'vapid'`);
  if (found) return found.value;
  const fresh = webpush.generateVAPIDKeys();
  await db.rows(sql`insert into installation (key, value) values ('vapid', ${JSON.stringify(fresh)}::jsonb) on conflict (key) do nothing`);
  const [row] = await db.rows<{ value: VapidKeys }>(sql`select value from installation where key = 'vapid'`);
  return row.value;
}
