import { addMessages } from '../../app/i18n/index.tsx';
import type { WebModule } from '../types.ts';
import { messages } from './messages.ts';
import { NoticesPage } from './citizen/NoticesPage.tsx';
import { NoticesAdmin } from './admin/NoticesAdmin.tsx';
import { NoticeEdit } from './admin/NoticeEdit.tsx';
import { LatestNotices } from './citizen/LatestNotices.tsx';

addMessages(messages);

/** The reference module's pages: the citizen list and the staff CRUD. Copy this shape for a new module. */
export const notices: WebModule = {
  id: 'notices',
  citizen: [{ path: '/notices', component: NoticesPage }],
  admin: [
    { path: '/notices', component: NoticesAdmin, permission: 'notices.manage' },
    { path: '/notices/:id', component: NoticeEdit, permission: 'notices.manage' },
  ],
  nav: [{ path: '/notices', labelKey: 'notices.nav', permission: 'notices.manage' }],
  home: [LatestNotices],
};
