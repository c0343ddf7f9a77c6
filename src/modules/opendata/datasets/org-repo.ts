import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { jsonb } from '../../../core/db/params.ts';
import type { Translated } from '../catalog/types.ts';

/** SQL of organisation and group writes (organization_* / group_*); always in a tenant transaction. */

export type Kind = 'organization' | 'group';
const table = (kind: Kind) => (kind === 'organization' ? sql.raw('opendata_organizations') : sql.raw('opendata_groups'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation or group row as CKAN presents it (department_id only for organisations). */
export interface OwnerRow {
  id: string; name: string; title: Translated; description: Translated; image_url: string; created: Date | string; department_id: string | null;
}

/** What organisation and group writes store. */
export interface OwnerFields {
  name: string; title: Translated; description: Translated; imageUrl: string; departmentId: string | null;
}

const COLUMNS = (kind: Kind) => sql`id, name, title, description, image_url, created_at as created, ${kind === 'organization' ? sql`department_id` : sql`null::uuid as department_id`}`;

/** An organisation or group by id or name (row-locked for the write), or null. */
export async function ownerByRef(tx: Tx, kind: Kind, ref: string): Promise<OwnerRow | null> {
  const where = UUID.test(ref) ? sql`(id = ${ref} or name = ${ref})` : sql`name = ${ref}`;
  const [row] = await txRows<OwnerRow>(tx, sql`select ${COLUMNS(kind)} from ${table(kind)} where ${where} limit 1 for update`);
  return row ?? null;
}

/** Whether another organisation (or group) has this name. */
export async function ownerNameTaken(tx: Tx, kind: Kind, name: string, exceptId: string | null): Promise<boolean> {
  const [row] = await txRows(tx, sql`select 1 from ${table(kind)} where name = ${name} and id is distinct from ${exceptId}::uuid`);
  return Boolean(row);
}

/** Whether a department of the tenant has this id. */
export async function departmentExists(tx: Tx, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const [row] = await txRows(tx, sql`select 1 from departments where id = ${id}`);
  return Boolean(row);
}

/** Inserts an organisation or group; returns the row. */
export async function insertOwner(tx: Tx, kind: Kind, tenantId: string, f: OwnerFields): Promise<OwnerRow> {
  const [row] = await txRows<OwnerRow>(tx, kind === 'organization'
    ? sql`insert into opendata_organizations (tenant_id, name, title, description, image_url, department_id)
        values (${tenantId}, ${f.name}, ${jsonb(f.title)}, ${jsonb(f.description)}, ${f.imageUrl}, ${f.departmentId}::uuid) returning ${COLUMNS(kind)}`
    : sql`insert into opendata_groups (tenant_id, name, title, description, image_url)
        values (${tenantId}, ${f.name}, ${jsonb(f.title)}, ${jsonb(f.description)}, ${f.imageUrl}) returning ${COLUMNS(kind)}`);
  return row!;
}

/** Replaces an organisation's or group's fields; returns the row. */
export async function updateOwner(tx: Tx, kind: Kind, id: string, f: OwnerFields): Promise<OwnerRow> {
  const dept = kind === 'organization' ? sql`, department_id = ${f.departmentId}::uuid` : sql``;
  const [row] = await txRows<OwnerRow>(tx, sql`update ${table(kind)} set name = ${f.name}, title = ${jsonb(f.title)}, description = ${jsonb(f.description)},
      image_url = ${f.imageUrl} ${dept} where id = ${id} returning ${COLUMNS(kind)}`);
  return row!;
}

/** How many datasets (deleted ones included) an organisation owns. */
export async function datasetsOwned(tx: Tx, orgId: string): Promise<number> {
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from opendata_datasets where owner_org = ${orgId}`);
  return Number(row?.n ?? 0);
}

/** Deletes an organisation or group (a group's memberships go with it; its datasets are bumped first). */
export async function deleteOwner(tx: Tx, kind: Kind, id: string): Promise<void> {
  if (kind === 'group') {
    await tx.execute(sql`update opendata_datasets set metadata_modified = now() where id in (select dataset_id from opendata_dataset_groups where group_id = ${id})`);
  }
  await tx.execute(sql`delete from ${table(kind)} where id = ${id}`);
}

/** Organisations whose datasets the caller may create: every one (`all`), or those of these departments. */
export function orgsForDepartments(tx: Tx, all: boolean, departmentIds: string[]): Promise<OwnerRow[]> {
  const where = all ? sql`true` : sql`department_id::text = any(array(select jsonb_array_elements_text(${JSON.stringify(departmentIds)}::jsonb)))`;
  return txRows<OwnerRow>(tx, sql`select ${COLUMNS('organization')} from opendata_organizations where ${where} order by name`);
}
