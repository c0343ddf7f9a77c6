import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../core/modules/manifest.ts';
import { MANAGE, PUBLISH } from './policy.ts';
import { ckanRoutes } from './ckan/routes.ts';
import { opendataRoutes } from './routes.ts';
import { opendataAdminRoutes } from './admin/routes.ts';
import { dcatRoutes } from './dcat/routes.ts';
import { syncLiving } from './living/sync.ts';
import { opendataKpis } from './kpis.ts';
import { seedOpendata } from './seed.ts';

/**
 * オープンデータ (open data catalog): organisations, groups, datasets and resources spoken as CKAN's
 * Action API (`/t/{slug}/api/3/action/…`, also `/api/action/…`), a datastore for tabular resources,
 * DCAT catalogs, CSV checks against the 自治体標準オープンデータセット, and living datasets refreshed from
 * every module's `openData`. Module routes under /api/opendata and /api/admin/opendata (README.md).
 */
export const opendata: Manifest = {
  id: 'opendata',
  title: { ja: 'オープンデータ', en: 'Open data', 'ja-easy': 'オープンデータ' },
  routes: opendataRoutes,
  adminRoutes: opendataAdminRoutes,
  mounts: [
    { prefix: '/api/3', routes: ckanRoutes },
    { prefix: '/api', routes: ckanRoutes },
    { prefix: '', routes: dcatRoutes },
  ],
  permissions: [
    { id: MANAGE, label: { ja: 'オープンデータの全データセット・組織・グループの管理、APIトークンの発行', en: 'Manage every open dataset, organisation and group; issue API tokens' } },
    { id: PUBLISH, label: { ja: '自課の組織のデータセットの作成・更新・公開', en: 'Create, update and publish datasets of your own department\'s organisations' } },
  ],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  jobs: [{ name: 'opendata.sync-living', everyMs: 60_000, run: async (platform) => { await syncLiving(platform); } }],
  kpis: opendataKpis,
  seed: seedOpendata,
  portal: { path: 'opendata', label: { ja: 'オープンデータ', en: 'Open data', 'ja-easy': 'オープンデータ' }, icon: 'data' },
  console: { path: 'opendata', label: { ja: 'オープンデータ', en: 'Open data' }, permission: PUBLISH },
};
