import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform.ts';
import { assertCan } from '../auth/access.ts';
import { allPermissions } from '../auth/permissions.ts';
import { departmentRoutes } from './departments/routes.ts';
import { userRoutes } from './users/routes.ts';
import { roleRoutes } from './roles/routes.ts';

/** The core's staff console API under /api/admin/core: departments, users, roles, the permission catalogue. */
export const coreAdminRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(departmentRoutes, { prefix: '/departments', platform });
  await app.register(userRoutes, { prefix: '/users', platform });
  await app.register(roleRoutes, { prefix: '/roles', platform });
  app.get('/permissions', { config: { permission: 'staff' } }, async (req) => {
    assertCan(req.actor, 'staff');
    return { permissions: allPermissions(platform.modules).map((p) => ({ id: p.id, module: p.module, label: p.label, personalData: p.personalData ?? false })) };
  });
};
