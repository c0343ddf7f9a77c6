import type { Actor } from '../../core/platform.ts';
import { can } from '../../core/auth/access.ts';

/** Build procedures and their forms, publish and close them. */
export const MANAGE = 'applications.manage';
/** Read and process the submissions of the procedures owned by (or shared with) one's departments. */
export const PROCESS = 'applications.process';
/** Read and process the submissions of every department. */
export const PROCESS_ALL = 'applications.process_all';

/** Whether the actor may build and publish procedures. */
export function canManage(actor: Actor): boolean {
  return can(actor, MANAGE);
}

/**
 * Whether the actor may read and process submissions of a procedure owned by `departmentId` and
 * shared with `sharedDepartmentIds`.
 */
export function canProcess(actor: Actor, procedure: { departmentId: string | null; sharedDepartmentIds: string[] }): boolean {
  if (can(actor, PROCESS_ALL)) return true;
  if (!can(actor, PROCESS)) return false;
  const mine = new Set(actor.departmentIds);
  if (procedure.departmentId && mine.has(procedure.departmentId)) return true;
  return procedure.sharedDepartmentIds.some((id) => mine.has(id));
}
