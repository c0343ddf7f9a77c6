import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { tenantOf } from '../../http/types.ts';
import { errorResponses, Instant, NoContent, Nullable, tags } from '../../http/schemas.ts';
import { IdParams, RoleBody } from '../schemas.ts';
import { roleCreate, roleDelete, roleUpdate, rolesList } from './service.ts';

const perm = { permission: 'core.roles.manage' } as const;
const TAGS = tags('admin: roles');

/** A role as presentRole shows it. */
const Role = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String(), { description: 'Permission ids, sorted (see GET /api/admin/core/permissions)' }),
  userCount: Type.Integer({ description: 'Staff users holding the role' }),
  createdAt: Nullable(Instant()),
});

/** /api/admin/core/roles: roles made of permissions (core.roles.manage; user managers may list them). */
export const roleRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/', {
    config: { permission: 'staff' },
    schema: { tags: TAGS, summary: 'List roles (ロール) with their permissions', response: { 200: Type.Object({ roles: Type.Array(Role) }) } },
  }, async (req) => ({ roles: await rolesList(p, req.actor, tenantOf(req).id) }));
  app.post('/', {
    config: perm,
    schema: { tags: TAGS, summary: 'Create a role (ロール)', body: RoleBody, response: { 201: Type.Object({ role: Role }), ...errorResponses(400, 403, 409) } },
  }, async (req, reply) =>
    reply.status(201).send({ role: await roleCreate(p, req.actor, tenantOf(req).id, req.body) }));
  app.patch('/:id', {
    config: perm,
    schema: {
      tags: TAGS, summary: 'Change a role (ロール) or its permissions', params: IdParams, body: Type.Partial(RoleBody),
      response: { 200: Type.Object({ role: Role }), ...errorResponses(400, 403, 404, 409) },
    },
  }, async (req) =>
    ({ role: await roleUpdate(p, req.actor, tenantOf(req).id, req.params.id, req.body) }));
  app.delete('/:id', {
    config: perm,
    schema: { tags: TAGS, summary: 'Delete a role (ロール); its holders lose its permissions', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(400, 403, 404) } },
  }, async (req, reply) => {
    await roleDelete(p, req.actor, tenantOf(req).id, req.params.id);
    return reply.status(204).send();
  });
};
