import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../core/modules/manifest.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import { sql } from 'drizzle-orm';
import { noticesRoutes } from './routes.ts';
import { noticesAdminRoutes } from './admin/routes.ts';
import { MANAGE } from './policy.ts';
import * as repo from './repo.ts';
import { seedNotices } from './seed.ts';
import { searchNotices } from './search.ts';

/**
 * お知らせ (notices): the reference module. It shows every part of a manifest end to end — copy its
 * folder to start a new module.
 */
export const notices: Manifest = {
  id: 'notices',
  title: { ja: 'お知らせ', en: 'Notices', 'ja-easy': 'おしらせ' },
  routes: noticesRoutes,
  adminRoutes: noticesAdminRoutes,
  permissions: [{ id: MANAGE, label: { ja: 'お知らせの作成・公開', en: 'Write and publish notices' } }],
  settings: [{ key: 'pageSize', label: { ja: '一覧の表示件数', en: 'Notices per page' }, type: 'number', default: 20 }],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  kpis: [{
    id: 'notices.published',
    label: { ja: '公開したお知らせの件数', en: 'Notices published' },
    unit: '件',
    compute: (tx, q) => repo.countPublishedBetween(tx, q.from, q.to),
  }],
  openData: [{
    id: 'notices',
    title: { ja: 'お知らせ一覧', en: 'Notices' },
    columns: ['ID', '区分', 'タイトル', 'タイトル_英語', '本文', '公開日時'],
    rows: async (tx) => (await txRows<Record<string, unknown>>(tx, sql`
      select id as "ID", category as "区分", title_ja as "タイトル", title_en as "タイトル_英語", body_ja as "本文",
             published_at as "公開日時"
        from notices_notices where published_at is not null and published_at <= now() order by published_at desc`)),
  }],
  search: searchNotices,
  seed: seedNotices,
  portal: { path: 'notices', label: { ja: 'お知らせ', en: 'Notices', 'ja-easy': 'おしらせ' }, icon: 'megaphone' },
  console: { path: 'notices', label: { ja: 'お知らせ', en: 'Notices' }, permission: MANAGE },
};
