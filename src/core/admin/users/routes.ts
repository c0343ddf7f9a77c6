import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { tenantOf } from '../../http/types.ts';
import { errorResponses, Instant, NoContent, Nullable, tags } from '../../http/schemas.ts';
import { IdParams, UserCreateBody, UserUpdateBody } from '../schemas.ts';
import { userCreate, userDelete, userGet, userResetTotp, userUnlock, userUpdate, usersList } from './service.ts';

const perm = { permission: 'core.users.manage' } as const;
const TAGS = tags('admin: users');

/** A staff user as presentUser shows it: flags and memberships, never credentials. */
const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  isTenantAdmin: Type.Boolean({ description: 'Holds every permission of the tenant (管理者)' }),
  totpEnabled: Type.Boolean({ description: 'Two-factor authentication (二要素認証) is on' }),
  disabled: Type.Boolean({ description: 'May not sign in' }),
  locked: Type.Boolean({ description: 'Locked out for now after repeated failed sign-ins' }),
  lockedUntil: Nullable(Instant('End of the lockout; null when not locked')),
  lastLoginAt: Nullable(Instant()),
  createdAt: Nullable(Instant()),
  departmentIds: Type.Array(Type.String({ format: 'uuid' })),
  roleIds: Type.Array(Type.String({ format: 'uuid' })),
});
const OneUser = Type.Object({ user: User });

/** /api/admin/core/users: staff accounts, their departments, roles, lock and 2FA (core.users.manage). */
export const userRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/', {
    config: perm,
    schema: {
      tags: TAGS, summary: 'List staff users (職員); an audited personal-data read',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or email' })),
        departmentId: Type.Optional(Type.String({ format: 'uuid' })),
      }),
      response: { 200: Type.Object({ users: Type.Array(User) }), ...errorResponses(400, 403) },
    },
  }, async (req) => ({ users: await usersList(p, req.actor, tenantOf(req).id, req.query) }));
  app.get('/:id', {
    config: perm,
    schema: { tags: TAGS, summary: 'One staff user (職員); an audited personal-data read', params: IdParams, response: { 200: OneUser, ...errorResponses(400, 403, 404) } },
  }, async (req) => ({ user: await userGet(p, req.actor, tenantOf(req).id, req.params.id) }));
  app.post('/', {
    config: perm,
    schema: {
      tags: TAGS, summary: 'Create a staff user (職員)', body: UserCreateBody,
      response: {
        201: Type.Object({
          user: User,
          initialPassword: Type.Optional(Type.String({ description: 'The generated password, shown this once; absent when the request gave one' })),
        }),
        ...errorResponses(400, 403, 409),
      },
    },
  }, async (req, reply) =>
    reply.status(201).send(await userCreate(p, req.actor, tenantOf(req).id, req.body)));
  app.patch('/:id', {
    config: perm,
    schema: {
      tags: TAGS, summary: 'Change a staff user (職員); disabling or a new password ends their sessions', params: IdParams, body: UserUpdateBody,
      response: { 200: OneUser, ...errorResponses(400, 403, 404, 409) },
    },
  }, async (req) =>
    ({ user: await userUpdate(p, req.actor, tenantOf(req).id, req.params.id, req.body) }));
  app.post('/:id/unlock', {
    config: perm,
    schema: { tags: TAGS, summary: 'Lift a sign-in lockout (ロック解除)', params: IdParams, response: { 200: OneUser, ...errorResponses(400, 403, 404) } },
  }, async (req) => ({ user: await userUnlock(p, req.actor, tenantOf(req).id, req.params.id) }));
  app.post('/:id/reset-totp', {
    config: perm,
    schema: { tags: TAGS, summary: 'Reset two-factor authentication (二要素認証) so the user enrols again', params: IdParams, response: { 200: OneUser, ...errorResponses(400, 403, 404) } },
  }, async (req) => ({ user: await userResetTotp(p, req.actor, tenantOf(req).id, req.params.id) }));
  app.delete('/:id', {
    config: perm,
    schema: { tags: TAGS, summary: 'Delete a staff user (職員)', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(400, 403, 404) } },
  }, async (req, reply) => {
    await userDelete(p, req.actor, tenantOf(req).id, req.params.id);
    return reply.status(204).send();
  });
};
