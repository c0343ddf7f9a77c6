import type { Tx } from '../../../core/db/connection.ts';
import type { Platform } from '../../../core/platform.ts';
import type { Manifest, OpenDataDef } from '../../../core/modules/manifest.ts';
import { DEFAULT_LICENSE_ID } from '../catalog/licenses.ts';
import { clearDatastore, replaceDatastore } from '../datastore/store.ts';
import { render, type Rendering } from './render.ts';
import * as repo from './repo.ts';

/** The organisation that publishes the platform's own data (no module names its department). */
export const SYSTEMS_ORG = 'city-systems';
export const LIVING_TAG = '自動更新';

/** What one dataset's sync did. */
export type SyncOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

/** One line of a sync's result, for the CLI and tests. */
export interface SyncResult {
  tenantId: string;
  source: string;
  outcome: SyncOutcome;
}

const POLICY = { csv: ['text/csv'], json: ['application/json'], geojson: ['text/plain', 'application/json'] };
const MIME = { csv: 'text/csv', json: 'application/json', geojson: 'application/geo+json' } as const;
const LABEL = { csv: 'CSV', json: 'JSON', geojson: 'GeoJSON' } as const;
const MAX_BYTES = 200 * 1024 * 1024;

/** The catalog name of a module's dataset: CKAN's 2–100 of a-z 0-9 - _. */
export function livingName(moduleId: string, defId: string): string {
  return `${moduleId}-${defId}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 100);
}

function metaOf(m: Manifest, def: OpenDataDef, city: { ja: string; en: string }): repo.LivingMeta {
  const source = `${m.id}/${def.id}`;
  return {
    name: livingName(m.id, def.id), source, licenseId: DEFAULT_LICENSE_ID, tags: [LIVING_TAG],
    title: { ja: def.title.ja, en: def.title.en },
    notes: {
      ja: `${city.ja}の業務システム（${m.title.ja}）の記録から自動で作成・更新するデータです。元の記録が変わると数分以内に反映されます。`,
      en: `Generated from ${city.en || city.ja}'s ${m.title.en} system and refreshed automatically within minutes of a change.`,
    },
    extras: [{ key: 'source', value: source }, { key: 'frequency', value: 'continuous' }],
  };
}

/** Stores the snapshots and points the dataset's living resources at them; superseded files are dropped. */
async function publish(platform: Platform, tx: Tx, tenantId: string, datasetId: string, name: string, title: { ja: string; en: string }, r: Rendering): Promise<void> {
  const existing = await repo.livingResources(tx, datasetId);
  const files: [repo.LivingFormat, Buffer | null, string][] = [['csv', r.csv, 'csv'], ['json', r.json, 'json'], ['geojson', r.geojson, 'geojson']];
  let position = 0;
  for (const [format, data, ext] of files) {
    const old = existing.get(format);
    if (!data) {
      if (old) await repo.deleteResource(tx, old.id);
      if (old?.fileId) await platform.files.remove(tx, old.fileId);
      continue;
    }
    const stored = await platform.files.store(tx, {
      tenantId, filename: `${name}.${ext}`, data, policy: { allowedTypes: POLICY[format], maxBytes: MAX_BYTES }, ownerType: 'opendata_resource', ownerId: datasetId,
    });
    const id = await repo.upsertLivingResource(tx, tenantId, datasetId, old?.id ?? null, {
      format, position: position++, name: { ja: `${title.ja}（${LABEL[format]}）`, en: `${title.en || title.ja} (${LABEL[format]})` },
      fileId: stored.id, size: stored.size, hash: stored.sha256, mimetype: MIME[format], formatLabel: LABEL[format],
    });
    if (old?.fileId) await platform.files.remove(tx, old.fileId);
    // A table too large for the datastore is published as files only.
    if (format === 'csv') await (r.fields.length ? replaceDatastore(tx, tenantId, id, r.fields, r.records) : clearDatastore(tx, id));
  }
}

/**
 * Brings one module dataset up to date in the caller's transaction: nothing is written when the CSV's
 * hash is unchanged (no revision bump, metadata_modified kept). A dataset staff deleted stays deleted;
 * an empty source creates nothing until it has rows.
 */
export async function syncDef(platform: Platform, tx: Tx, tenantId: string, m: Manifest, def: OpenDataDef): Promise<SyncOutcome> {
  const city = await repo.tenantNames(tx, tenantId);
  const meta = metaOf(m, def, city);
  const found = await repo.findLiving(tx, meta.source);
  if (found?.state === 'deleted') return 'skipped';
  const rows = await def.rows(tx, tenantId);
  if (!found && rows.length === 0) return 'skipped';
  const r = render(def.columns, rows);
  if (found && found.csvHash === r.hash) return 'unchanged';
  let datasetId: string;
  if (found) {
    datasetId = found.id;
    await repo.touchLiving(tx, datasetId, meta);
  } else {
    const orgId = await repo.ensureOrganization(tx, tenantId, SYSTEMS_ORG, { ja: `${city.ja} 業務システム`, en: `${city.en || city.ja} systems` });
    datasetId = await repo.insertLiving(tx, tenantId, orgId, meta);
  }
  await publish(platform, tx, tenantId, datasetId, meta.name, meta.title, r);
  return found ? 'updated' : 'created';
}

/** Every module's datasets, in manifest order. */
function definitions(platform: Platform): [Manifest, OpenDataDef][] {
  return platform.modules.flatMap((m) => (m.openData ?? []).map((d): [Manifest, OpenDataDef] => [m, d]));
}

/**
 * Syncs one tenant inside an open transaction (the demo seed): each dataset in a savepoint, so one that
 * fails is logged and rolled back alone.
 */
export async function syncTenantIn(platform: Platform, tx: Tx, tenantId: string): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const [m, def] of definitions(platform)) {
    const source = `${m.id}/${def.id}`;
    try {
      results.push({ tenantId, source, outcome: await tx.transaction((sp) => syncDef(platform, sp as unknown as Tx, tenantId, m, def)) });
    } catch (err) {
      platform.log.error({ err, tenantId, source }, 'opendata: living dataset sync failed');
      results.push({ tenantId, source, outcome: 'failed' });
    }
  }
  return results;
}

/**
 * Refreshes the living datasets of one tenant or of all: each module dataset in its own transaction, so
 * one that fails is logged and the others go on. The `opendata.sync-living` job and the CLI call this.
 */
export async function syncLiving(platform: Platform, tenantId?: string): Promise<SyncResult[]> {
  const tenants = (await platform.db.rows<{ id: string }>(repo.TENANTS_SQL)).filter((t) => !tenantId || t.id === tenantId);
  const results: SyncResult[] = [];
  for (const t of tenants) {
    for (const [m, def] of definitions(platform)) {
      const source = `${m.id}/${def.id}`;
      try {
        results.push({ tenantId: t.id, source, outcome: await platform.inTenant(t.id, (tx) => syncDef(platform, tx, t.id, m, def)) });
      } catch (err) {
        platform.log.error({ err, tenantId: t.id, source }, 'opendata: living dataset sync failed');
        results.push({ tenantId: t.id, source, outcome: 'failed' });
      }
    }
  }
  return results;
}
