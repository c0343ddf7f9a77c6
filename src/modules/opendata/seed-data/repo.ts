import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { jsonb, textArray, uuidArray } from '../../../core/db/params.ts';

/** SQL of the demo seed (inside the seed's tenant transaction). */

/** Whether the catalog of this tenant has been set up already (the seed then does nothing). */
export async function catalogStarted(tx: Tx): Promise<boolean> {
  const [row] = await txRows<{ n: number }>(tx, sql`select (select count(*) from opendata_groups) + (select count(*) from opendata_datasets where source is null) as n`);
  return Number(row?.n ?? 0) > 0;
}

/** The tenant's departments and its 全国地方公共団体コード. */
export async function departmentsAndCode(tx: Tx, tenantId: string): Promise<{ lgCode: string; departments: { id: string; code: string; name_ja: string; name_en: string }[] }> {
  const departments = await txRows<{ id: string; code: string; name_ja: string; name_en: string }>(tx, sql`select id, code, name_ja, name_en from departments order by created_at, code`);
  const [t] = await txRows<{ lg_code: string }>(tx, sql`select lg_code from tenants where id = ${tenantId}`);
  return { lgCode: t?.lg_code ?? '', departments };
}

/** Inserts a group unless one has the name; returns its id. */
export async function ensureGroup(tx: Tx, tenantId: string, name: string, title: { ja: string; en: string }): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_groups (tenant_id, name, title) values (${tenantId}, ${name}, ${jsonb(title)})
    on conflict (tenant_id, name) do update set name = excluded.name returning id`);
  return row!.id;
}

/** A public dataset of the demo with its template and groups; returns its id. */
export async function insertSeedDataset(tx: Tx, tenantId: string, orgId: string, d: {
  name: string; title: { ja: string; en: string }; notes: { ja: string; en: string }; tags: string[]; templateId: string; groupIds: string[];
}): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_datasets (tenant_id, name, title, notes, owner_org, tags, template_id)
    values (${tenantId}, ${d.name}, ${jsonb(d.title)}, ${jsonb(d.notes)}, ${orgId}, ${textArray(d.tags)}, ${d.templateId}) returning id`);
  await tx.execute(sql`insert into opendata_dataset_groups (tenant_id, dataset_id, group_id)
    select ${tenantId}, ${row!.id}, g from unnest(${uuidArray(d.groupIds)}) g`);
  return row!.id;
}
