import type { Actor } from '../../core/platform.ts';
import { can } from '../../core/auth/access.ts';

/** Set up resources (検診会場, 施設, 面談枠, 会議室, 公用車) and their rules. */
export const MANAGE = 'reservations.manage';
/** Work the bookings of one's departments' resources: roster, check-in, phone bookings, exports. */
export const PROCESS = 'reservations.process';

/** Whether the actor may create and change resources. */
export function canManage(actor: Actor): boolean {
  return can(actor, MANAGE);
}

/** Whether the actor may see and work the bookings of a resource owned by `departmentId` (null: no department). */
export function canProcess(actor: Actor, resource: { departmentId: string | null }): boolean {
  if (can(actor, MANAGE)) return true;
  if (!can(actor, PROCESS)) return false;
  return resource.departmentId === null || actor.departmentIds.includes(resource.departmentId);
}

/** Whether the actor may book a staff-only resource (会議室, 公用車) for themselves: any staff member. */
export function canBookStaffResource(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.id !== null;
}
