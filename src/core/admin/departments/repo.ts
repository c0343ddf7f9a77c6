import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';
import type { DepartmentRow } from '../presenters.ts';

const COLUMNS = sql`d.id, d.code, d.name_ja, d.name_en, d.created_at,
  (select count(*)::int from staff_user_departments m where m.department_id = d.id) as member_count`;

/** Every department of the transaction's tenant, by code. */
export function listDepartments(tx: Tx): Promise<DepartmentRow[]> {
  return txRows<DepartmentRow>(tx, sql`select ${COLUMNS} from departments d order by d.code`);
}

/** One department by id. */
export async function getDepartment(tx: Tx, id: string): Promise<DepartmentRow | null> {
  const [row] = await txRows<DepartmentRow>(tx, sql`select ${COLUMNS} from departments d where d.id = ${id}`);
  return row ?? null;
}

/** Inserts a department and returns its id. */
export async function insertDepartment(tx: Tx, tenantId: string, d: { code: string; nameJa: string; nameEn: string }): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into departments (tenant_id, code, name_ja, name_en)
    values (${tenantId}, ${d.code}, ${d.nameJa}, ${d.nameEn}) returning id`);
  return row.id;
}

/** Changes the given fields of a department; false when it does not exist. */
export async function updateDepartment(tx: Tx, id: string, d: { code?: string; nameJa?: string; nameEn?: string }): Promise<boolean> {
  const rows = await txRows(tx, sql`update departments set code = coalesce(${d.code ?? null}, code),
    name_ja = coalesce(${d.nameJa ?? null}, name_ja), name_en = coalesce(${d.nameEn ?? null}, name_en) where id = ${id} returning id`);
  return rows.length > 0;
}

/** Deletes a department (memberships go with it); false when it does not exist. */
export async function deleteDepartment(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from departments where id = ${id} returning id`)).length > 0;
}
