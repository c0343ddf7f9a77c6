import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';
import type { RoleRow } from '../presenters.ts';

const COLUMNS = sql`r.id, r.name, r.description, r.created_at,
  coalesce((select array_agg(p.permission order by p.permission) from role_permissions p where p.role_id = r.id), '{}'::text[]) as permissions,
  (select count(*)::int from staff_user_roles u where u.role_id = r.id) as user_count`;

/** Roles of the tenant with their permissions, by name. */
export function listRoles(tx: Tx): Promise<RoleRow[]> {
  return txRows<RoleRow>(tx, sql`select ${COLUMNS} from roles r order by r.name`);
}

/** One role by id. */
export async function getRole(tx: Tx, id: string): Promise<RoleRow | null> {
  const [row] = await txRows<RoleRow>(tx, sql`select ${COLUMNS} from roles r where r.id = ${id}`);
  return row ?? null;
}

/** Inserts a role and returns its id. */
export async function insertRole(tx: Tx, tenantId: string, r: { name: string; description: string }): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into roles (tenant_id, name, description) values (${tenantId}, ${r.name}, ${r.description}) returning id`);
  return row.id;
}

/** Changes a role's name or description; false when it does not exist. */
export async function updateRole(tx: Tx, id: string, r: { name?: string; description?: string }): Promise<boolean> {
  return (await txRows(tx, sql`update roles set name = coalesce(${r.name ?? null}, name), description = coalesce(${r.description ?? null}, description)
    where id = ${id} returning id`)).length > 0;
}

/** Replaces a role's permissions. */
export async function setRolePermissions(tx: Tx, tenantId: string, roleId: string, permissions: string[]): Promise<void> {
  await txRows(tx, sql`delete from role_permissions where role_id = ${roleId}`);
  if (permissions.length) await txRows(tx, sql`insert into role_permissions (tenant_id, role_id, permission)
    select ${tenantId}, ${roleId}, unnest(${`{${permissions.map((p) => `"${p}"`).join(',')}}`}::text[])`);
}

/** Deletes a role (its assignments go with it); false when none. */
export async function deleteRole(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from roles where id = ${id} returning id`)).length > 0;
}
