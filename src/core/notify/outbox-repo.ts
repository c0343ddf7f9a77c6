import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';

/** What the outbox carries. */
export type Channel = 'email' | 'push' | 'event';
/** Where a message is in its life: queued, being sent, sent, waiting for a retry, given up. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

/** An outbox row as stored. */
export interface OutboxRow {
  tenant_id: string;
  id: string;
  channel: Channel;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date | string;
  locked_by: string | null;
  locked_until: Date | string | null;
  sent_at: Date | string | null;
  delivered_via: string | null;
  last_error: string | null;
  created_at: Date | string;
}

/** Queues a message in the caller's transaction, so it exists exactly when the change that caused it commits. */
export async function enqueue(tx: Tx, tenantId: string, channel: Channel, payload: Record<string, unknown>): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into outbox (tenant_id, channel, payload) values (${tenantId}, ${channel}, ${JSON.stringify(payload)}::jsonb) returning id`);
  return row.id;
}

/** Queues several messages with one statement (e.g. a batch of receipts); ids in input order. */
export async function enqueueMany(tx: Tx, items: { tenantId: string; channel: Channel; payload: Record<string, unknown> }[]): Promise<string[]> {
  if (items.length === 0) return [];
  const values = sql.join(items.map((i) => sql`(${i.tenantId}::uuid, ${i.channel}, ${JSON.stringify(i.payload)}::jsonb)`), sql`, `);
  const rows = await txRows<{ id: string }>(tx, sql`insert into outbox (tenant_id, channel, payload) values ${values} returning id`);
  return rows.map((r) => r.id);
}

/**
 * Claims up to `limit` due messages for one worker. SKIP LOCKED lets concurrent workers pass over rows
 * another has locked, and the re-check of the WHERE clause under READ COMMITTED keeps a row claimed once.
 * Rows whose lease ran out (a worker died mid-send) are claimed again.
 */
export async function claimDue(db: Database, worker: string, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  return db.rows<OutboxRow>(sql`update outbox set status = 'sending', locked_by = ${worker},
      locked_until = now() + make_interval(secs => ${leaseMs / 1000})
    where id in (
      select id from outbox
      where (status in ('pending', 'failed') and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
      order by created_at limit ${limit}
      for update skip locked)
    returning *`);
}

/** Marks a claimed message sent (only while this worker still holds it). */
export async function markSent(db: Database, id: string, worker: string, via: string): Promise<boolean> {
  const rows = await db.rows(sql`update outbox set status = 'sent', sent_at = now(), delivered_via = ${via}, attempts = attempts + 1,
      last_error = null, locked_by = null, locked_until = null
    where id = ${id} and locked_by = ${worker} and status = 'sending' returning id`);
  return rows.length === 1;
}

/** Records a failed attempt: retried after `backoffMs`, or dead after the last attempt; keeps partial progress. */
export async function markFailed(db: Database, id: string, worker: string, error: string, opts: { maxAttempts: number; backoffMs: (attempts: number) => number; progress?: string[] }): Promise<OutboxStatus | null> {
  const [row] = await db.rows<{ attempts: number }>(sql`select attempts from outbox where id = ${id} and locked_by = ${worker}`);
  if (!row) return null;
  const attempts = row.attempts + 1;
  const status: OutboxStatus = attempts >= opts.maxAttempts ? 'dead' : 'failed';
  const progress = opts.progress ? sql`payload || jsonb_build_object('done', ${JSON.stringify(opts.progress)}::jsonb)` : sql`payload`;
  await db.rows(sql`update outbox set status = ${status}, attempts = ${attempts}, last_error = ${error.slice(0, 2000)},
      next_attempt_at = now() + make_interval(secs => ${opts.backoffMs(attempts) / 1000}), payload = ${progress},
      locked_by = null, locked_until = null
    where id = ${id} and locked_by = ${worker}`);
  return status;
}

/** Lists the tenant's outbox for the admin screen, newest first. */
export async function listOutbox(tx: Tx, f: { status?: OutboxStatus; channel?: Channel; limit: number; offset: number }): Promise<{ total: number; rows: OutboxRow[] }> {
  const conds: SQL[] = [sql`true`];
  if (f.status) conds.push(sql`status = ${f.status}`);
  if (f.channel) conds.push(sql`channel = ${f.channel}`);
  const where = sql.join(conds, sql` and `);
  const [{ total }] = await txRows<{ total: number }>(tx, sql`select count(*)::int as total from outbox where ${where}`);
  const rows = await txRows<OutboxRow>(tx, sql`select * from outbox where ${where} order by created_at desc, id limit ${f.limit} offset ${f.offset}`);
  return { total, rows };
}

/** One outbox message of the tenant, or undefined. */
export async function getOutbox(tx: Tx, id: string): Promise<OutboxRow | undefined> {
  const [row] = await txRows<OutboxRow>(tx, sql`select * from outbox where id = ${id}`);
  return row;
}

/** Puts a failed or dead message back in the queue with a fresh set of attempts. */
export async function requeue(tx: Tx, id: string): Promise<boolean> {
  const rows = await txRows(tx, sql`update outbox set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null
    where id = ${id} and status in ('failed', 'dead') returning id`);
  return rows.length === 1;
}
