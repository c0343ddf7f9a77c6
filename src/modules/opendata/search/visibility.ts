import type { Actor } from '../../../core/platform.ts';
import { can } from '../../../core/auth/access.ts';
import { MANAGE, canEditOrg } from '../policy.ts';

/** Which non-public datasets a search asks for (each still limited to what the caller may edit). */
export interface Include {
  includePrivate: boolean;
  includeDrafts: boolean;
  includeDeleted: boolean;
}

/** A dataset as visibility sees it. */
export interface Visible {
  state: 'active' | 'draft' | 'deleted';
  private: boolean;
  departmentId: string | null;
}

/** Everything the caller may see (package_show, organization_show counts for staff). */
export const INCLUDE_ALL: Include = { includePrivate: true, includeDrafts: true, includeDeleted: false };
/** What the public sees. */
export const PUBLIC_ONLY: Include = { includePrivate: false, includeDrafts: false, includeDeleted: false };

/**
 * Whether a dataset is visible to the actor: active public ones to everybody; private and draft ones,
 * when asked for, to staff who may edit the owner organisation (opendata.manage: every one;
 * opendata.publish: their departments'); deleted ones, when asked for, to opendata.manage only.
 */
export function isVisible(d: Visible, actor: Actor, include: Include): boolean {
  if (d.state === 'deleted') return include.includeDeleted && can(actor, MANAGE);
  if (d.state === 'draft' && !(include.includeDrafts && canEditOrg(actor, d.departmentId))) return false;
  if (d.private && !(include.includePrivate && canEditOrg(actor, d.departmentId))) return false;
  return true;
}
