import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../core/modules/manifest.ts';
import { MANAGE } from './policy.ts';
import { garbageRoutes } from './routes.ts';
import { garbageAdminRoutes } from './admin/routes.ts';
import { feedRoutes } from './feeds/routes.ts';
import { noticeAdminRoutes, noticePublicRoutes } from './notices/routes.ts';
import { exchangeAdminRoutes } from './exchange/routes.ts';
import { reminderJobs } from './reminders/job.ts';
import { garbageKpis } from './kpis.ts';
import { garbageOpenData } from './open-data.ts';
import { seedGarbage } from './seed.ts';

/**
 * ごみ (garbage): sorting dictionary, collection calendars by area, reminders and city notices. Staff
 * edit a draft and publish it as one bundle; citizens (and their browsers, offline) read only the
 * latest publication. Public routes under /api/garbage, staff routes under /api/admin/garbage (README.md).
 */
export const garbage: Manifest = {
  id: 'garbage',
  title: { ja: 'ごみ', en: 'Garbage', 'ja-easy': 'ごみ' },
  // Only the platform is passed on: `opts` also holds the mount prefix, which would apply twice.
  routes: async (app, { platform }) => {
    await app.register(garbageRoutes, { platform });
    await app.register(feedRoutes, { platform });
    await app.register(noticePublicRoutes, { platform });
  },
  adminRoutes: async (app, { platform }) => {
    await app.register(garbageAdminRoutes, { platform });
    await app.register(noticeAdminRoutes, { platform });
    await app.register(exchangeAdminRoutes, { platform });
  },
  permissions: [
    { id: MANAGE, label: { ja: 'ごみ分別辞典・収集地区・収集日程の編集と公開、お知らせの配信', en: 'Edit and publish the sorting dictionary, collection areas and schedules; send garbage notices' } },
  ],
  jobs: reminderJobs,
  kpis: garbageKpis,
  openData: garbageOpenData,
  seed: (scope, tenant) => seedGarbage(scope, tenant),
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  portal: { path: 'garbage', label: { ja: 'ごみ', en: 'Garbage', 'ja-easy': 'ごみ' }, icon: 'trash' },
  console: { path: 'garbage', label: { ja: 'ごみ', en: 'Garbage' }, permission: MANAGE },
};
