import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from './platform.ts';
import type { TenantRegistry } from './tenancy/registry.ts';
import { authRoutes } from './auth/routes.ts';
import { apiTokenRoutes } from './auth/api-token-routes.ts';
import { coreAdminRoutes } from './admin/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { notifyRoutes } from './notify/routes.ts';
import { pwaRoutes } from './http/pwa.ts';
import { citizenAuthRoutes } from './auth/citizen/plugin.ts';
import { publicCache, sendCachedJson } from './http/public-cache.ts';
import { contactOf, updateContact } from './tenancy/profile.ts';
import { Type } from '@sinclair/typebox';
import { errorResponses, LocalText, Nullable, tags } from './http/schemas.ts';

const TenantSummary = Type.Object({
  slug: Type.String({ description: 'The tenant\'s address part: /t/{slug}/…' }),
  name: Type.Object({ ja: Type.String(), en: Type.String() }),
  lgCode: Type.String({ description: '全国地方公共団体コード (local government code, 6 digits)' }),
});
const Contact = Type.Object({
  phone: Nullable(Type.String({ description: 'Counter phone number, e.g. 088-000-0000' })),
  hours: Nullable(Type.Object({ ja: Type.String(), en: Type.String() }, { description: 'Opening hours of the counter (窓口)' })),
}, { description: 'How citizens who do not use the internet reach the city; nulls when not set' });

/** Options of the core's own API routes. */
export interface CoreRouteOptions {
  platform: Platform;
  tenants: TenantRegistry;
}

/** The core's API: installation info, the tenant's portal data; auth and admin routes register here too. */
export const coreRoutes: FastifyPluginAsync<CoreRouteOptions> = async (app, { platform, tenants }) => {
  await app.register(authRoutes, { prefix: '/auth', platform });
  await app.register(apiTokenRoutes, { prefix: '/auth/tokens', platform });
  await app.register(coreAdminRoutes, { prefix: '/admin/core', platform });
  await app.register(auditRoutes, { platform });
  await app.register(notifyRoutes, { platform });
  await app.register(pwaRoutes, { platform });
  await app.register(citizenAuthRoutes, { platform, tenants });
  app.get('/tenants', {
    config: { permission: 'public', tenant: false },
    schema: { tags: tags('portal'), summary: 'The municipalities (自治体) this installation serves', response: { 200: Type.Object({ tenants: Type.Array(TenantSummary) }) } },
  }, async () => ({
    tenants: (await tenants.all()).map((t) => ({ slug: t.slug, name: { ja: t.nameJa, en: t.nameEn }, lgCode: t.lgCode })),
  }));
  app.put('/admin/core/contact', {
    config: { permission: 'core.settings.manage' },
    schema: {
      tags: tags('admin: settings'), summary: 'Set the counter (窓口) phone and hours shown to citizens who do not use the internet',
      response: { 200: Contact, ...errorResponses(400, 403) },
      body: Type.Object({ phone: Type.Union([Type.String({ maxLength: 30 }), Type.Null()]), hoursJa: Type.Optional(Type.String({ maxLength: 200 })), hoursEn: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
    },
  }, async (req) => {
    const tenantId = req.tenant!.id;
    const contact = await updateContact(platform, tenantId, req.actor, req.body as never);
    await tenants.reload();
    publicCache.invalidate(tenantId, '/portal');
    return contact;
  });
  // Public and hot (every portal page load): served from the pre-serialised public cache with an ETag.
  app.get('/portal', {
    config: { permission: 'public' },
    schema: {
      tags: tags('portal'), summary: 'The citizen portal (住民ポータル): the tenant, its counter contact and the modules\' entry points',
      response: {
        200: Type.Object({
          tenant: TenantSummary,
          contact: Contact,
          modules: Type.Array(Type.Object({
            id: Type.String(),
            title: LocalText,
            path: Type.String({ description: 'Path inside the web app, e.g. `notices`' }),
            label: LocalText,
            icon: Nullable(Type.String()),
          })),
        }, { description: 'Served from a short-lived cache with an ETag' }),
        304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
      },
    },
  }, async (req, reply) => sendCachedJson(req, reply, '/portal', () => {
    const tenant = req.tenant!;
    return {
      tenant: { slug: tenant.slug, name: { ja: tenant.nameJa, en: tenant.nameEn }, lgCode: tenant.lgCode },
      contact: contactOf(tenant),
      modules: platform.modules.filter((m) => m.portal).map((m) => ({ id: m.id, title: m.title, path: m.portal!.path, label: m.portal!.label, icon: m.portal!.icon ?? null })),
    };
  }));
};
