import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Tenant } from '../platform.ts';
import type { IncomingMessage } from 'node:http';
import { splitTenantPrefix } from './prefix.ts';
import type { TenantRegistry } from './registry.ts';
import { AppError } from '../http/errors.ts';

const SLUG_KEY = Symbol('yakuba.tenantSlug');
type Tagged = IncomingMessage & { [SLUG_KEY]?: string | null };

/** Tenant resolution: from the `/t/{slug}` prefix (stripped before routing) or from the host name. */
export const installTenancy = {
  /** Fastify's rewriteUrl: strips the prefix and remembers the slug on the raw request. */
  rewrite(req: IncomingMessage): string {
    const { slug, url } = splitTenantPrefix(req.url ?? '/');
    (req as Tagged)[SLUG_KEY] = slug;
    return url;
  },

  /** Looks the tenant up for each request; tenant routes answer 404 for an unknown one. */
  hooks(app: FastifyInstance, tenants: TenantRegistry): void {
    const settle = (req: FastifyRequest, slug: string | null, tenant: Tenant | undefined): Error | undefined => {
      req.tenant = tenant ?? null;
      // The API docs (swagger-ui's own routes, which carry no config) are installation-wide.
      const needsTenant = req.routeOptions.config?.tenant !== false && req.url.startsWith('/api/') && !req.url.startsWith('/api/docs');
      if (!needsTenant || tenant) return undefined;
      return slug
        ? new AppError(404, 'tenant_unknown', 'error.tenant_unknown', { slug }, 'tenant')
        : new AppError(404, 'tenant_required', 'error.tenant_required', {}, 'tenant');
    };
    // Synchronous when the tenant is in memory (nearly always): no promise on the hot path.
    app.addHook('onRequest', (req, _reply, done) => {
      const slug = (req.raw as Tagged)[SLUG_KEY] ?? null;
      req.tenantSlug = slug;
      const known = tenants.peek(slug, req.hostname ?? '');
      if (known || !slug) return done(settle(req, slug, known));
      tenants.bySlugName(slug).then((t) => done(settle(req, slug, t)), done);
    });
  },
};
