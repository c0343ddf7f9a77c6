import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/**
 * A feed client of a month as a salted hash: the salt is derived from the platform secret and the
 * month, so nobody can reverse it to an address or follow a phone from one month to the next.
 */
export function feedClientHash(secret: string, month: string, ip: string, userAgent: string): string {
  const salt = createHmac('sha256', secret).update(`garbage.feed-clients:${month}`).digest();
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('hex');
}

/** Counts one distinct client for the month (idempotent). */
export async function countFeedClient(tx: Tx, tenantId: string, month: string, hash: string): Promise<void> {
  await tx.execute(sql`insert into garbage_feed_clients (tenant_id, month, client_hash) values (${tenantId}, ${month}::date, ${hash}) on conflict do nothing`);
}

/** Distinct feed clients in the months that [from, to) touches (months are the finest grain kept). */
export async function feedClientsBetween(tx: Tx, fromMonth: string, toMonth: string): Promise<number> {
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from garbage_feed_clients where month >= ${fromMonth}::date and month <= ${toMonth}::date`);
  return Number(row?.n ?? 0);
}
