import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';

/** A browser's push subscription as the Push API gives it. */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A stored subscription. */
export interface SubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** Saves (or refreshes the keys of) a subscription for an audience of the tenant of the transaction. */
export async function upsertSubscription(tx: Tx, tenantId: string, audience: string, s: PushSubscriptionInput): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into push_subscriptions (tenant_id, audience, endpoint, p256dh, auth)
    values (${tenantId}, ${audience}, ${s.endpoint}, ${s.keys.p256dh}, ${s.keys.auth})
    on conflict (tenant_id, audience, endpoint) do update set p256dh = excluded.p256dh, auth = excluded.auth returning id`);
  return row.id;
}

/** Removes a browser's subscriptions in the tenant (all audiences, or one). */
export async function deleteSubscription(tx: Tx, endpoint: string, audience?: string): Promise<number> {
  const rows = audience
    ? await txRows(tx, sql`delete from push_subscriptions where endpoint = ${endpoint} and audience = ${audience} returning id`)
    : await txRows(tx, sql`delete from push_subscriptions where endpoint = ${endpoint} returning id`);
  return rows.length;
}

/** The subscriptions a push message goes to (runner, as owner). */
export async function subscriptionsOf(db: Database, tenantId: string, audience: string): Promise<SubscriptionRow[]> {
  return db.rows<SubscriptionRow>(sql`select id, endpoint, p256dh, auth from push_subscriptions where tenant_id = ${tenantId} and audience = ${audience} order by created_at`);
}

/** Forgets an endpoint the push service says is gone (404/410), in every tenant. */
export async function forgetEndpoint(db: Database, endpoint: string): Promise<void> {
  await db.rows(sql`delete from push_subscriptions where endpoint = ${endpoint}`);
}
