import { createContext, useContext, useEffect, type ComponentType } from 'react';
import { matchPath, navigate, useLocation } from './router.tsx';
import { hasPermission, TenantProvider, useTenant } from './tenant.tsx';
import { useI18n } from './i18n/index.tsx';
import { API_ERROR_EVENT, type ApiError } from './api.ts';
import { PortalLayout } from './PortalLayout.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { CORE_PERMISSIONS } from './console-nav.ts';
import { webModules } from '../modules/index.ts';
import { Loading, Page } from '../components/Page.tsx';
import { Notice } from '../components/Notice.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { TenantList } from '../core-pages/portal/TenantList.tsx';
import { PortalHome } from '../core-pages/portal/PortalHome.tsx';
import { Register } from '../core-pages/account/Register.tsx';
import { Verify } from '../core-pages/account/Verify.tsx';
import { CitizenSignIn } from '../core-pages/account/CitizenSignIn.tsx';
import { MyAccount } from '../core-pages/account/MyAccount.tsx';
import { CitizenReset } from '../core-pages/account/CitizenReset.tsx';
import { StaffSignIn } from '../core-pages/admin/StaffSignIn.tsx';
import { TotpEnrol } from '../core-pages/admin/TotpEnrol.tsx';
import { PasswordReset } from '../core-pages/admin/PasswordReset.tsx';
import { Dashboard } from '../core-pages/admin/Dashboard.tsx';
import { Departments } from '../core-pages/admin/Departments.tsx';
import { DepartmentEdit } from '../core-pages/admin/DepartmentEdit.tsx';
import { Users } from '../core-pages/admin/Users.tsx';
import { UserEdit } from '../core-pages/admin/UserEdit.tsx';
import { Roles } from '../core-pages/admin/Roles.tsx';
import { RoleEdit } from '../core-pages/admin/RoleEdit.tsx';
import { AuditLog } from '../core-pages/admin/AuditLog.tsx';
import { Outbox } from '../core-pages/admin/Outbox.tsx';
import { OutboxMessage } from '../core-pages/admin/OutboxMessage.tsx';
import { OidcSettings } from '../core-pages/admin/OidcSettings.tsx';
import { MunicipalitySettings } from '../core-pages/admin/MunicipalitySettings.tsx';

interface RouteDef { path: string; component: ComponentType; permission?: string | readonly string[]; public?: boolean }

const citizenRoutes: RouteDef[] = [
  { path: '/', component: PortalHome },
  { path: '/account', component: MyAccount },
  { path: '/account/register', component: Register },
  { path: '/account/verify', component: Verify },
  { path: '/account/login', component: CitizenSignIn },
  { path: '/account/signin', component: CitizenSignIn },
  { path: '/account/reset', component: CitizenReset },
  ...webModules.flatMap((m) => m.citizen ?? []),
];

// Paths relative to /admin. `public` pages work without a staff session.
const adminRoutes: RouteDef[] = [
  { path: '/signin', component: StaffSignIn, public: true },
  { path: '/reset', component: PasswordReset, public: true },
  { path: '/2fa', component: TotpEnrol },
  { path: '/', component: Dashboard },
  { path: '/departments', component: Departments, permission: CORE_PERMISSIONS.departments },
  { path: '/departments/:id', component: DepartmentEdit, permission: CORE_PERMISSIONS.departments },
  { path: '/users', component: Users, permission: CORE_PERMISSIONS.users },
  { path: '/users/:id', component: UserEdit, permission: CORE_PERMISSIONS.users },
  { path: '/roles', component: Roles, permission: CORE_PERMISSIONS.roles },
  { path: '/roles/:id', component: RoleEdit, permission: CORE_PERMISSIONS.roles },
  { path: '/audit', component: AuditLog, permission: CORE_PERMISSIONS.audit },
  { path: '/outbox', component: Outbox, permission: CORE_PERMISSIONS.outbox },
  { path: '/outbox/:id', component: OutboxMessage, permission: CORE_PERMISSIONS.outbox },
  { path: '/settings', component: MunicipalitySettings, permission: CORE_PERMISSIONS.settings },
  { path: '/settings/oidc', component: OidcSettings, permission: CORE_PERMISSIONS.settings },
  ...webModules.flatMap((m) => m.admin ?? []),
];

const ParamsContext = createContext<Record<string, string>>({});

/** The params of the matched route (`:id` → `useParams().id`). */
export function useParams(): Record<string, string> {
  return useContext(ParamsContext);
}

function find(routes: RouteDef[], path: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** The whole app: `/` lists tenants, `/t/{slug}/…` is the portal and `/t/{slug}/admin/…` the console. */
export function App() {
  const { pathname } = useLocation();
  const m = /^\/t\/([a-z][a-z0-9-]*)(\/.*)?$/.exec(pathname);
  if (!m) return pathname === '/' ? <TenantList /> : <NotFoundStandalone />;
  return (
    <TenantProvider slug={m[1]}>
      <TenantArea rest={(m[2] ?? '/').replace(/\/+$/, '') || '/'} />
    </TenantProvider>
  );
}

function TenantArea({ rest }: { rest: string }) {
  const { portalError } = useTenant();
  if (portalError?.code === 'tenant_unknown' || portalError?.status === 404) {
    return <PortalLayout><UnknownTenant /></PortalLayout>;
  }
  if (rest === '/admin' || rest.startsWith('/admin/')) return <ConsoleArea path={rest.slice(6) || '/'} />;
  const hit = find(citizenRoutes, rest);
  const Component = hit?.route.component ?? NotFound;
  return (
    <PortalLayout>
      <ParamsContext.Provider value={hit?.params ?? {}}><Component key={rest} /></ParamsContext.Provider>
    </PortalLayout>
  );
}

function ConsoleArea({ path }: { path: string }) {
  const { me, meLoaded, to, refreshMe } = useTenant();
  const hit = find(adminRoutes, path);
  const staff = me?.kind === 'staff' ? me : null;
  const mustEnrol = !!staff && staff.mfaRequired && !staff.totpEnabled;
  const isPublic = !!hit?.route.public;

  // Any API call answering "enrol 2FA first" sends the person to the enrolment page; an expired
  // session re-reads /auth/me, which then sends them to sign in (coming back here afterwards).
  useEffect(() => {
    const onError = (e: Event) => {
      const err = (e as CustomEvent<ApiError>).detail;
      if (err.code === 'totp_enrolment_required') navigate(to('/admin/2fa'), { replace: true });
      else if (err.code === 'session_expired' || err.code === 'unauthenticated') void refreshMe();
    };
    window.addEventListener(API_ERROR_EVENT, onError);
    return () => window.removeEventListener(API_ERROR_EVENT, onError);
  }, [to, refreshMe]);

  useEffect(() => {
    if (!meLoaded || isPublic) return;
    if (!staff) navigate(to(`/admin/signin?next=${encodeURIComponent(location.pathname + location.search)}`), { replace: true });
    else if (mustEnrol && path !== '/2fa') navigate(to('/admin/2fa'), { replace: true });
  }, [meLoaded, staff, mustEnrol, isPublic, path, to]);

  let body;
  if (!hit) body = <NotFound />;
  else if (!isPublic && (!meLoaded || !staff || (mustEnrol && path !== '/2fa'))) body = <Loading />;
  else if (!isPublic && !hasPermission(staff, hit.route.permission)) body = <Forbidden />;
  else body = <ParamsContext.Provider value={hit.params}><hit.route.component key={path} /></ParamsContext.Provider>;
  return <ConsoleLayout bare={isPublic || path === '/2fa'}>{body}</ConsoleLayout>;
}

function NotFound() {
  const { t } = useI18n();
  return <Page title={t('error.not_found_title')}><p className="text-std-16N-170">{t('error.not_found_body')}</p></Page>;
}

function Forbidden() {
  const { t } = useI18n();
  return <Page title={t('error.forbidden_title')}><Notice kind="warning">{t('error.forbidden_body')}</Notice></Page>;
}

function UnknownTenant() {
  const { t } = useI18n();
  return (
    <Page title={t('error.tenant_unknown_title')}>
      <p className="mb-6 text-std-16N-170">{t('error.tenant_unknown_body')}</p>
      <ButtonLink href="/" variant="secondary">{t('portal.all_tenants')}</ButtonLink>
    </Page>
  );
}

function NotFoundStandalone() {
  const { t } = useI18n();
  return (
    <main id="main" className="container-page py-12">
      <Page title={t('error.not_found_title')}>
        <p className="mb-6 text-std-16N-170">{t('error.not_found_body')}</p>
        <ButtonLink href="/" variant="secondary">{t('portal.all_tenants')}</ButtonLink>
      </Page>
    </main>
  );
}
