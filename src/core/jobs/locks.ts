import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';

/**
 * Takes the lease of a scheduled job when it is due and nobody holds it, so across all processes
 * sharing the database one runs it, once per interval. A process that dies lets the lease expire.
 */
export async function takeJobLease(db: Database, name: string, worker: string, everyMs: number, leaseMs: number): Promise<boolean> {
  await db.rows(sql`insert into job_locks (name) values (${name}) on conflict (name) do nothing`);
  const rows = await db.rows(sql`update job_locks set locked_by = ${worker}, locked_until = now() + make_interval(secs => ${leaseMs / 1000})
    where name = ${name} and (locked_until is null or locked_until < now())
      and (last_run_at is null or last_run_at <= now() - make_interval(secs => ${everyMs / 1000}))
    returning name`);
  return rows.length === 1;
}

/** Ends a lease and records the run, so the next one is due `everyMs` later. */
export async function releaseJobLease(db: Database, name: string, worker: string): Promise<void> {
  await db.rows(sql`update job_locks set locked_by = null, locked_until = null, last_run_at = now() where name = ${name} and locked_by = ${worker}`);
}
