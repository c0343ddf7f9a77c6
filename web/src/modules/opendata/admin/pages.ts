import type { ModulePage } from '../../types.ts';
import { DatasetsPage } from './DatasetsPage.tsx';
import { DatasetEdit, DatasetNew } from './DatasetEdit.tsx';
import { TokensPage } from './TokensPage.tsx';

// Staff who publish for their own department's organisations, or manage the whole catalog.
const permission = ['opendata.publish', 'opendata.manage'] as const;

/** The staff console's open-data pages (paths under /admin); fixed paths come before `:name`. */
export const adminPages: ModulePage[] = [
  { path: '/opendata', component: DatasetsPage, permission },
  { path: '/opendata/new', component: DatasetNew, permission },
  { path: '/opendata/tokens', component: TokensPage, permission },
  { path: '/opendata/dataset/:name', component: DatasetEdit, permission },
];
