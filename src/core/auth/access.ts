import type { Actor } from '../platform.ts';
import { forbidden, unauthenticated } from '../http/errors.ts';

/**
 * What a route may declare as its permission: `public` (anyone), `authenticated` (any signed-in
 * person), `citizen`, `staff` (any staff member of the tenant), or a permission id such as `notices.manage`.
 */
export type RoutePermission = 'public' | 'authenticated' | 'citizen' | 'staff' | (string & {});

/** The actor of a request nobody signed in to. */
export function anonymousActor(tenantId: string | null): Actor {
  return { kind: 'anonymous', id: null, tenantId, permissions: new Set(), departmentIds: [], sessionId: null };
}

/** The actor of jobs and the CLI: may do everything, and is named as `system` in the audit log. */
export function systemActor(tenantId: string | null): Actor {
  return { kind: 'system', id: null, tenantId, permissions: new Set(['*']), departmentIds: [], sessionId: null };
}

/** Whether the actor holds the permission (pure: no I/O). */
export function can(actor: Actor, permission: RoutePermission): boolean {
  switch (permission) {
    case 'public': return true;
    case 'authenticated': return actor.kind !== 'anonymous';
    case 'citizen': return actor.kind === 'citizen';
    case 'staff': return actor.kind === 'staff' || actor.kind === 'system';
    default:
      if (actor.kind !== 'staff' && actor.kind !== 'system') return false;
      return actor.permissions.has('*') || actor.permissions.has(permission);
  }
}

/** Throws 401 for the anonymous and 403 for others unless the actor holds the permission. */
export function assertCan(actor: Actor, permission: RoutePermission): void {
  if (can(actor, permission)) return;
  throw actor.kind === 'anonymous' ? unauthenticated() : forbidden();
}
