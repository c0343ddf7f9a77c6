import { addMessages } from '../../app/i18n/index.tsx';
import type { WebModule } from '../types.ts';
import { messages as citizenMessages } from './messages-citizen.ts';
import { messages as adminMessages } from './messages-admin.ts';
import { ProceduresPage } from './citizen/ProceduresPage.tsx';
import { ProcedurePage } from './citizen/ProcedurePage.tsx';
import { ApplyPage } from './citizen/ApplyPage.tsx';
import { StatusPage } from './citizen/StatusPage.tsx';
import { InboxPage } from './admin/InboxPage.tsx';
import { SubmissionPage } from './admin/SubmissionPage.tsx';
import { ProceduresAdmin } from './admin/ProceduresAdmin.tsx';
import { ProcedureEdit } from './admin/ProcedureEdit.tsx';
import { FormBuilder } from './admin/FormBuilder.tsx';
import { CounterEntry } from './admin/CounterEntry.tsx';
import { MyApplications } from './citizen/MyApplications.tsx';

addMessages(citizenMessages);
addMessages(adminMessages);

/** Processing pages: own departments (process) or every department (process_all). */
const PROCESS = ['applications.process', 'applications.process_all'];
const MANAGE = 'applications.manage';

/** 電子申請: the citizen's catalogue, form and status pages; the staff inbox and form builder. */
export const applications: WebModule = {
  id: 'applications',
  citizen: [
    { path: '/applications', component: ProceduresPage },
    { path: '/applications/status', component: StatusPage },
    { path: '/applications/:procedureId', component: ProcedurePage },
    { path: '/applications/:procedureId/apply', component: ApplyPage },
  ],
  account: [MyApplications],
  admin: [
    { path: '/applications', component: InboxPage, permission: PROCESS },
    { path: '/applications/submissions/:id', component: SubmissionPage, permission: PROCESS },
    { path: '/applications/counter/:procedureId', component: CounterEntry, permission: PROCESS },
    { path: '/applications/procedures', component: ProceduresAdmin, permission: MANAGE },
    { path: '/applications/procedures/:id', component: ProcedureEdit, permission: MANAGE },
    { path: '/applications/procedures/:id/form', component: FormBuilder, permission: MANAGE },
  ],
  nav: [
    { path: '/applications', labelKey: 'applications.nav.inbox', permission: PROCESS },
    { path: '/applications/procedures', labelKey: 'applications.nav.procedures', permission: MANAGE },
  ],
};
