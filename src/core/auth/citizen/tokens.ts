import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';
import { hashToken } from '../sessions.ts';

/** What an emailed token is for. */
export type EmailTokenPurpose = 'verify' | 'reset';

/** How long each kind of emailed link stays valid. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify: 24 * 3_600_000,
  reset: 3_600_000,
};

/** Issues a single-use token for a citizen, keeping only its hash; earlier unused tokens of that purpose die. */
export async function issueEmailToken(tx: Tx, tenantId: string, citizenId: string, purpose: EmailTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + EMAIL_TOKEN_TTL_MS[purpose]);
  await txRows(tx, sql`update citizen_email_tokens set used_at = now()
    where citizen_id = ${citizenId} and purpose = ${purpose} and used_at is null`);
  await txRows(tx, sql`insert into citizen_email_tokens (tenant_id, token_hash, citizen_id, purpose, expires_at)
    values (${tenantId}, ${hashToken(token)}, ${citizenId}, ${purpose}, ${expiresAt.toISOString()}::timestamptz)`);
  return token;
}

/** Uses up a token: returns the citizen it was issued for, or null when unknown, used, expired or of another purpose. */
export async function consumeEmailToken(tx: Tx, token: string, purpose: EmailTokenPurpose): Promise<string | null> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
  const [row] = await txRows<{ citizen_id: string }>(tx, sql`update citizen_email_tokens set used_at = now()
    where token_hash = ${hashToken(token)} and purpose = ${purpose} and used_at is null and expires_at > now()
    returning citizen_id`);
  return row?.citizen_id ?? null;
}
