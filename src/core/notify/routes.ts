import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { tenantOf } from '../http/types.ts';
import { subscribe, unsubscribe } from './subscriptions.ts';
import { errorResponses, Instant, NoContent, Nullable, tags } from '../http/schemas.ts';
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

/** A message as presentOutboxSummary shows it (recipient masked). */
const OutboxSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  channel: Type.String({ description: '`email`, `push` or `event`' }),
  status: Type.String({ description: '`pending`, `sending`, `sent`, `failed` (will be retried) or `dead` (gave up)' }),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Instant()),
  sentAt: Nullable(Instant()),
  deliveredVia: Nullable(Type.String({ description: 'How it went out, e.g. `smtp` or `push`' })),
  lastError: Nullable(Type.String()),
  createdAt: Nullable(Instant()),
  summary: Type.Object({
    title: Type.String({ description: 'Subject, push title or event name' }),
    recipient: Nullable(Type.String({ description: 'Masked recipient (`t***@example.jp`); null for events' })),
  }),
});
/** A message with its whole payload (personal data: the read is audited). */
const OutboxDetail = Type.Object({
  ...OutboxSummary.properties,
  body: Type.Record(Type.String(), Type.Unknown(), { description: 'The whole payload: for email `to`, `subject`, `text`, `html`…' }),
});
const OUTBOX = tags('admin: outbox');
const PUSH = tags('push');

/** Web Push subscription routes (public) and the admin outbox (GET/POST /api/admin/core/outbox…). */
export const notifyRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/push/vapid-key', {
    schema: {
      tags: PUSH, summary: 'The server\'s VAPID public key for Web Push (プッシュ通知) subscriptions',
      response: { 200: Type.Object({ publicKey: Type.String({ description: 'Base64url; pass as `applicationServerKey` to pushManager.subscribe()' }) }) },
    },
    config: { permission: 'public', tenant: false },
  }, async () => ({ publicKey: platform.notify.vapidPublicKey() }));

  app.post<{ Body: Static<typeof SubscribeBody> }>('/push/subscriptions', {
    schema: {
      tags: PUSH, summary: 'Subscribe this browser to Web Push (プッシュ通知): a topic, or the signed-in person\'s own notifications',
      body: SubscribeBody,
      response: {
        201: Type.Object({ id: Type.String({ format: 'uuid' }), audience: Type.String({ description: '`topic:<name>`, or `staff:<id>` / `citizen:<id>`' }) }),
        ...errorResponses(400),
      },
    },
    config: { permission: 'public' },
  }, async (req, reply) => {
    reply.status(201);
    return subscribe(platform, req.actor, tenantOf(req).id, req.body);
  });

  app.delete<{ Body: Static<typeof UnsubscribeBody> }>('/push/subscriptions', {
    schema: { tags: PUSH, summary: 'Unsubscribe a browser from Web Push (プッシュ通知)', body: UnsubscribeBody, response: { 204: NoContent('Unsubscribed (also when nothing matched)'), ...errorResponses(400) } },
    config: { permission: 'public' },
  }, async (req, reply) => {
    await unsubscribe(platform, tenantOf(req).id, req.body);
    return reply.status(204).send();
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/admin/core/outbox', {
    schema: {
      tags: OUTBOX, summary: 'List outgoing messages (送信キュー), recipients masked',
      querystring: ListQuery,
      response: { 200: Type.Object({ total: Type.Integer({ description: 'Messages matching, over all pages' }), items: Type.Array(OutboxSummary) }), ...errorResponses(400, 403) },
    },
    config: { permission: OUTBOX_READ },
  }, async (req) =>
    listOutboxMessages(platform, req.actor, tenantOf(req).id, req.query));

  app.get<{ Params: Static<typeof IdParams> }>('/admin/core/outbox/:id', {
    schema: { tags: OUTBOX, summary: 'One outgoing message (送信キュー) with its body; an audited personal-data read', params: IdParams, response: { 200: OutboxDetail, ...errorResponses(400, 403, 404) } },
    config: { permission: OUTBOX_READ },
  }, async (req) =>
    readOutboxMessage(platform, req.actor, tenantOf(req).id, req.params.id, req.ip));

  app.post<{ Params: Static<typeof IdParams> }>('/admin/core/outbox/:id/retry', {
    schema: { tags: OUTBOX, summary: 'Queue a failed or dead message (送信キュー) again (再送)', params: IdParams, response: { 200: OutboxDetail, ...errorResponses(400, 403, 404, 409) } },
    config: { permission: OUTBOX_MANAGE },
  }, async (req) =>
    retryOutboxMessage(platform, req.actor, tenantOf(req).id, req.params.id, req.ip));
};
