import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';
import { hashToken } from '../sessions.ts';

/** A sign-in in flight, as /start left it for /callback. */
export interface LoginState {
  issuer: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
}

/** Remembers a sign-in in flight under the hash of its `state`; expired ones of the tenant are swept on the way. */
export async function saveLoginState(tx: Tx, tenantId: string, state: string, row: LoginState, ttlMs: number): Promise<void> {
  await txRows(tx, sql`delete from oidc_login_states where expires_at < now()`);
  await txRows(tx, sql`insert into oidc_login_states (tenant_id, state_hash, issuer, code_verifier, nonce, return_to, expires_at)
    values (${tenantId}, ${hashToken(state)}, ${row.issuer}, ${row.code_verifier}, ${row.nonce}, ${row.return_to},
            ${new Date(Date.now() + ttlMs).toISOString()}::timestamptz)`);
}

/** Takes a sign-in in flight out (single use); null when the state is unknown, already used or expired. */
export async function takeLoginState(tx: Tx, state: string): Promise<LoginState | null> {
  const [row] = await txRows<LoginState & { expired: boolean }>(tx, sql`delete from oidc_login_states where state_hash = ${hashToken(state)}
    returning issuer, code_verifier, nonce, return_to, expires_at <= now() as expired`);
  return row && !row.expired ? row : null;
}

/** Finds the citizen an external identity is linked to. */
export async function findIdentityCitizen(tx: Tx, issuer: string, subject: string): Promise<string | null> {
  const [row] = await txRows<{ citizen_id: string }>(tx, sql`select citizen_id from citizen_identities where issuer = ${issuer} and subject = ${subject}`);
  return row?.citizen_id ?? null;
}

/** Links an external identity to a citizen. */
export async function insertIdentity(tx: Tx, input: {
  tenantId: string; citizenId: string; issuer: string; subject: string; claims: Record<string, unknown>; assurance: string; acr: string | null;
}): Promise<void> {
  await txRows(tx, sql`insert into citizen_identities (tenant_id, citizen_id, issuer, subject, claims, assurance, acr, last_login_at)
    values (${input.tenantId}, ${input.citizenId}, ${input.issuer}, ${input.subject}, ${JSON.stringify(input.claims)}::jsonb,
            ${input.assurance}, ${input.acr}, now())`);
}

/** Refreshes an identity at sign-in: the latest claims and assurance level the provider vouched for. */
export async function touchIdentity(tx: Tx, input: { issuer: string; subject: string; claims: Record<string, unknown>; assurance: string; acr: string | null }): Promise<void> {
  await txRows(tx, sql`update citizen_identities set claims = ${JSON.stringify(input.claims)}::jsonb, assurance = ${input.assurance},
    acr = ${input.acr}, last_login_at = now() where issuer = ${input.issuer} and subject = ${input.subject}`);
}

/** The assurance levels (`acr`) of a citizen's identities, for modules that require a strong sign-in. */
export async function citizenAcrs(tx: Tx, citizenId: string): Promise<string[]> {
  const rows = await txRows<{ acr: string }>(tx, sql`select distinct acr from citizen_identities where citizen_id = ${citizenId} and acr is not null`);
  return rows.map((r) => r.acr);
}
