import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { jsonb, textArray, uuidArray } from '../../../core/db/params.ts';
import type { Translated } from '../catalog/types.ts';
import type { DatasetFields } from './fields.ts';

/** SQL of dataset writes (package_create … package_delete, member_create); always in a tenant transaction. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const byRef = (ref: string) => (UUID.test(ref) ? sql`(id = ${ref} or name = ${ref})` : sql`name = ${ref}`);

/** An organisation as writes need it: who owns it (its department). */
export interface OrgRef {
  id: string;
  name: string;
  department_id: string | null;
}

/** An organisation by id or name, or null. */
export async function orgByRef(tx: Tx, ref: string): Promise<OrgRef | null> {
  const [row] = await txRows<OrgRef>(tx, sql`select id, name, department_id from opendata_organizations where ${byRef(ref)} limit 1`);
  return row ?? null;
}

/** The groups named by id or name (those that exist). */
export function groupsByRefs(tx: Tx, refs: string[]): Promise<{ id: string; name: string }[]> {
  if (refs.length === 0) return Promise.resolve([]);
  const ids = refs.filter((r) => UUID.test(r));
  return txRows(tx, sql`select id, name from opendata_groups where name = any(${textArray(refs)}) or id = any(${uuidArray(ids)})`);
}

/** A stored dataset with what the write rules look at, locked for this transaction. */
export interface StoredDataset {
  id: string; name: string; title: Translated; notes: Translated; owner_org: string; license_id: string; tags: string[];
  extras: { key: string; value: string }[]; private: boolean; state: 'active' | 'draft' | 'deleted'; template_id: string | null;
  source: string | null; url: string; version: string; author: string; author_email: string; maintainer: string; maintainer_email: string;
  org_department_id: string | null; group_ids: string[];
}

/** A dataset for writing (row-locked), with its organisation's department and its groups; null when unknown. */
export async function datasetForWrite(tx: Tx, id: string): Promise<StoredDataset | null> {
  const [row] = await txRows<StoredDataset>(tx, sql`select d.id, d.name, d.title, d.notes, d.owner_org, d.license_id, d.tags, d.extras, d.private, d.state,
      d.template_id, d.source, d.url, d.version, d.author, d.author_email, d.maintainer, d.maintainer_email, o.department_id as org_department_id,
      coalesce((select array_agg(g.group_id::text) from opendata_dataset_groups g where g.dataset_id = d.id), '{}'::text[]) as group_ids
    from opendata_datasets d join opendata_organizations o on o.id = d.owner_org where d.id = ${id} for update of d`);
  return row ?? null;
}

/** Whether another dataset of the tenant (deleted ones too, as in CKAN) has this name. */
export async function datasetNameTaken(tx: Tx, name: string, exceptId: string | null): Promise<boolean> {
  const [row] = await txRows(tx, sql`select 1 from opendata_datasets where name = ${name} and id is distinct from ${exceptId}::uuid`);
  return Boolean(row);
}

type Resolved = Omit<DatasetFields, 'ownerOrg' | 'groups'> & { ownerOrgId: string };

const values = (f: Resolved) => ({
  title: jsonb(f.title), notes: jsonb(f.notes), extras: jsonb(f.extras), tags: textArray(f.tags),
});

/** Inserts a dataset; returns its id. */
export async function insertDatasetRow(tx: Tx, tenantId: string, f: Resolved, creatorId: string | null): Promise<string> {
  const v = values(f);
  const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_datasets (tenant_id, name, title, notes, owner_org, license_id, private, state,
      tags, extras, author, author_email, maintainer, maintainer_email, url, version, template_id, creator_user_id)
    values (${tenantId}, ${f.name}, ${v.title}, ${v.notes}, ${f.ownerOrgId}, ${f.licenseId}, ${f.private}, ${f.state}, ${v.tags}, ${v.extras},
      ${f.author}, ${f.authorEmail}, ${f.maintainer}, ${f.maintainerEmail}, ${f.url}, ${f.version}, ${f.templateId}, ${creatorId}::uuid)
    returning id`);
  return row!.id;
}

/** Replaces every editable field of a dataset (a deleted one comes back) and bumps metadata_modified. */
export async function updateDatasetRow(tx: Tx, id: string, f: Resolved): Promise<void> {
  const v = values(f);
  await tx.execute(sql`update opendata_datasets set name = ${f.name}, title = ${v.title}, notes = ${v.notes}, owner_org = ${f.ownerOrgId},
      license_id = ${f.licenseId}, private = ${f.private}, state = ${f.state}, tags = ${v.tags}, extras = ${v.extras}, author = ${f.author},
      author_email = ${f.authorEmail}, maintainer = ${f.maintainer}, maintainer_email = ${f.maintainerEmail}, url = ${f.url}, version = ${f.version},
      template_id = ${f.templateId}, deleted_at = null, metadata_modified = now()
    where id = ${id}`);
}

/** Sets the groups a dataset belongs to (exactly these). */
export async function setDatasetGroups(tx: Tx, tenantId: string, datasetId: string, groupIds: string[]): Promise<void> {
  await tx.execute(sql`delete from opendata_dataset_groups where dataset_id = ${datasetId} and not (group_id = any(${uuidArray(groupIds)}))`);
  if (groupIds.length) {
    await tx.execute(sql`insert into opendata_dataset_groups (tenant_id, dataset_id, group_id)
      select ${tenantId}, ${datasetId}, g from unnest(${uuidArray(groupIds)}) g on conflict do nothing`);
  }
}

/** Adds or removes one dataset ↔ group membership (member_create / member_delete); bumps the dataset. */
export async function setMembership(tx: Tx, tenantId: string, datasetId: string, groupId: string, member: boolean): Promise<void> {
  if (member) {
    await tx.execute(sql`insert into opendata_dataset_groups (tenant_id, dataset_id, group_id) values (${tenantId}, ${datasetId}, ${groupId}) on conflict do nothing`);
  } else {
    await tx.execute(sql`delete from opendata_dataset_groups where dataset_id = ${datasetId} and group_id = ${groupId}`);
  }
  await touchDataset(tx, datasetId);
}

/** Bumps a dataset's metadata_modified (harvesters compare it). */
export async function touchDataset(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update opendata_datasets set metadata_modified = now() where id = ${id}`);
}

/** package_delete: state deleted, kept for harvesters to notice. */
export async function softDeleteDataset(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update opendata_datasets set state = 'deleted', deleted_at = now(), metadata_modified = now() where id = ${id}`);
}

/** A dataset's resources in order (id and Japanese name). */
export function resourcesOf(tx: Tx, datasetId: string): Promise<{ id: string; name: string }[]> {
  return txRows(tx, sql`select id, name->>'ja' as name from opendata_resources where dataset_id = ${datasetId} order by position, created`);
}

/** Keeps exactly these resources of a dataset, in this order (package_update with `resources`). */
export async function keepResources(tx: Tx, datasetId: string, ids: string[]): Promise<void> {
  await tx.execute(sql`delete from opendata_resources where dataset_id = ${datasetId} and not (id = any(${uuidArray(ids)}))`);
  await tx.execute(sql`update opendata_resources r set position = (k.ord - 1)::int, metadata_modified = now()
    from unnest(${uuidArray(ids)}) with ordinality as k(id, ord) where r.id = k.id and r.dataset_id = ${datasetId} and r.position <> (k.ord - 1)::int`);
}

/** A public-to-be dataset's template and the names of its resources that failed the standard check. */
export async function publishState(tx: Tx, datasetId: string): Promise<{ public: boolean; template_id: string | null; failing: string[] } | null> {
  const [row] = await txRows<{ public: boolean; template_id: string | null; failing: string[] }>(tx, sql`select
      (d.state = 'active' and not d.private) as public, d.template_id,
      coalesce((select array_agg(r.name->>'ja' order by r.position, r.created) from opendata_resources r where r.dataset_id = d.id and r.check_ok = false), '{}'::text[]) as failing
    from opendata_datasets d where d.id = ${datasetId}`);
  return row ?? null;
}
