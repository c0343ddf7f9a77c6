import type { Actor, Platform } from '../../platform.ts';
import type { Tx } from '../../db/connection.ts';
import { assertCan } from '../../auth/access.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { assertStrongPassword, hashPassword } from '../../auth/passwords.ts';
import { revokeAllSessions } from '../../auth/sessions.ts';
import { clearTotp } from '../../auth/staff-repo.ts';
import { mapDbErrors } from '../db-errors.ts';
import { presentUser, type UserRow } from '../presenters.ts';
import { createStaffUser } from './create.ts';
import { countExisting, deleteUser, getUser, listUsers, setUserDepartments, setUserRoles, unlockUser, updateUser } from './repo.ts';

const MANAGE = 'core.users.manage';
const who = (a: Actor) => ({ kind: a.kind, id: a.id });
const isAdmin = (a: Actor) => a.permissions.has('*');

/** Input of user creation and update (from the routes' schemas). */
export interface UserInput {
  email?: string; displayName?: string; password?: string; isTenantAdmin?: boolean; disabled?: boolean; departmentIds?: string[]; roleIds?: string[];
}

async function assertRefs(tx: Tx, input: UserInput): Promise<void> {
  if (input.departmentIds && (await countExisting(tx, 'departments', input.departmentIds)) !== input.departmentIds.length) throw invalid('departmentIds', 'unknown department');
  if (input.roleIds && (await countExisting(tx, 'roles', input.roleIds)) !== input.roleIds.length) throw invalid('roleIds', 'unknown role');
}

// Only a tenant administrator may make one, or touch an administrator's account: otherwise a user
// manager could take an administrator's account over through a password or 2FA reset.
function assertMayTouch(actor: Actor, target: UserRow | null, input: UserInput = {}): void {
  const grants = input.isTenantAdmin !== undefined && input.isTenantAdmin !== (target?.is_tenant_admin ?? false);
  if ((grants || target?.is_tenant_admin) && !isAdmin(actor)) throw forbidden();
}

async function load(tx: Tx, id: string): Promise<UserRow> {
  const row = await getUser(tx, id);
  if (!row) throw notFound();
  return row;
}

/** Lists staff users; reading them is a read of personal data and is audited. */
export async function usersList(p: Platform, actor: Actor, tenantId: string, filter: { q?: string; departmentId?: string }) {
  assertCan(actor, MANAGE);
  return p.inTenant(tenantId, async (tx) => {
    const rows = await listUsers(tx, filter);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.user.list', targetType: 'staff_user', personalData: true, details: { ...filter, count: rows.length } });
    return rows.map(presentUser);
  });
}

/** One staff user (audited read). */
export async function userGet(p: Platform, actor: Actor, tenantId: string, id: string) {
  assertCan(actor, MANAGE);
  return p.inTenant(tenantId, async (tx) => {
    const row = await load(tx, id);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.user.read', targetType: 'staff_user', targetId: id, personalData: true });
    return presentUser(row);
  });
}

/** Creates a staff user; returns the generated password once when none was given. */
export async function userCreate(p: Platform, actor: Actor, tenantId: string, input: UserInput & { email: string; displayName: string }) {
  assertCan(actor, MANAGE);
  assertMayTouch(actor, null, input);
  if (input.password) assertStrongPassword(input.password);
  return p.inTenant(tenantId, async (tx) => {
    await assertRefs(tx, input);
    const created = await mapDbErrors('email', () => createStaffUser(tx, { ...input, tenantId }));
    const user = await load(tx, created.id);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.user.create', targetType: 'staff_user', targetId: created.id, personalData: true,
      details: { email: user.email, isTenantAdmin: user.is_tenant_admin, departmentIds: user.department_ids, roleIds: user.role_ids } });
    return { user: presentUser(user), initialPassword: created.generated ? created.password : undefined };
  });
}

/** Changes a staff user; disabling or a new password signs them out everywhere. */
export async function userUpdate(p: Platform, actor: Actor, tenantId: string, id: string, input: UserInput) {
  assertCan(actor, MANAGE);
  if (input.password) assertStrongPassword(input.password);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return p.inTenant(tenantId, async (tx) => {
    const before = await load(tx, id);
    assertMayTouch(actor, before, input);
    if (id === actor.id && (input.disabled || input.isTenantAdmin === false)) throw invalid(input.disabled ? 'disabled' : 'isTenantAdmin', 'not on your own account');
    await assertRefs(tx, input);
    await mapDbErrors('email', () => updateUser(tx, id, { ...input, passwordHash }));
    if (input.departmentIds) await setUserDepartments(tx, tenantId, id, input.departmentIds);
    if (input.roleIds) await setUserRoles(tx, tenantId, id, input.roleIds);
    if (input.disabled || passwordHash) await revokeAllSessions(tx, 'staff', id);
    const { password: _omit, ...changes } = input;
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.user.update', targetType: 'staff_user', targetId: id, personalData: true,
      details: { changes: { ...changes, ...(passwordHash ? { password: 'changed' } : {}) }, before: { email: before.email, isTenantAdmin: before.is_tenant_admin, disabled: before.disabled, departmentIds: before.department_ids, roleIds: before.role_ids } } });
    return presentUser(await load(tx, id));
  });
}

/** Lifts a lockout after failed sign-ins. */
export async function userUnlock(p: Platform, actor: Actor, tenantId: string, id: string) {
  assertCan(actor, MANAGE);
  return p.inTenant(tenantId, async (tx) => {
    assertMayTouch(actor, await load(tx, id));
    await unlockUser(tx, id);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.user.unlock', targetType: 'staff_user', targetId: id });
    return presentUser(await load(tx, id));
  });
}

/** Removes a user's TOTP (lost phone) and signs them out; they enrol again at next sign-in. */
export async function userResetTotp(p: Platform, actor: Actor, tenantId: string, id: string) {
  assertCan(actor, MANAGE);
  return p.inTenant(tenantId, async (tx) => {
    assertMayTouch(actor, await load(tx, id));
    await clearTotp(tx, id);
    await revokeAllSessions(tx, 'staff', id);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'auth.totp.reset', targetType: 'staff_user', targetId: id });
    return presentUser(await load(tx, id));
  });
}

/** Deletes a staff user (not oneself); one still referenced by other records answers 409 `in_use`. */
export async function userDelete(p: Platform, actor: Actor, tenantId: string, id: string): Promise<void> {
  assertCan(actor, MANAGE);
  if (id === actor.id) throw invalid('id', 'not your own account');
  await p.inTenant(tenantId, async (tx) => {
    const before = await load(tx, id);
    assertMayTouch(actor, before);
    await revokeAllSessions(tx, 'staff', id);
    await mapDbErrors('id', () => deleteUser(tx, id));
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.user.delete', targetType: 'staff_user', targetId: id, personalData: true, details: { email: before.email } });
  });
}
