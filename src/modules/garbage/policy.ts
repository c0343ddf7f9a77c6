import type { Actor } from '../../core/platform.ts';
import { can } from '../../core/auth/access.ts';
import { forbidden } from '../../core/http/errors.ts';

/** Edit the draft (categories, items, areas, rules, exceptions, suspensions, notices), preview and publish. */
export const MANAGE = 'garbage.manage';

/** Whether the actor may change the garbage draft and publish it. */
export function canManage(actor: Actor): boolean {
  return can(actor, MANAGE);
}

/** The first line of every staff service function: 403 unless the actor may manage. */
export function assertManage(actor: Actor): void {
  if (!canManage(actor)) throw forbidden();
}
