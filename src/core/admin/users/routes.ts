import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { tenantOf } from '../../http/types.ts';
import { IdParams, UserCreateBody, UserUpdateBody } from '../schemas.ts';
import { userCreate, userDelete, userGet, userResetTotp, userUnlock, userUpdate, usersList } from './service.ts';

const perm = { permission: 'core.users.manage' } as const;

/** /api/admin/core/users: staff accounts, their departments, roles, lock and 2FA (core.users.manage). */
export const userRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/', { config: perm, schema: { querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), departmentId: Type.Optional(Type.String({ format: 'uuid' })) }) } },
    async (req) => ({ users: await usersList(p, req.actor, tenantOf(req).id, req.query) }));
  app.get('/:id', { config: perm, schema: { params: IdParams } }, async (req) => ({ user: await userGet(p, req.actor, tenantOf(req).id, req.params.id) }));
  app.post('/', { config: perm, schema: { body: UserCreateBody } }, async (req, reply) =>
    reply.status(201).send(await userCreate(p, req.actor, tenantOf(req).id, req.body)));
  app.patch('/:id', { config: perm, schema: { params: IdParams, body: UserUpdateBody } }, async (req) =>
    ({ user: await userUpdate(p, req.actor, tenantOf(req).id, req.params.id, req.body) }));
  app.post('/:id/unlock', { config: perm, schema: { params: IdParams } }, async (req) => ({ user: await userUnlock(p, req.actor, tenantOf(req).id, req.params.id) }));
  app.post('/:id/reset-totp', { config: perm, schema: { params: IdParams } }, async (req) => ({ user: await userResetTotp(p, req.actor, tenantOf(req).id, req.params.id) }));
  app.delete('/:id', { config: perm, schema: { params: IdParams } }, async (req, reply) => {
    await userDelete(p, req.actor, tenantOf(req).id, req.params.id);
    return reply.status(204).send();
  });
};
