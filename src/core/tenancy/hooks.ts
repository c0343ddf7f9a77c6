import type { FastifyInstance } from 'fastify';
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
    app.addHook('onRequest', async (req) => {
      const slug = (req.raw as Tagged)[SLUG_KEY] ?? null;
      req.tenantSlug = slug;
      const tenant = slug ? await tenants.bySlugName(slug) : await tenants.byHostName(req.hostname ?? '');
      req.tenant = tenant ?? null;
      const needsTenant = req.routeOptions.config?.tenant !== false && req.url.startsWith('/api/');
      if (!needsTenant) return;
      if (slug && !tenant) throw new AppError(404, 'tenant_unknown', 'error.tenant_unknown', { slug }, 'tenant');
      if (!tenant) throw new AppError(404, 'tenant_required', 'error.tenant_required', {}, 'tenant');
    });
  },
};
