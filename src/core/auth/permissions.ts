import type { Manifest, PermissionDef } from '../modules/manifest.ts';

/** The core's own permissions; modules add theirs through their manifests. */
export const CORE_PERMISSIONS: PermissionDef[] = [
  { id: 'core.departments.manage', label: { ja: '部署の管理', en: 'Manage departments' } },
  { id: 'core.users.manage', label: { ja: '職員アカウントの管理', en: 'Manage staff accounts' }, personalData: true },
  { id: 'core.roles.manage', label: { ja: 'ロールと権限の管理', en: 'Manage roles and permissions' } },
  { id: 'core.audit.read', label: { ja: '監査ログの閲覧', en: 'Read the audit log' }, personalData: true },
  { id: 'core.outbox.read', label: { ja: '送信メール（アウトボックス）の閲覧', en: 'Read the outbox' }, personalData: true },
  { id: 'core.outbox.manage', label: { ja: '送信に失敗したメッセージの再送', en: 'Retry failed messages' } },
  { id: 'core.settings.manage', label: { ja: '自治体設定の管理', en: 'Manage municipality settings' } },
];

/** Every permission of this installation: the core's, then each module's in registration order. */
export function allPermissions(modules: Manifest[]): (PermissionDef & { module: string })[] {
  return [
    ...CORE_PERMISSIONS.map((p) => ({ ...p, module: 'core' })),
    ...modules.flatMap((m) => (m.permissions ?? []).map((p) => ({ ...p, module: m.id }))),
  ];
}

/** The ids of every permission, for validating role edits. */
export function permissionIds(modules: Manifest[]): Set<string> {
  return new Set(allPermissions(modules).map((p) => p.id));
}
