import { sql } from 'drizzle-orm';
import type { Platform } from '../../core/platform.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import { jsonb, textArray } from '../../core/db/params.ts';

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
