import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../core/modules/manifest.ts';
import { MANAGE, PUBLISH } from './policy.ts';
import { ckanRoutes } from './ckan/routes.ts';

/**
 * オープンデータ (open data catalog): organisations, groups, datasets and resources spoken as CKAN's
 * Action API (`/t/{slug}/api/3/action/…`, also `/api/action/…`), a datastore for tabular resources,
 * DCAT catalogs, CSV checks against the 自治体標準オープンデータセット, and living datasets refreshed from
 * every module's `openData`. Module routes under /api/opendata and /api/admin/opendata (README.md).
 */
export const opendata: Manifest = {
  id: 'opendata',
  title: { ja: 'オープンデータ', en: 'Open data', 'ja-easy': 'オープンデータ' },
  mounts: [
    { prefix: '/api/3', routes: ckanRoutes },
    { prefix: '/api', routes: ckanRoutes },
  ],
  permissions: [
    { id: MANAGE, label: { ja: 'オープンデータの全データセット・組織・グループの管理、APIトークンの発行', en: 'Manage every open dataset, organisation and group; issue API tokens' } },
    { id: PUBLISH, label: { ja: '自課の組織のデータセットの作成・更新・公開', en: 'Create, update and publish datasets of your own department\'s organisations' } },
  ],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  portal: { path: 'opendata', label: { ja: 'オープンデータ', en: 'Open data', 'ja-easy': 'オープンデータ' }, icon: 'database' },
  console: { path: 'opendata', label: { ja: 'オープンデータ', en: 'Open data' }, permission: PUBLISH },
};
