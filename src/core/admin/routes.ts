import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { assertCan } from '../auth/access.ts';
import { allPermissions } from '../auth/permissions.ts';
import { departmentRoutes } from './departments/routes.ts';
import { userRoutes } from './users/routes.ts';
import { roleRoutes } from './roles/routes.ts';
import { LocalText, tags } from '../http/schemas.ts';

/** The core's staff console API under /api/admin/core: departments, users, roles, the permission catalogue. */
export const coreAdminRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(departmentRoutes, { prefix: '/departments', platform });
  await app.register(userRoutes, { prefix: '/users', platform });
  await app.register(roleRoutes, { prefix: '/roles', platform });
  app.get('/permissions', {
    config: { permission: 'staff' },
    schema: {
      tags: tags('admin: roles'), summary: 'The permission catalogue (権限一覧): every permission the core and the modules declare',
      response: {
        200: Type.Object({
          permissions: Type.Array(Type.Object({
            id: Type.String({ description: 'e.g. `core.users.manage`; prefixed by the declaring module' }),
            module: Type.String({ description: 'The declaring module, or `core`' }),
            label: LocalText,
            personalData: Type.Boolean({ description: 'Whether the permission reads personal data (個人情報)' }),
          })),
        }),
      },
    },
  }, async (req) => {
    assertCan(req.actor, 'staff');
    return { permissions: allPermissions(platform.modules).map((p) => ({ id: p.id, module: p.module, label: p.label, personalData: p.personalData ?? false })) };
  });
};
