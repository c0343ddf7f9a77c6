import { addMessages } from '../../app/i18n/index.tsx';
import type { WebModule } from '../types.ts';
import { messages } from './messages-citizen.ts';
import { messages as adminMessages } from './messages-admin.ts';
import { adminPages } from './admin/pages.ts';
import { CatalogPage } from './citizen/CatalogPage.tsx';
import { DatasetPage } from './citizen/DatasetPage.tsx';
import { LatestDatasets } from './citizen/LatestDatasets.tsx';

addMessages(messages);
addMessages(adminMessages);

/** オープンデータ: the catalog search and dataset pages for citizens (CKAN Action API), and the staff pages. */
export const opendata: WebModule = {
  id: 'opendata',
  citizen: [
    { path: '/opendata', component: CatalogPage },
    { path: '/opendata/dataset/:name', component: DatasetPage },
  ],
  home: [LatestDatasets],
  admin: adminPages,
  nav: [{ path: '/opendata', labelKey: 'opendata.admin.nav', permission: ['opendata.publish', 'opendata.manage'] }],
};
