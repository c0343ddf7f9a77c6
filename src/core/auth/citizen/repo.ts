import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';

/** A citizen row as the services use it (the password hash never leaves the service layer). */
export interface CitizenRow {
  id: string;
  tenant_id: string;
  email: string | null;
  email_verified_at: Date | null;
  password_hash: string | null;
  display_name: string;
  preferred_lang: string;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

/** An identity linked to a citizen. */
export interface IdentityRow {
  id: string;
  citizen_id: string;
  issuer: string;
  subject: string;
  assurance: string;
  acr: string | null;
  linked_at: Date;
  last_login_at: Date | null;
}

const citizenColumns = sql`id, tenant_id, email, email_verified_at, password_hash, display_name, preferred_lang, disabled,
  failed_logins, locked_until, last_login_at, created_at`;

const dates = (r: CitizenRow): CitizenRow => ({
  ...r,
  email_verified_at: r.email_verified_at ? new Date(r.email_verified_at) : null,
  locked_until: r.locked_until ? new Date(r.locked_until) : null,
  last_login_at: r.last_login_at ? new Date(r.last_login_at) : null,
  created_at: new Date(r.created_at),
});

/** Finds a citizen of the transaction's tenant by id. */
export async function findCitizenById(tx: Tx, id: string): Promise<CitizenRow | null> {
  const [row] = await txRows<CitizenRow>(tx, sql`select ${citizenColumns} from citizens where id = ${id}`);
  return row ? dates(row) : null;
}

/** Finds a citizen by (already lowercased) email; `forUpdate` locks the row for a login attempt. */
export async function findCitizenByEmail(tx: Tx, email: string, forUpdate = false): Promise<CitizenRow | null> {
  const lock = forUpdate ? sql` for update` : sql``;
  const [row] = await txRows<CitizenRow>(tx, sql`select ${citizenColumns} from citizens where email = ${email}${lock}`);
  return row ? dates(row) : null;
}

/** Inserts a citizen and returns it. */
export async function insertCitizen(tx: Tx, input: {
  tenantId: string; email: string | null; emailVerified: boolean; passwordHash: string | null; displayName: string; preferredLang: string;
}): Promise<CitizenRow> {
  const [row] = await txRows<CitizenRow>(tx, sql`insert into citizens (tenant_id, email, email_verified_at, password_hash, display_name, preferred_lang)
    values (${input.tenantId}, ${input.email}, ${input.emailVerified ? sql`now()` : null}, ${input.passwordHash}, ${input.displayName}, ${input.preferredLang})
    returning ${citizenColumns}`);
  return dates(row);
}

/** Changes the profile fields a citizen may edit; absent fields stay. */
export async function updateCitizenProfile(tx: Tx, id: string, patch: { displayName?: string; preferredLang?: string }): Promise<void> {
  await txRows(tx, sql`update citizens set
    display_name = coalesce(${patch.displayName ?? null}, display_name),
    preferred_lang = coalesce(${patch.preferredLang ?? null}, preferred_lang),
    updated_at = now()
    where id = ${id}`);
}

/** Replaces the password hash (null removes password sign-in) and clears any lockout. */
export async function setCitizenPassword(tx: Tx, id: string, passwordHash: string | null): Promise<void> {
  await txRows(tx, sql`update citizens set password_hash = ${passwordHash}, failed_logins = 0, locked_until = null, updated_at = now() where id = ${id}`);
}

/** Re-arms an account nobody has proven yet (unverified, no identity) for a new registration. */
export async function resetUnverifiedCitizen(tx: Tx, id: string, input: { passwordHash: string; displayName: string; preferredLang: string }): Promise<void> {
  await txRows(tx, sql`update citizens set password_hash = ${input.passwordHash}, display_name = ${input.displayName},
    preferred_lang = ${input.preferredLang}, failed_logins = 0, locked_until = null, updated_at = now() where id = ${id}`);
}

/** Marks the citizen's email verified (keeps the first verification time). */
export async function markEmailVerified(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`update citizens set email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = ${id}`);
}

/** Counts a failed password sign-in; locks the account for `lockMinutes` once `maxFailures` is reached. */
export async function recordLoginFailure(tx: Tx, id: string, maxFailures: number, lockMinutes: number): Promise<{ locked: boolean }> {
  const [row] = await txRows<{ locked: boolean }>(tx, sql`update citizens set
      failed_logins = case when failed_logins + 1 >= ${maxFailures} then 0 else failed_logins + 1 end,
      locked_until = case when failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}::int) else locked_until end
    where id = ${id} returning (locked_until is not null and locked_until > now()) as locked`);
  return { locked: Boolean(row?.locked) };
}

/** Clears the failure counter and stamps the sign-in time. */
export async function recordLoginSuccess(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`update citizens set failed_logins = 0, locked_until = null, last_login_at = now() where id = ${id}`);
}

/** The identities linked to a citizen, oldest first. */
export async function listIdentities(tx: Tx, citizenId: string): Promise<IdentityRow[]> {
  return txRows<IdentityRow>(tx, sql`select id, citizen_id, issuer, subject, assurance, acr, linked_at, last_login_at
    from citizen_identities where citizen_id = ${citizenId} order by linked_at, id`);
}

/** Whether any identity is linked to the citizen. */
export async function hasIdentities(tx: Tx, citizenId: string): Promise<boolean> {
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from citizen_identities where citizen_id = ${citizenId}`);
  return (row?.n ?? 0) > 0;
}
