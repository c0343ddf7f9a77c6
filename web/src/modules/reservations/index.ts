import { addMessages } from '../../app/i18n/index.tsx';
import type { WebModule } from '../types.ts';
import { messages } from './messages-citizen.ts';
import { ResourcesPage } from './citizen/ResourcesPage.tsx';
import { ResourcePage } from './citizen/ResourcePage.tsx';
import { ManagePage } from './citizen/ManagePage.tsx';
import { MyBookings } from './citizen/MyBookings.tsx';
import { messages as adminMessages } from './messages-admin.ts';
import { ResourcesAdmin } from './admin/ResourcesAdmin.tsx';
import { ResourceEdit } from './admin/ResourceEdit.tsx';
import { RosterPage } from './admin/RosterPage.tsx';
import { VenueRosterPage } from './admin/VenueRosterPage.tsx';

addMessages(messages);
addMessages(adminMessages);

/** Staff pages: working bookings (process) or setting resources up (manage). */
const STAFF = ['reservations.process', 'reservations.manage'];

/** 予約: the citizen's list of bookable resources, the month calendar with booking form and lottery entry, the manage page of the email link, and a signed-in citizen's bookings on the account page. */
export const reservations: WebModule = {
  id: 'reservations',
  citizen: [
    { path: '/reservations', component: ResourcesPage },
    { path: '/reservations/manage/:token', component: ManagePage },
    { path: '/reservations/:resourceId', component: ResourcePage },
  ],
  account: [MyBookings],
  admin: [
    { path: '/reservations', component: ResourcesAdmin, permission: STAFF },
    { path: '/reservations/roster', component: VenueRosterPage, permission: STAFF },
    { path: '/reservations/:resourceId/roster', component: RosterPage, permission: STAFF },
    { path: '/reservations/:id', component: ResourceEdit, permission: 'reservations.manage' },
  ],
  nav: [{ path: '/reservations', labelKey: 'reservations.admin.nav', permission: STAFF }],
};
