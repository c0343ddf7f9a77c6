import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { jsonb, textArray } from '../../../core/db/params.ts';

/** SQL of the living-dataset sync; always inside the tenant's transaction. */

export type LivingFormat = 'csv' | 'json' | 'geojson';

/** A living dataset as the sync sees it: its state and the CSV resource's hash (the change detector). */
export interface LivingDataset {
  id: string;
  state: 'active' | 'draft' | 'deleted';
  csvHash: string | null;
}

/** The dataset fed by `source`, deleted ones included (so a dataset staff deleted is not revived). */
export async function findLiving(tx: Tx, source: string): Promise<LivingDataset | null> {
  const [row] = await txRows<{ id: string; state: LivingDataset['state']; csv_hash: string | null }>(tx, sql`
    select d.id, d.state, (select r.hash from opendata_resources r where r.dataset_id = d.id and r.living_format = 'csv' limit 1) as csv_hash
      from opendata_datasets d where d.source = ${source}`);
  return row ? { id: row.id, state: row.state, csvHash: row.csv_hash } : null;
}

/** The organisation with this name, created with the title when missing; returns its id. */
export async function ensureOrganization(tx: Tx, tenantId: string, name: string, title: { ja: string; en: string }, departmentId: string | null = null): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_organizations (tenant_id, name, title, department_id)
    values (${tenantId}, ${name}, ${jsonb(title)}, ${departmentId})
    on conflict (tenant_id, name) do update set name = excluded.name returning id`);
  return row!.id;
}

/** What a living dataset says about itself (written on creation and on every change). */
export interface LivingMeta {
  name: string;
  source: string;
  title: { ja: string; en: string };
  notes: { ja: string; en: string };
  tags: string[];
  extras: { key: string; value: string }[];
  licenseId: string;
}

/** Creates the living dataset; returns its id. */
export async function insertLiving(tx: Tx, tenantId: string, orgId: string, m: LivingMeta): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_datasets
    (tenant_id, name, title, notes, owner_org, license_id, tags, extras, source)
    values (${tenantId}, ${m.name}, ${jsonb(m.title)}, ${jsonb(m.notes)}, ${orgId}, ${m.licenseId}, ${textArray(m.tags)}, ${jsonb(m.extras)}, ${m.source})
    returning id`);
  return row!.id;
}

/** Refreshes the title and notes (a module may rename its dataset) and marks the dataset modified. */
export async function touchLiving(tx: Tx, id: string, m: Pick<LivingMeta, 'title' | 'notes'>): Promise<void> {
  await tx.execute(sql`update opendata_datasets set title = ${jsonb(m.title)}, notes = ${jsonb(m.notes)}, metadata_modified = now() where id = ${id}`);
}

/** The living resources of a dataset by format, with the file each points to. */
export async function livingResources(tx: Tx, datasetId: string): Promise<Map<LivingFormat, { id: string; fileId: string | null }>> {
  const rows = await txRows<{ id: string; living_format: LivingFormat; file_id: string | null }>(tx, sql`
    select id, living_format, file_id from opendata_resources where dataset_id = ${datasetId} and living_format is not null`);
  return new Map(rows.map((r) => [r.living_format, { id: r.id, fileId: r.file_id }]));
}

/** One living resource's new snapshot. */
export interface LivingSnapshot {
  format: LivingFormat;
  position: number;
  name: { ja: string; en: string };
  fileId: string;
  size: number;
  hash: string;
  mimetype: string;
  formatLabel: string;
}

/** Inserts a living resource, or points the existing one at its new snapshot; returns its id. */
export async function upsertLivingResource(tx: Tx, tenantId: string, datasetId: string, existingId: string | null, s: LivingSnapshot): Promise<string> {
  if (existingId) {
    await tx.execute(sql`update opendata_resources set file_id = ${s.fileId}, size = ${s.size}, hash = ${s.hash}, mimetype = ${s.mimetype},
      format = ${s.formatLabel}, name = ${jsonb(s.name)}, encoding = 'utf-8', last_modified = now(), metadata_modified = now() where id = ${existingId}`);
    return existingId;
  }
  const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_resources
    (tenant_id, dataset_id, position, name, url_type, file_id, format, mimetype, size, hash, encoding, living_format, last_modified)
    values (${tenantId}, ${datasetId}, ${s.position}, ${jsonb(s.name)}, 'living', ${s.fileId}, ${s.formatLabel}, ${s.mimetype}, ${s.size},
      ${s.hash}, 'utf-8', ${s.format}, now()) returning id`);
  return row!.id;
}

/** Removes a living resource that no longer applies (the columns lost their coordinates). */
export async function deleteResource(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`delete from opendata_resources where id = ${id}`);
}

/** Every tenant (system context): the sync visits each. */
export const TENANTS_SQL = sql`select id, slug, name_ja, name_en from tenants order by created_at, slug`;

/** The tenant's names, for the platform organisation's title. */
export async function tenantNames(tx: Tx, tenantId: string): Promise<{ ja: string; en: string }> {
  const [row] = await txRows<{ name_ja: string; name_en: string }>(tx, sql`select name_ja, name_en from tenants where id = ${tenantId}`);
  return { ja: row?.name_ja ?? '', en: row?.name_en ?? '' };
}
