import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from './platform.ts';
import type { TenantRegistry } from './tenancy/registry.ts';

/** Options of the core's own API routes. */
export interface CoreRouteOptions {
  platform: Platform;
  tenants: TenantRegistry;
}

/** The core's API: installation info, the tenant's portal data; auth and admin routes register here too. */
export const coreRoutes: FastifyPluginAsync<CoreRouteOptions> = async (app, { platform, tenants }) => {
  app.get('/tenants', { config: { permission: 'public', tenant: false } }, async () => ({
    tenants: (await tenants.all()).map((t) => ({ slug: t.slug, name: { ja: t.nameJa, en: t.nameEn }, lgCode: t.lgCode })),
  }));
  app.get('/portal', { config: { permission: 'public' } }, async (req) => {
    const tenant = req.tenant!;
    return {
      tenant: { slug: tenant.slug, name: { ja: tenant.nameJa, en: tenant.nameEn }, lgCode: tenant.lgCode },
      modules: platform.modules.filter((m) => m.portal).map((m) => ({ id: m.id, title: m.title, path: m.portal!.path, label: m.portal!.label, icon: m.portal!.icon ?? null })),
    };
  });
};
