import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { tenantOf } from '../http/types.ts';
import { subscribe, unsubscribe } from './subscriptions.ts';
import { listOutboxMessages, OUTBOX_MANAGE, OUTBOX_READ, readOutboxMessage, retryOutboxMessage } from './admin.ts';

const Subscription = Type.Object({
  endpoint: Type.String({ minLength: 10, maxLength: 2000 }),
  keys: Type.Object({ p256dh: Type.String({ minLength: 20, maxLength: 200 }), auth: Type.String({ minLength: 8, maxLength: 100 }) }),
});
const SubscribeBody = Type.Object({ audience: Type.Optional(Type.String({ maxLength: 110 })), subscription: Subscription });
const UnsubscribeBody = Type.Object({ endpoint: Type.String({ minLength: 10, maxLength: 2000 }), audience: Type.Optional(Type.String({ maxLength: 110 })) });
const ListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('dead')])),
  channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('push'), Type.Literal('event')])),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Web Push subscription routes (public) and the admin outbox (GET/POST /api/admin/core/outbox…). */
export const notifyRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/push/vapid-key', { schema: { tags: ['push'] }, config: { permission: 'public', tenant: false } }, async () => ({ publicKey: platform.notify.vapidPublicKey() }));

  app.post<{ Body: Static<typeof SubscribeBody> }>('/push/subscriptions', { schema: { body: SubscribeBody, tags: ['push'] }, config: { permission: 'public' } }, async (req, reply) => {
    reply.status(201);
    return subscribe(platform, req.actor, tenantOf(req).id, req.body);
  });

  app.delete<{ Body: Static<typeof UnsubscribeBody> }>('/push/subscriptions', { schema: { body: UnsubscribeBody, tags: ['push'] }, config: { permission: 'public' } }, async (req, reply) => {
    await unsubscribe(platform, tenantOf(req).id, req.body);
    return reply.status(204).send();
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/admin/core/outbox', { schema: { querystring: ListQuery, tags: ['core'] }, config: { permission: OUTBOX_READ } }, async (req) =>
    listOutboxMessages(platform, req.actor, tenantOf(req).id, req.query));

  app.get<{ Params: Static<typeof IdParams> }>('/admin/core/outbox/:id', { schema: { params: IdParams, tags: ['core'] }, config: { permission: OUTBOX_READ } }, async (req) =>
    readOutboxMessage(platform, req.actor, tenantOf(req).id, req.params.id, req.ip));

  app.post<{ Params: Static<typeof IdParams> }>('/admin/core/outbox/:id/retry', { schema: { params: IdParams, tags: ['core'] }, config: { permission: OUTBOX_MANAGE } }, async (req) =>
    retryOutboxMessage(platform, req.actor, tenantOf(req).id, req.params.id, req.ip));
};
