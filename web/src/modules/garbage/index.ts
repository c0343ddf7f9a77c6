import { addMessages } from '../../app/i18n/index.tsx';
import type { WebModule } from '../types.ts';
import { messages } from './messages-citizen.ts';
import { GarbagePage } from './citizen/GarbagePage.tsx';
import { SearchPage } from './citizen/SearchPage.tsx';
import { RemindersPage } from './citizen/RemindersPage.tsx';
import { GarbageHome } from './citizen/GarbageHome.tsx';
import { messages as adminMessages } from './messages-admin.ts';
import { adminPages } from './admin/pages.ts';

addMessages(messages);
addMessages(adminMessages);

/** ごみ: the collection calendar by area, the sorting dictionary and reminders (citizen pages). */
export const garbage: WebModule = {
  id: 'garbage',
  citizen: [
    { path: '/garbage', component: GarbagePage },
    { path: '/garbage/search', component: SearchPage },
    { path: '/garbage/reminders', component: RemindersPage },
  ],
  home: [GarbageHome],
  admin: adminPages,
  nav: [{ path: '/garbage', labelKey: 'garbage.admin.nav', permission: 'garbage.manage' }],
};
