import type { Actor, Platform } from '../../platform.ts';
import { assertCan } from '../../auth/access.ts';
import { notFound } from '../../http/errors.ts';
import { mapDbErrors } from '../db-errors.ts';
import { presentDepartment } from '../presenters.ts';
import { deleteDepartment, getDepartment, insertDepartment, listDepartments, updateDepartment } from './repo.ts';

const MANAGE = 'core.departments.manage';
const who = (a: Actor) => ({ kind: a.kind, id: a.id });

/** Departments of the tenant; any staff member may read them (screens of every module pick from them). */
export async function departmentsList(p: Platform, actor: Actor, tenantId: string) {
  assertCan(actor, 'staff');
  return p.inTenant(tenantId, async (tx) => (await listDepartments(tx)).map(presentDepartment));
}

/** Creates a department; a taken code answers 409 on `code`. */
export async function departmentCreate(p: Platform, actor: Actor, tenantId: string, input: { code: string; nameJa: string; nameEn?: string }) {
  assertCan(actor, MANAGE);
  return p.inTenant(tenantId, async (tx) => {
    const id = await mapDbErrors('code', () => insertDepartment(tx, tenantId, { ...input, nameEn: input.nameEn ?? '' }));
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.department.create', targetType: 'department', targetId: id, details: input });
    return presentDepartment((await getDepartment(tx, id))!);
  });
}

/** Renames or recodes a department. */
export async function departmentUpdate(p: Platform, actor: Actor, tenantId: string, id: string, input: { code?: string; nameJa?: string; nameEn?: string }) {
  assertCan(actor, MANAGE);
  return p.inTenant(tenantId, async (tx) => {
    if (!(await mapDbErrors('code', () => updateDepartment(tx, id, input)))) throw notFound();
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.department.update', targetType: 'department', targetId: id, details: input });
    return presentDepartment((await getDepartment(tx, id))!);
  });
}

/** Deletes a department; one still referenced by other records answers 409 `in_use`. */
export async function departmentDelete(p: Platform, actor: Actor, tenantId: string, id: string): Promise<void> {
  assertCan(actor, MANAGE);
  await p.inTenant(tenantId, async (tx) => {
    const before = await getDepartment(tx, id);
    if (!before || !(await mapDbErrors('id', () => deleteDepartment(tx, id)))) throw notFound();
    await p.audit.record(tx, { tenantId, actor: who(actor), action: 'core.department.delete', targetType: 'department', targetId: id, details: { code: before.code, nameJa: before.name_ja } });
  });
}
