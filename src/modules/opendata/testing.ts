import { sql } from 'drizzle-orm';
import type { Platform } from '../../core/platform.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import { jsonb, textArray } from '../../core/db/params.ts';
import { replaceDatastore, type DatastoreField } from './datastore/store.ts';

/** Test helpers of the opendata module (rows written straight into the tables, for read-side tests). */

/** `/api/3/action/{name}` under the tenant prefix the TestClient adds. */
export const action = (name: string, query = '') => `/api/3/action/${name}${query ? `?${query}` : ''}`;

/** An organisation (課) of the catalog; returns its id. */
export async function insertOrg(platform: Platform, tenantId: string, name: string, title = { ja: `${name} 課`, en: name }): Promise<string> {
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ id: string }>(tx, sql`insert into opendata_organizations (tenant_id, name, title)
    values (${tenantId}, ${name}, ${jsonb(title)}) returning id`));
  return row!.id;
}

/** A dataset row with defaults (public, active, CC BY 4.0); returns its id. */
export async function insertDataset(platform: Platform, tenantId: string, orgId: string, over: {
  name: string; title?: { ja: string; en: string }; notes?: { ja: string; en: string }; tags?: string[]; private?: boolean;
  state?: 'active' | 'draft' | 'deleted'; license_id?: string; template_id?: string | null;
}): Promise<string> {
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ id: string }>(tx, sql`insert into opendata_datasets
    (tenant_id, name, title, notes, owner_org, tags, private, state, license_id, template_id)
    values (${tenantId}, ${over.name}, ${jsonb(over.title ?? { ja: over.name, en: over.name })}, ${jsonb(over.notes ?? { ja: '', en: '' })}, ${orgId},
      ${textArray(over.tags ?? [])}, ${over.private ?? false}, ${over.state ?? 'active'}, ${over.license_id ?? 'CC-BY-4.0'}, ${over.template_id ?? null})
    returning id`));
  return row!.id;
}

/** A link resource of a dataset; returns its id. */
export async function insertLinkResource(platform: Platform, tenantId: string, datasetId: string, over: { name?: string; url?: string; format?: string; position?: number } = {}): Promise<string> {
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ id: string }>(tx, sql`insert into opendata_resources
    (tenant_id, dataset_id, position, name, url, format) values (${tenantId}, ${datasetId}, ${over.position ?? 0},
      ${jsonb({ ja: over.name ?? 'データ', en: 'Data' })}, ${over.url ?? 'https://example.jp/data.csv'}, ${over.format ?? 'CSV'}) returning id`));
  return row!.id;
}

/** A group (分類) of the catalog; returns its id. */
export async function insertGroup(platform: Platform, tenantId: string, name: string, title = { ja: name, en: name }): Promise<string> {
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ id: string }>(tx, sql`insert into opendata_groups (tenant_id, name, title)
    values (${tenantId}, ${name}, ${jsonb(title)}) returning id`));
  return row!.id;
}

/** Puts a dataset in a group. */
export async function addToGroup(platform: Platform, tenantId: string, datasetId: string, groupId: string): Promise<void> {
  await platform.inTenant(tenantId, (tx) => tx.execute(sql`insert into opendata_dataset_groups (tenant_id, dataset_id, group_id)
    values (${tenantId}, ${datasetId}, ${groupId})`));
}

/**
 * An uploaded CSV resource as an upload leaves it: the bytes in the file store, the resource row
 * (url_type 'upload'), its datastore table with these columns and rows, and `downloads` counted this
 * month. Returns the resource id.
 */
export async function insertDatastoreResource(platform: Platform, tenantId: string, datasetId: string, over: {
  name: { ja: string; en: string }; fields: DatastoreField[]; rows: Record<string, string>[]; filename?: string; downloads?: number;
}): Promise<string> {
  const csv = `${[over.fields.map((f) => f.id).join(','), ...over.rows.map((r) => over.fields.map((f) => r[f.id] ?? '').join(','))].join('\r\n')}\r\n`;
  const data = Buffer.from(csv, 'utf8');
  return platform.inTenant(tenantId, async (tx) => {
    const file = await platform.files.store(tx, { tenantId, filename: over.filename ?? 'data.csv', data, policy: { allowedTypes: ['text/csv', 'text/plain'], maxBytes: data.length } });
    const [row] = await txRows<{ id: string }>(tx, sql`insert into opendata_resources
      (tenant_id, dataset_id, position, name, url_type, file_id, format, mimetype, size, hash, encoding)
      values (${tenantId}, ${datasetId}, 0, ${jsonb(over.name)}, 'upload', ${file.id}, 'CSV', 'text/csv', ${data.length}, ${file.sha256}, 'utf-8')
      returning id`);
    await replaceDatastore(tx, tenantId, row!.id, over.fields, over.rows);
    if (over.downloads) {
      await tx.execute(sql`insert into opendata_downloads (tenant_id, resource_id, month, count)
        values (${tenantId}, ${row!.id}, date_trunc('month', now() at time zone 'Asia/Tokyo')::date, ${over.downloads})`);
    }
    return row!.id;
  });
}

/** Gives an organisation to a department (課), whose staff with opendata.publish may then see its private datasets. */
export async function setOrgDepartment(platform: Platform, tenantId: string, orgId: string, departmentId: string | null): Promise<void> {
  await platform.inTenant(tenantId, (tx) => tx.execute(sql`update opendata_organizations set department_id = ${departmentId} where id = ${orgId}`));
}
