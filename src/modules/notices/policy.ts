import type { Actor } from '../../core/platform.ts';
import { can } from '../../core/auth/access.ts';
import type { NoticeRow } from './schema.ts';

/** The permission staff need to write notices. */
export const MANAGE = 'notices.manage';

/** Whether the actor may see this notice: anyone once published, editors always. */
export function canRead(actor: Actor, notice: Pick<NoticeRow, 'publishedAt'>, now: Date): boolean {
  if (notice.publishedAt && notice.publishedAt <= now) return true;
  return can(actor, MANAGE);
}

/** Whether the actor may create, change or delete notices. */
export function canManage(actor: Actor): boolean {
  return can(actor, MANAGE);
}
