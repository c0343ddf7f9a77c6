import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../platform.ts';
import type { TenantRegistry } from '../../tenancy/registry.ts';
import { citizenRoutes } from './routes.ts';
import { oidcRoutes } from '../oidc/routes.ts';
import { oidcAdminRoutes } from '../oidc/admin-routes.ts';

/** Citizen accounts and OIDC sign-in, registered under the core's /api prefix in one line of core/routes.ts. */
export const citizenAuthRoutes: FastifyPluginAsync<{ platform: Platform; tenants: TenantRegistry }> = async (app, { platform, tenants }) => {
  await app.register(citizenRoutes, { prefix: '/citizen', platform });
  await app.register(oidcRoutes, { prefix: '/citizen/oidc', platform });
  await app.register(oidcAdminRoutes, { prefix: '/admin/core/oidc', platform, tenants });
};
