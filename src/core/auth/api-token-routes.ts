import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { tenantOf } from '../http/types.ts';
import { errorResponses, Instant, NoContent, Nullable, tags } from '../http/schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';

const TAGS = tags('auth (staff)');
const Token = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  createdAt: Instant(),
  lastUsedAt: Nullable(Instant('Last use, to the minute')),
  expiresAt: Nullable(Instant('Never expires when null')),
});

/** A staff member's own API tokens, under /api/auth/tokens: list, create (shown once), revoke. */
export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/', {
    config: { permission: 'staff' },
    schema: { tags: TAGS, summary: 'Your API tokens (APIトークン) that were not revoked; the tokens themselves are never shown again', response: { 200: Type.Object({ items: Type.Array(Token) }), ...errorResponses(401, 403) } },
  }, async (req) => ({ items: await listApiTokens(platform, tenantOf(req).id, req.actor) }));

  app.post('/', {
    config: { permission: 'staff' },
    schema: {
      tags: TAGS, summary: 'Create an API token for machine clients (CKAN `Authorization` header); the answer is the only time it is shown',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100, description: 'What the token is for, e.g. the harvester using it' }),
        expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
      }, { additionalProperties: false }),
      response: { 201: Type.Intersect([Token, Type.Object({ token: Type.String({ description: 'ykb_…: keep it secret, it acts as you' }) })]), ...errorResponses(400, 401, 403) },
    },
  }, async (req, reply) => {
    const created = await createApiToken(platform, tenantOf(req).id, req.actor, req.body, req.ip);
    return reply.status(201).send(created);
  });

  app.delete('/:id', {
    config: { permission: 'staff' },
    schema: { tags: TAGS, summary: 'Revoke an API token (yours; a tenant administrator may revoke anyone\'s)', params: Type.Object({ id: Type.String() }), response: { 204: NoContent('Revoked'), ...errorResponses(401, 403, 404) } },
  }, async (req, reply) => {
    await revokeApiToken(platform, tenantOf(req).id, req.actor, req.params.id, req.ip);
    return reply.status(204).send();
  });
};
