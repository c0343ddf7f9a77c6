import type { Actor, Tenant } from '../platform.ts';
import type { Lang } from '../i18n/index.ts';
import type { RoutePermission } from '../auth/access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant named by the host or the /t/{slug} prefix; null on installation-wide routes. */
    tenant: Tenant | null;
    /** Slug the URL named, before it was looked up. */
    tenantSlug: string | null;
    actor: Actor;
    lang: Lang;
    /** Set once the route's declared permission was checked (read by the route-walk test). */
    accessChecked: boolean;
  }
  interface FastifyContextConfig {
    /** Required on every route: deny-by-default means a route without it fails the boot. */
    permission?: RoutePermission;
    /** false for installation-wide routes that need no tenant (health, docs, tenant list). */
    tenant?: boolean;
    /** false for state-changing routes that authenticate otherwise (sign-in form posts with their own token, webhooks). */
    csrf?: boolean;
    /** true for routes that also accept a staff API token in `Authorization` (machine clients: CKAN harvesters). */
    apiToken?: boolean;
  }
}

/** Reads the tenant of a request that must have one (tenant routes are guaranteed one by the core). */
export function tenantOf(req: { tenant: Tenant | null }): Tenant {
  if (!req.tenant) throw new Error('route declared tenant:false but asked for the tenant');
  return req.tenant;
}
