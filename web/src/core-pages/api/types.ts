import type { LocalText } from '../../app/i18n/index.tsx';

/** Who is signed in, as GET /api/auth/me tells. */
export interface Me {
  kind: 'staff' | 'citizen';
  id: string;
  displayName: string;
  email: string;
  isTenantAdmin: boolean;
  permissions: string[];
  departmentIds: string[];
  mfaRequired: boolean;
  totpEnabled: boolean;
}

/** A tenant as the installation lists it. */
export interface TenantSummary { slug: string; name: LocalText; lgCode: string }

/** How citizens who do not use the internet reach the city (tenant settings); nulls when not set. */
export interface PortalContact { phone: string | null; hours: LocalText | null }

/** GET /api/portal: the tenant, its counter contact and the entry points of its modules. */
export interface Portal {
  tenant: TenantSummary;
  contact: PortalContact;
  modules: { id: string; path: string; label: LocalText; icon?: string | null }[];
}

/** A department (課) as the console shows it. */
export interface Department { id: string; code: string; nameJa: string; nameEn: string }
/** A staff account as the console shows it (never credentials). */
export interface StaffUser {
  id: string; email: string; displayName: string; departmentIds: string[]; roleIds: string[];
  isTenantAdmin: boolean; disabled: boolean; totpEnabled?: boolean; locked?: boolean; lockedUntil?: string | null; lastLoginAt?: string | null;
}
/** A role and its permission ids. */
export interface Role { id: string; name: string; description: string; permissions: string[] }
/** A permission a module declares, for the role editor. */
export interface Permission { id: string; label: LocalText; personalData?: boolean; module: string }
/** One audit-log entry, flattened for the table. */
export interface AuditItem {
  seq: number; at: string; actorKind: string; actorId: string | null; action: string;
  targetType: string | null; targetId: string | null; personalData: boolean; details: unknown; ip: string | null;
}
/** An outgoing message; body fields only on the detail view. */
export interface OutboxItem {
  id: string; channel: string; status: string; attempts: number; createdAt: string; sentAt: string | null;
  to?: string; subject?: string; lastError: string | null; body?: string; text?: string; html?: string;
}
/** A page of a list answer. */
export interface Paged<T> { items: T[]; total: number }
