import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';

/** An API token as its owner sees it (never the token nor its hash). */
export interface ApiTokenRow {
  id: string;
  staff_user_id: string;
  name: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

const COLUMNS = sql`id, staff_user_id, name, created_at, last_used_at, expires_at, revoked_at`;

/** Stores a token's hash for a staff member; `expiresInDays` null means it never expires. */
export async function insertApiToken(tx: Tx, input: { tenantId: string; staffUserId: string; name: string; tokenHash: string; expiresInDays: number | null }): Promise<ApiTokenRow> {
  const [row] = await txRows<ApiTokenRow>(tx, sql`insert into api_tokens (tenant_id, staff_user_id, name, token_hash, expires_at)
    values (${input.tenantId}, ${input.staffUserId}, ${input.name}, ${input.tokenHash},
      case when ${input.expiresInDays}::int is null then null else now() + make_interval(days => ${input.expiresInDays}::int) end)
    returning ${COLUMNS}`);
  return row!;
}

/** A staff member's tokens that were not revoked, newest first. */
export function listApiTokensOf(tx: Tx, staffUserId: string): Promise<ApiTokenRow[]> {
  return txRows<ApiTokenRow>(tx, sql`select ${COLUMNS} from api_tokens where staff_user_id = ${staffUserId} and revoked_at is null
    order by created_at desc, id`);
}

/** One token of the tenant by id (any owner), or null. */
export async function findApiToken(tx: Tx, id: string): Promise<ApiTokenRow | null> {
  const [row] = await txRows<ApiTokenRow>(tx, sql`select ${COLUMNS} from api_tokens where id = ${id}`);
  return row ?? null;
}

/** Marks a token revoked (idempotent: the first revocation time stays). */
export async function revokeApiTokenRow(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = ${id}`);
}

/**
 * The live (not revoked, not expired) token with this hash, touching last_used_at at most once a
 * minute so a busy harvester does not write on every call.
 */
export async function useApiToken(tx: Tx, tokenHash: string): Promise<{ id: string; staff_user_id: string } | null> {
  const [row] = await txRows<{ id: string; staff_user_id: string; stale: boolean }>(tx, sql`select id, staff_user_id,
      (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
    from api_tokens where token_hash = ${tokenHash} and revoked_at is null and (expires_at is null or expires_at > now())`);
  if (!row) return null;
  if (row.stale) await txRows(tx, sql`update api_tokens set last_used_at = now() where id = ${row.id}`);
  return { id: row.id, staff_user_id: row.staff_user_id };
}

/** The id of the token with this hash (any state), or null. */
export async function apiTokenIdByHash(tx: Tx, tokenHash: string): Promise<string | null> {
  const [row] = await txRows<{ id: string }>(tx, sql`select id from api_tokens where token_hash = ${tokenHash}`);
  return row?.id ?? null;
}
