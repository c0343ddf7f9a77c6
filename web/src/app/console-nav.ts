import type { ConsoleNavEntry } from '../modules/types.ts';
import { webModules } from '../modules/index.ts';

/**
 * The core's permission ids as the server declares them for the admin screens. Kept in one place
 * so a rename on the server is one edit here.
 */
export const CORE_PERMISSIONS = {
  departments: 'core.departments.manage',
  users: 'core.users.manage',
  roles: 'core.roles.manage',
  audit: 'core.audit.read',
  outbox: 'core.outbox.read',
  settings: 'core.settings.manage',
} as const;

/** The console's navigation: the dashboard, the core screens, then every module's entries (OIDC is reached from 自治体の設定). */
export function consoleNav(): ConsoleNavEntry[] {
  return [
    { path: '', labelKey: 'console.nav.dashboard', permission: '' },
    { path: '/departments', labelKey: 'console.nav.departments', permission: CORE_PERMISSIONS.departments },
    { path: '/users', labelKey: 'console.nav.users', permission: CORE_PERMISSIONS.users },
    { path: '/roles', labelKey: 'console.nav.roles', permission: CORE_PERMISSIONS.roles },
    { path: '/audit', labelKey: 'console.nav.audit', permission: CORE_PERMISSIONS.audit },
    { path: '/outbox', labelKey: 'console.nav.outbox', permission: CORE_PERMISSIONS.outbox },
    { path: '/settings', labelKey: 'console.nav.settings', permission: CORE_PERMISSIONS.settings },
    ...webModules.flatMap((m) => m.nav ?? []),
  ];
}
