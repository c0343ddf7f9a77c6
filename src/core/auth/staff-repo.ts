import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';

/** A staff account as the sign-in code needs it (secrets included: never hand this to a presenter). */
export interface StaffAuthRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_last_step: number | null;
  is_tenant_admin: boolean;
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
}

const AUTH_COLUMNS = sql`id, email, display_name, password_hash, totp_secret, totp_enabled, totp_last_step::float8 as totp_last_step,
  is_tenant_admin, failed_logins, locked_until, disabled`;

function normalise(r: StaffAuthRow | undefined): StaffAuthRow | null {
  if (!r) return null;
  return { ...r, locked_until: r.locked_until ? new Date(r.locked_until) : null, totp_last_step: r.totp_last_step === null ? null : Number(r.totp_last_step) };
}

/** Finds a staff account of the transaction's tenant by (lowercased) email. */
export async function findStaffByEmail(tx: Tx, email: string): Promise<StaffAuthRow | null> {
  const [row] = await txRows<StaffAuthRow>(tx, sql`select ${AUTH_COLUMNS} from staff_users where email = ${email.trim().toLowerCase()}`);
  return normalise(row);
}

/** Finds a staff account of the transaction's tenant by id. */
export async function findStaffById(tx: Tx, id: string): Promise<StaffAuthRow | null> {
  const [row] = await txRows<StaffAuthRow>(tx, sql`select ${AUTH_COLUMNS} from staff_users where id = ${id}`);
  return normalise(row);
}

/** Counts a failed sign-in; at `max` failures locks the account for `lockMinutes`. Returns whether it locked. */
export async function registerLoginFailure(tx: Tx, id: string, max: number, lockMinutes: number): Promise<boolean> {
  const [row] = await txRows<{ locked: boolean }>(tx, sql`update staff_users set
      failed_logins = case when failed_logins + 1 >= ${max} then 0 else failed_logins + 1 end,
      locked_until = case when failed_logins + 1 >= ${max} then now() + make_interval(mins => ${lockMinutes}::int) else locked_until end
    where id = ${id} returning (locked_until is not null and locked_until > now()) as locked`);
  return Boolean(row?.locked);
}

/** Clears failures and lock after a successful sign-in and remembers when it happened. */
export async function registerLoginSuccess(tx: Tx, id: string, totpStep: number | null): Promise<void> {
  await txRows(tx, sql`update staff_users set failed_logins = 0, locked_until = null, last_login_at = now(),
      totp_last_step = coalesce(${totpStep}::bigint, totp_last_step) where id = ${id}`);
}

/** Stores a pending (not yet enabled) sealed TOTP secret. */
export async function setPendingTotp(tx: Tx, id: string, sealed: string): Promise<void> {
  await txRows(tx, sql`update staff_users set totp_secret = ${sealed}, totp_enabled = false, totp_last_step = null, updated_at = now() where id = ${id}`);
}

/** Turns TOTP on after the first code matched. */
export async function enableTotp(tx: Tx, id: string, step: number): Promise<void> {
  await txRows(tx, sql`update staff_users set totp_enabled = true, totp_last_step = ${step}::bigint, updated_at = now() where id = ${id}`);
}

/** Removes TOTP (an administrator's reset); the person enrols again. */
export async function clearTotp(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`update staff_users set totp_secret = null, totp_enabled = false, totp_last_step = null, updated_at = now() where id = ${id}`);
}

/** Replaces the password hash and lifts any lock. */
export async function setPasswordHash(tx: Tx, id: string, passwordHash: string): Promise<void> {
  await txRows(tx, sql`update staff_users set password_hash = ${passwordHash}, failed_logins = 0, locked_until = null, updated_at = now() where id = ${id}`);
}

/** What the auth hook needs to build a staff actor: identity, flags, permissions and departments. */
export interface StaffActorRow {
  id: string;
  email: string;
  display_name: string;
  is_tenant_admin: boolean;
  totp_enabled: boolean;
  disabled: boolean;
  permissions: string[];
  department_ids: string[];
}

/** Loads a staff member with the union of their roles' permissions and their departments. */
export async function loadStaffActor(tx: Tx, id: string): Promise<StaffActorRow | null> {
  const [row] = await txRows<StaffActorRow>(tx, sql`select u.id, u.email, u.display_name, u.is_tenant_admin, u.totp_enabled, u.disabled,
      coalesce((select array_agg(distinct rp.permission) from staff_user_roles ur join role_permissions rp on rp.role_id = ur.role_id
                where ur.user_id = u.id), '{}'::text[]) as permissions,
      coalesce((select array_agg(d.department_id::text order by d.department_id) from staff_user_departments d where d.user_id = u.id), '{}'::text[]) as department_ids
    from staff_users u where u.id = ${id}`);
  return row ?? null;
}

/** Stores a password-reset token's hash, valid for `minutes`. */
export async function insertResetToken(tx: Tx, tenantId: string, userId: string, tokenHash: string, minutes: number): Promise<void> {
  await txRows(tx, sql`insert into password_reset_tokens (id, tenant_id, user_id, expires_at)
    values (${tokenHash}, ${tenantId}, ${userId}, now() + make_interval(mins => ${minutes}::int))`);
}

/** Uses a reset token once: returns its user when it was valid, unused and unexpired; then voids the user's other tokens. */
export async function consumeResetToken(tx: Tx, tokenHash: string): Promise<string | null> {
  const [row] = await txRows<{ user_id: string }>(tx, sql`update password_reset_tokens set used_at = now()
    where id = ${tokenHash} and used_at is null and expires_at > now() returning user_id`);
  if (!row) return null;
  await txRows(tx, sql`update password_reset_tokens set used_at = now() where user_id = ${row.user_id} and used_at is null`);
  return row.user_id;
}
