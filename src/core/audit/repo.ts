import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';

/** Filters of the audit screen; all optional and combined with AND. */
export interface AuditFilters {
  /** Action prefix, e.g. `auth.` or `core.role`. */
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  personalDataOnly?: boolean;
  from?: Date;
  to?: Date;
  /** Free text searched in action, actor, target and details. */
  q?: string;
  limit: number;
  offset: number;
}

/** An audit row as stored. */
export interface AuditRow {
  chain: number;
  seq: string | number;
  at: Date | string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  personal_data: boolean;
  details: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Searches the tenant's audit log (RLS confines it to the tenant of the transaction), newest first. */
export async function searchAuditRows(tx: Tx, f: AuditFilters): Promise<{ total: number; rows: AuditRow[] }> {
  const conds: SQL[] = [sql`true`];
  if (f.action) conds.push(sql`action like ${`${likeEscape(f.action)}%`}`);
  if (f.actorId) conds.push(sql`actor_id = ${f.actorId}`);
  if (f.targetType) conds.push(sql`target_type = ${f.targetType}`);
  if (f.targetId) conds.push(sql`target_id = ${f.targetId}`);
  if (f.personalDataOnly) conds.push(sql`personal_data`);
  if (f.from) conds.push(sql`at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) conds.push(sql`at < ${f.to.toISOString()}::timestamptz`);
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    conds.push(sql`(action ilike ${pattern} or actor_id ilike ${pattern} or target_id ilike ${pattern} or target_type ilike ${pattern} or details::text ilike ${pattern})`);
  }
  const where = sql.join(conds, sql` and `);
  const [{ total }] = await txRows<{ total: number }>(tx, sql`select count(*)::int as total from audit_log where ${where}`);
  const rows = await txRows<AuditRow>(tx, sql`select chain, seq, at, actor_kind, actor_id, action, target_type, target_id, personal_data, details, ip, hash
    from audit_log where ${where} order by at desc, chain, seq desc limit ${f.limit} offset ${f.offset}`);
  return { total, rows };
}
