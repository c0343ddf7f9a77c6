import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../core/modules/manifest.ts';
import { MANAGE, PROCESS, PROCESS_ALL } from './policy.ts';
import { procedureRoutes } from './procedures/routes.ts';
import { procedureAdminRoutes } from './procedures/admin-routes.ts';
import { submissionRoutes } from './submissions/routes.ts';
import { submissionAdminRoutes } from './submissions/admin-routes.ts';
import { applicationKpis } from './submissions/kpis.ts';
import { submissionJobs } from './submissions/jobs.ts';
import { applicationOpenData } from './procedures/open-data.ts';
import { searchProcedures } from './procedures/search.ts';
import { seedApplications } from './procedures/seed.ts';

/**
 * 電子申請 (online applications): a procedure catalogue, versioned forms built by staff, citizen
 * submission with drafts, receipt numbers and corrections, and a per-department inbox for staff.
 * Public routes live under /api/applications, staff routes under /api/admin/applications.
 */
export const applications: Manifest = {
  id: 'applications',
  title: { ja: '電子申請', en: 'Online applications', 'ja-easy': 'インターネットで もうしこむ' },
  // Only the platform is passed on: `opts` also holds the mount prefix, which would apply twice.
  routes: async (app, { platform }) => {
    await app.register(procedureRoutes, { platform });
    await app.register(submissionRoutes, { platform });
  },
  adminRoutes: async (app, { platform }) => {
    await app.register(procedureAdminRoutes, { platform });
    await app.register(submissionAdminRoutes, { platform });
  },
  permissions: [
    { id: MANAGE, label: { ja: '手続きと申請フォームの作成・公開', en: 'Build and publish procedures and forms' } },
    { id: PROCESS, label: { ja: '担当課の申請の閲覧・処理', en: 'Read and process applications of own departments' }, personalData: true },
    { id: PROCESS_ALL, label: { ja: '全課の申請の閲覧・処理', en: 'Read and process applications of every department' }, personalData: true },
  ],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  jobs: submissionJobs,
  kpis: applicationKpis,
  openData: applicationOpenData,
  search: searchProcedures,
  seed: seedApplications,
  portal: { path: 'applications', label: { ja: '電子申請', en: 'Online applications', 'ja-easy': 'インターネットで もうしこむ' }, icon: 'document' },
  console: { path: 'applications', label: { ja: '電子申請', en: 'Applications' }, permission: PROCESS },
};
