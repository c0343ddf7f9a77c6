import { randomUUID } from 'node:crypto';
import type { TenantScope } from '../../core/modules/manifest.ts';
import { replaceDatastore } from './datastore/store.ts';
import { prepareUpload, RESOURCE_UPLOAD_POLICY } from './resources/upload.ts';
import { insertResource } from './resources/repo.ts';
import { ensureOrganization } from './living/repo.ts';
import { syncTenantIn } from './living/sync.ts';
import { SEED_CITIES } from './seed-data/facilities.ts';
import { SEED_GROUPS, seedDatasets, type SeedDataset } from './seed-data/datasets.ts';
import * as repo from './seed-data/repo.ts';

/** An organisation name from a department code (CKAN names need two characters at least). */
const orgName = (code: string) => (code.length >= 2 ? code : `${code}-dept`);

/** Publishes one demo dataset: its CSV stored, checked against the template (must pass), loaded into the datastore. */
async function publishDataset(scope: TenantScope, orgId: string, groupIds: Map<string, string>, d: SeedDataset): Promise<void> {
  const { tx, tenantId, platform } = scope;
  const file = { filename: `${d.name}.csv`, data: d.csv };
  const up = await prepareUpload(platform, file, d.templateId, 'CSV');
  if (!up.check?.ok || !up.table) throw new Error(`opendata seed: ${d.name}.csv does not pass the ${d.templateId} template: ${JSON.stringify(up.check?.report.problems.slice(0, 3))}`);
  const datasetId = await repo.insertSeedDataset(tx, tenantId, orgId, {
    name: d.name, title: d.title, notes: d.notes, tags: d.tags, templateId: d.templateId, groupIds: d.groups.map((g) => groupIds.get(g)!),
  });
  const id = randomUUID();
  const stored = await platform.files.store(tx, { tenantId, filename: file.filename, data: file.data, policy: RESOURCE_UPLOAD_POLICY, ownerType: 'opendata_resource', ownerId: id });
  await insertResource(tx, tenantId, id, datasetId, {
    name: { ja: `${d.title.ja}（CSV）`, en: `${d.title.en} (CSV)` }, format: 'CSV', position: 0,
    file: { fileId: stored.id, size: stored.size, hash: stored.sha256, mimetype: up.mimetype, encoding: up.encoding, checkReport: up.check.report, checkOk: true },
  });
  await replaceDatastore(tx, tenantId, id, up.table.fields, up.table.rows);
}

/**
 * Demo catalog of a tenant: one organisation per department (課), the five theme groups, for 徳島市 and
 * 松阪市 the standard datasets AED設置箇所・指定緊急避難場所・公共施設 (demo rows, marked as such), then the
 * living datasets of every module (opendata seeds after the other modules). Runs once: a tenant whose
 * catalog has groups or datasets of its own is left alone.
 */
export async function seedOpendata(scope: TenantScope, tenant: { id: string; slug: string }): Promise<void> {
  const { tx, platform } = scope;
  if (await repo.catalogStarted(tx)) return;
  const { lgCode, departments } = await repo.departmentsAndCode(tx, tenant.id);
  const orgs = new Map<string, string>();
  for (const d of departments) {
    orgs.set(d.code, await ensureOrganization(tx, tenant.id, orgName(d.code), { ja: d.name_ja, en: d.name_en }, d.id));
  }
  const groupIds = new Map<string, string>();
  for (const g of SEED_GROUPS) groupIds.set(g.name, await repo.ensureGroup(tx, tenant.id, g.name, g.title));
  const city = SEED_CITIES[lgCode];
  if (city) {
    for (const d of seedDatasets(city)) {
      const owner = d.departments.map((c) => orgs.get(c)).find(Boolean) ?? orgs.values().next().value
        ?? await ensureOrganization(tx, tenant.id, 'city', { ja: city.name, en: city.name });
      await publishDataset(scope, owner, groupIds, d);
    }
  }
  await syncTenantIn(platform, tx, tenant.id);
}
