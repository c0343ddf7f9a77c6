import type { ModulePage } from '../../types.ts';
import { OverviewPage } from './OverviewPage.tsx';
import { CategoriesPage } from './CategoriesPage.tsx';
import { CategoryEdit } from './CategoryEdit.tsx';
import { ItemsPage } from './ItemsPage.tsx';
import { ItemEdit } from './ItemEdit.tsx';
import { AreasPage } from './AreasPage.tsx';
import { AreaEdit } from './AreaEdit.tsx';
import { RulesPage } from './RulesPage.tsx';
import { ChangesPage } from './ChangesPage.tsx';
import { PreviewPage } from './PreviewPage.tsx';
import { NoticesPage } from './NoticesPage.tsx';
import { NoticeEdit } from './NoticeEdit.tsx';
import { ExchangePage } from './ExchangePage.tsx';

const permission = 'garbage.manage';

/** The console pages of the garbage module (paths under /admin); fixed paths come before `:id`. */
export const adminPages: ModulePage[] = [
  { path: '/garbage', component: OverviewPage, permission },
  { path: '/garbage/categories', component: CategoriesPage, permission },
  { path: '/garbage/categories/:id', component: CategoryEdit, permission },
  { path: '/garbage/items', component: ItemsPage, permission },
  { path: '/garbage/items/:id', component: ItemEdit, permission },
  { path: '/garbage/areas', component: AreasPage, permission },
  { path: '/garbage/areas/:id', component: AreaEdit, permission },
  { path: '/garbage/areas/:id/rules', component: RulesPage, permission },
  { path: '/garbage/changes', component: ChangesPage, permission },
  { path: '/garbage/preview', component: PreviewPage, permission },
  { path: '/garbage/notices', component: NoticesPage, permission },
  { path: '/garbage/notices/:id', component: NoticeEdit, permission },
  { path: '/garbage/exchange', component: ExchangePage, permission },
];
