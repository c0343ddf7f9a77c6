import type { FastifyPluginAsync } from 'fastify';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { bracketValidationErrors } from '../http.ts';
import { categoryAdminRoutes } from '../categories/admin-routes.ts';
import { itemAdminRoutes } from '../items/admin-routes.ts';
import { areaAdminRoutes } from '../areas/admin-routes.ts';
import { ruleAdminRoutes } from '../rules/admin-routes.ts';
import { exceptionAdminRoutes } from '../exceptions/admin-routes.ts';
import { suspensionAdminRoutes } from '../suspensions/admin-routes.ts';
import { publicationAdminRoutes } from '../publications/admin-routes.ts';

/** Every staff route of the module, each sub-resource in its own plugin; fields of 400s read `rules[2].pattern.weekday`. */
export const garbageAdminRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { platform }) => {
  bracketValidationErrors(app);
  for (const routes of [categoryAdminRoutes, itemAdminRoutes, areaAdminRoutes, ruleAdminRoutes, exceptionAdminRoutes, suspensionAdminRoutes, publicationAdminRoutes]) {
    await app.register(routes, { platform });
  }
};
