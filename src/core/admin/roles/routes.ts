import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { tenantOf } from '../../http/types.ts';
import { IdParams, RoleBody } from '../schemas.ts';
import { roleCreate, roleDelete, roleUpdate, rolesList } from './service.ts';

const perm = { permission: 'core.roles.manage' } as const;

/** /api/admin/core/roles: roles made of permissions (core.roles.manage; user managers may list them). */
export const roleRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/', { config: { permission: 'staff' } }, async (req) => ({ roles: await rolesList(p, req.actor, tenantOf(req).id) }));
  app.post('/', { config: perm, schema: { body: RoleBody } }, async (req, reply) =>
    reply.status(201).send({ role: await roleCreate(p, req.actor, tenantOf(req).id, req.body) }));
  app.patch('/:id', { config: perm, schema: { params: IdParams, body: Type.Partial(RoleBody) } }, async (req) =>
    ({ role: await roleUpdate(p, req.actor, tenantOf(req).id, req.params.id, req.body) }));
  app.delete('/:id', { config: perm, schema: { params: IdParams } }, async (req, reply) => {
    await roleDelete(p, req.actor, tenantOf(req).id, req.params.id);
    return reply.status(204).send();
  });
};
