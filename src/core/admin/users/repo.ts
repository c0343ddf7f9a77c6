import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';
import { uuidArray } from '../db-errors.ts';
import type { UserRow } from '../presenters.ts';

// Deliberately no password_hash or totp_secret: this repo feeds the admin screens.
const COLUMNS = sql`u.id, u.email, u.display_name, u.is_tenant_admin, u.totp_enabled, u.disabled, u.locked_until, u.last_login_at, u.created_at,
  coalesce((select array_agg(m.department_id::text order by m.department_id) from staff_user_departments m where m.user_id = u.id), '{}'::text[]) as department_ids,
  coalesce((select array_agg(r.role_id::text order by r.role_id) from staff_user_roles r where r.user_id = u.id), '{}'::text[]) as role_ids`;

/** Staff users of the tenant, optionally filtered by a text in name/email or by department. */
export function listUsers(tx: Tx, filter: { q?: string; departmentId?: string }): Promise<UserRow[]> {
  const q = filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return txRows<UserRow>(tx, sql`select ${COLUMNS} from staff_users u
    where (${q}::text is null or u.email like ${q} or lower(u.display_name) like ${q})
      and (${filter.departmentId ?? null}::uuid is null or exists (select 1 from staff_user_departments m where m.user_id = u.id and m.department_id = ${filter.departmentId ?? null}::uuid))
    order by u.display_name, u.email limit 1000`);
}

/** One staff user by id. */
export async function getUser(tx: Tx, id: string): Promise<UserRow | null> {
  const [row] = await txRows<UserRow>(tx, sql`select ${COLUMNS} from staff_users u where u.id = ${id}`);
  return row ?? null;
}

/** Inserts a staff user (email lowercased) and returns the id. */
export async function insertUser(tx: Tx, tenantId: string, u: { email: string; displayName: string; passwordHash: string | null; isTenantAdmin: boolean }): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into staff_users (tenant_id, email, display_name, password_hash, is_tenant_admin)
    values (${tenantId}, ${u.email.trim().toLowerCase()}, ${u.displayName}, ${u.passwordHash}, ${u.isTenantAdmin}) returning id`);
  return row.id;
}

/** Changes the given profile fields and flags. */
export async function updateUser(tx: Tx, id: string, u: { email?: string; displayName?: string; isTenantAdmin?: boolean; disabled?: boolean; passwordHash?: string }): Promise<void> {
  await txRows(tx, sql`update staff_users set
      email = coalesce(${u.email?.trim().toLowerCase() ?? null}, email),
      display_name = coalesce(${u.displayName ?? null}, display_name),
      is_tenant_admin = coalesce(${u.isTenantAdmin ?? null}::boolean, is_tenant_admin),
      disabled = coalesce(${u.disabled ?? null}::boolean, disabled),
      password_hash = coalesce(${u.passwordHash ?? null}, password_hash),
      updated_at = now()
    where id = ${id}`);
}

/** Lifts a lockout. */
export async function unlockUser(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`update staff_users set failed_logins = 0, locked_until = null, updated_at = now() where id = ${id}`);
}

/** Deletes a staff user; false when none. */
export async function deleteUser(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from staff_users where id = ${id} returning id`)).length > 0;
}

/** How many of the ids exist in `table` for this tenant (RLS narrows to it). */
export async function countExisting(tx: Tx, table: 'departments' | 'roles', ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const from = table === 'departments' ? sql`departments` : sql`roles`;
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from ${from} where id = any(${uuidArray(ids)})`);
  return row.n;
}

/** Replaces a user's departments. */
export async function setUserDepartments(tx: Tx, tenantId: string, userId: string, ids: string[]): Promise<void> {
  await txRows(tx, sql`delete from staff_user_departments where user_id = ${userId}`);
  if (ids.length) await txRows(tx, sql`insert into staff_user_departments (tenant_id, user_id, department_id)
    select ${tenantId}, ${userId}, unnest(${uuidArray(ids)})`);
}

/** Replaces a user's roles. */
export async function setUserRoles(tx: Tx, tenantId: string, userId: string, ids: string[]): Promise<void> {
  await txRows(tx, sql`delete from staff_user_roles where user_id = ${userId}`);
  if (ids.length) await txRows(tx, sql`insert into staff_user_roles (tenant_id, user_id, role_id)
    select ${tenantId}, ${userId}, unnest(${uuidArray(ids)})`);
}
