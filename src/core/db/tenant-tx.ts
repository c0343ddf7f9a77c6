import { sql } from 'drizzle-orm';
import { resultRows, type Database, type Tx } from './connection.ts';

/** The role every tenant query runs as; Row Level Security applies to it because it owns no table. */
export const APP_ROLE = 'yakuba_app';

/**
 * Runs `fn` in a transaction as the app role with the tenant set for this transaction only,
 * so Row Level Security confines every statement to that tenant's rows — even one that forgets a WHERE.
 */
export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx as unknown as Tx);
  });
}

/** Runs `fn` in a transaction as the owner, across tenants: only for migrations, jobs and the CLI. */
export async function withSystem<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => fn(tx as unknown as Tx));
}

/** Runs a raw query on a transaction and returns its rows. */
export async function txRows<T = Record<string, unknown>>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  return resultRows<T>(await tx.execute(query));
}
