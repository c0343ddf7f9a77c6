import type { Actor } from '../../core/platform.ts';
import { can } from '../../core/auth/access.ts';

/** Edit every dataset, organisation and group of the tenant; issue API tokens for harvesters. */
export const MANAGE = 'opendata.manage';
/** Create and edit datasets of the organisations owned by the staff member's own departments. */
export const PUBLISH = 'opendata.publish';

/** Whether the actor may create or change datasets owned by an organisation of `departmentId` (null: no department). */
export function canEditOrg(actor: Actor, departmentId: string | null): boolean {
  if (can(actor, MANAGE)) return true;
  return can(actor, PUBLISH) && departmentId != null && actor.departmentIds.includes(departmentId);
}

/** Whether the actor may see private and draft datasets at all (their own organisations' or all). */
export function canSeePrivate(actor: Actor): boolean {
  return can(actor, MANAGE) || can(actor, PUBLISH);
}
