/** Rows and responses of the core's admin API: presenters whitelist fields and never pass secrets on. */

/** A department row. */
export interface DepartmentRow { id: string; code: string; name_ja: string; name_en: string; member_count: number; created_at: Date | string }
/** A staff user row as the admin repo reads it (no password hash, no TOTP secret). */
export interface UserRow {
  id: string; email: string; display_name: string; is_tenant_admin: boolean; totp_enabled: boolean; disabled: boolean;
  locked_until: Date | string | null; last_login_at: Date | string | null; created_at: Date | string; department_ids: string[]; role_ids: string[];
}
/** A role row with its permissions. */
export interface RoleRow { id: string; name: string; description: string; permissions: string[]; user_count: number; created_at: Date | string }

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Department for the admin screens. */
export function presentDepartment(r: DepartmentRow) {
  return { id: r.id, code: r.code, name: { ja: r.name_ja, en: r.name_en }, memberCount: Number(r.member_count ?? 0), createdAt: iso(r.created_at) };
}

/** Staff user for the admin screens: flags and memberships, never credentials. */
export function presentUser(r: UserRow) {
  const lockedUntil = r.locked_until && new Date(r.locked_until).getTime() > Date.now() ? iso(r.locked_until) : null;
  return {
    id: r.id, email: r.email, displayName: r.display_name, isTenantAdmin: r.is_tenant_admin, totpEnabled: r.totp_enabled,
    disabled: r.disabled, locked: lockedUntil !== null, lockedUntil, lastLoginAt: iso(r.last_login_at), createdAt: iso(r.created_at),
    departmentIds: r.department_ids ?? [], roleIds: r.role_ids ?? [],
  };
}

/** Role with its permission ids. */
export function presentRole(r: RoleRow) {
  return { id: r.id, name: r.name, description: r.description, permissions: [...(r.permissions ?? [])].sort(), userCount: Number(r.user_count ?? 0), createdAt: iso(r.created_at) };
}
