import type { Actor, Platform } from '../../platform.ts';
import { assertCan, can } from '../../auth/access.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { permissionIds } from '../../auth/permissions.ts';
import { mapDbErrors } from '../db-errors.ts';
import { presentRole } from '../presenters.ts';
import { deleteRole, getRole, insertRole, listRoles, setRolePermissions, updateRole } from './repo.ts';

const MANAGE = 'core.roles.manage';
const who = (a: Actor) => ({ kind: a.kind, id: a.id });

function assertKnown(p: Platform, permissions: string[]): void {
  const known = permissionIds(p.modules);
  const unknown = permissions.find((x) => !known.has(x));
  if (unknown) throw invalid('permissions', `unknown permission ${unknown}`);
}

/** Roles with their permissions: for role managers and for user managers who assign them. */
export async function rolesList(p: Platform, actor: Actor, tenantId: string) {
  if (!can(actor, MANAGE) && !can(actor, 'core.users.manage')) throw forbidden();
  return p.inTenant(tenantId, async (tx) => (await listRoles(tx)).map(presentRole));
}

/** Creates a role; permissions must be ones the core or a module declares. */
export async function roleCreate(p: Platform, actor: Actor, tenantId: string, input: { name: string; description?: string; permissions: string[] }) {
  assertCan(actor, MANAGE);
  assertKnown(p, input.permissions);
  return p.inTenant(tenantId, async (tx) => {
    const id = await mapDbErrors('name', () => insertRole(tx, tenantId, { name: input.name, description: input.description ?? '' }));
    await setRolePermissions(tx, tenantId, id, input.permissions);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.role.create', targetType: 'role', targetId: id, details: { name: input.name, permissions: input.permissions } });
    return presentRole((await getRole(tx, id))!);
  });
}

/** Changes a role; the permission list, when given, replaces the old one (both are audited). */
export async function roleUpdate(p: Platform, actor: Actor, tenantId: string, id: string, input: { name?: string; description?: string; permissions?: string[] }) {
  assertCan(actor, MANAGE);
  if (input.permissions) assertKnown(p, input.permissions);
  return p.inTenant(tenantId, async (tx) => {
    const before = await getRole(tx, id);
    if (!before) throw notFound();
    await mapDbErrors('name', () => updateRole(tx, id, input));
    if (input.permissions) await setRolePermissions(tx, tenantId, id, input.permissions);
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.role.update', targetType: 'role', targetId: id,
      details: { changes: input, before: { name: before.name, permissions: before.permissions } } });
    return presentRole((await getRole(tx, id))!);
  });
}

/** Deletes a role; the people holding it lose its permissions. */
export async function roleDelete(p: Platform, actor: Actor, tenantId: string, id: string): Promise<void> {
  assertCan(actor, MANAGE);
  await p.inTenant(tenantId, async (tx) => {
    const before = await getRole(tx, id);
    if (!before || !(await deleteRole(tx, id))) throw notFound();
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.role.delete', targetType: 'role', targetId: id, details: { name: before.name, permissions: before.permissions } });
  });
}
