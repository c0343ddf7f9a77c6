import type { Tx } from '../../db/connection.ts';
import { assertStrongPassword, generatePassword, hashPassword } from '../../auth/passwords.ts';
import { insertUser, setUserDepartments, setUserRoles } from './repo.ts';

/** What a new staff account needs; without a password a random one is generated and returned once. */
export interface NewStaffUser {
  tenantId: string;
  email: string;
  displayName: string;
  password?: string | null;
  isTenantAdmin?: boolean;
  departmentIds?: string[];
  roleIds?: string[];
}

/** Creates a staff account with its departments and roles, in the caller's (tenant or system) transaction. */
export async function createStaffUser(tx: Tx, input: NewStaffUser): Promise<{ id: string; password: string; generated: boolean }> {
  const generated = !input.password;
  const password = input.password || generatePassword();
  assertStrongPassword(password);
  const id = await insertUser(tx, input.tenantId, {
    email: input.email, displayName: input.displayName, passwordHash: await hashPassword(password), isTenantAdmin: input.isTenantAdmin ?? false,
  });
  await setUserDepartments(tx, input.tenantId, id, input.departmentIds ?? []);
  await setUserRoles(tx, input.tenantId, id, input.roleIds ?? []);
  return { id, password, generated };
}
