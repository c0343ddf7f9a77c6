import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { pickContentLang } from '../../../core/i18n/index.ts';
import { contextOf } from './context.ts';
import { CitizenReceipt, CitizenSubmission, Draft, Status, SubmissionLang } from './schema.ts';
import { presentReceipt } from './presenter.ts';
import { submit } from './submit.ts';
import { stopSubmissionWriter } from './submit-batch.ts';
import { correct, getForApplicant, lookup, mySubmissions } from './applicant.ts';
import { createDraft, getDraft, myDrafts, saveDraft } from './drafts.ts';
import { uploadRoute } from './upload-route.ts';
import { requestEmailCode } from './email-codes.ts';
import { AppError } from '../../../core/http/errors.ts';
import { tenantOf } from '../../../core/http/types.ts';

const tags = ['applications'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
const ReceiptParams = Type.Object({ receiptNumber: Type.String({ minLength: 1, maxLength: 40, description: '受付番号, with or without the hyphen' }) });
const Answers = Type.Record(Type.String(), Type.Unknown(), { description: 'Answers keyed by field key (see engine/types.ts)' });
const Email = Type.String({ minLength: 3, maxLength: 254 });
const DraftInput = Type.Object({ answers: Answers, pageId: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

/** The content language of a request: `?lang=`, the lang cookie, else the message language. */
const langOf = (req: FastifyRequest) => pickContentLang({ query: (req.query as { lang?: string } | undefined)?.lang, cookie: req.cookies?.lang }, req.lang);
const accessToken = (req: FastifyRequest) => (typeof req.headers['x-access-token'] === 'string' ? req.headers['x-access-token'] : undefined);

/** Citizen routes: uploads, email codes, drafts, submitting, the receipt lookup, the status page and corrections. */
export const submissionRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  await app.register(uploadRoute, { platform });
  // Submissions still queued for a batch are written before the app (and its database) closes.
  app.addHook('onClose', async () => stopSubmissionWriter(platform));

  app.post('/procedures/:id/submissions', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'Submit an application (申請); idempotent with the Idempotency-Key header or submitToken', params: IdParams,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ description: 'A random key per submit attempt; a retry with the same key and body answers the original receipt' })) }),
      body: Type.Object({
        versionId: Type.String({ format: 'uuid' }), answers: Answers, email: Type.Optional(Email), lang: Type.Optional(SubmissionLang),
        emailCode: Type.Optional(Type.String({ maxLength: 20, description: 'The code mailed by POST /procedures/:id/email-codes (identity level email)' })),
        draftToken: Type.Optional(Type.String({ maxLength: 100 })), submitToken: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 200: CitizenReceipt, 201: CitizenReceipt, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (req, reply) => {
    const header = req.headers['idempotency-key'];
    const result = await submit(contextOf(platform, req), {
      procedureId: req.params.id, versionId: req.body.versionId, answers: req.body.answers, email: req.body.email, emailCode: req.body.emailCode,
      lang: req.body.lang ?? langOf(req), draftToken: req.body.draftToken, idempotencyKey: (typeof header === 'string' ? header : undefined) ?? req.body.submitToken ?? null,
    });
    return reply.status(result.created ? 201 : 200).send(presentReceipt(result.submission, result.procedureTitle));
  });

  // Codes are limited per address (a mailbox is not flooded) and per client address (no one mails the world).
  const perEmail = app.createRateLimit({
    max: 5, timeWindow: '15 minutes',
    keyGenerator: (req) => `applications.email-code:${tenantOf(req).id}:${String((req.body as { email?: string } | undefined)?.email ?? '').trim().toLowerCase()}`,
  });
  app.post('/procedures/:id/email-codes', {
    config: { permission: 'public', rateLimit: { max: 30, timeWindow: '15 minutes', keyGenerator: (req: FastifyRequest) => `applications.email-code-ip:${req.ip}` } },
    preHandler: async (req) => {
      const limit = await perEmail(req);
      if (!limit.isAllowed && limit.isExceeded) throw new AppError(429, 'rate_limited', 'error.rate_limited', { minutes: Math.max(1, Math.ceil(limit.ttlInSeconds / 60)) }, 'email');
    },
    schema: {
      tags, summary: 'Mail a 6-digit code proving the applicant reads this address (identity level email); valid 15 minutes', params: IdParams,
      body: Type.Object({ email: Email, lang: Type.Optional(SubmissionLang) }, { additionalProperties: false }),
      response: { 202: Type.Object({ expiresAt: Type.String({ format: 'date-time' }) }), ...errorResponses(400, 404, 409, 429) },
    },
  }, async (req, reply) => reply.status(202).send(await requestEmailCode(contextOf(platform, req), req.params.id, req.body.email, req.body.lang ?? langOf(req))));

  app.post('/procedures/:id/drafts', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'Save a draft (一時保存); the token is returned once', params: IdParams,
      body: Type.Object({ ...DraftInput.properties, email: Type.Optional(Email), lang: Type.Optional(SubmissionLang) }, { additionalProperties: false }),
      response: { 201: Type.Object({ token: Type.String({ description: 'Keep it: only its hash is stored' }), expiresAt: Type.String({ format: 'date-time' }) }), ...errorResponses(400, 401, 404, 409) },
    },
  }, async (req, reply) => reply.status(201).send(await createDraft(contextOf(platform, req), req.params.id, req.body)));

  app.get('/drafts/:token', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Resume a draft by its token', params: TokenParams, response: { 200: Draft, ...errorResponses(404) } },
  }, async (req) => getDraft(contextOf(platform, req), req.params.token));

  app.put('/drafts/:token', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Save a draft again', params: TokenParams, body: DraftInput, response: { 200: Draft, ...errorResponses(400, 404) } },
  }, async (req) => saveDraft(contextOf(platform, req), req.params.token, req.body));

  app.get('/me/drafts', {
    config: { permission: 'citizen' },
    schema: {
      tags, summary: 'The signed-in citizen\'s drafts',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ token: Type.String({ description: 'Opens the draft for its owner only' }), procedureId: Type.String(), procedureTitle: Type.String(), updatedAt: Type.String() })) }), ...errorResponses(401) },
    },
  }, async (req) => myDrafts(contextOf(platform, req), langOf(req)));

  app.post('/lookup', {
    config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `applications.lookup:${req.ip}` } },
    schema: {
      tags, summary: 'Find an application by receipt number (受付番号) and email; gives a 1-hour access token',
      body: Type.Object({ receiptNumber: Type.String({ minLength: 1, maxLength: 40 }), email: Type.String({ minLength: 1, maxLength: 254 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ accessToken: Type.String({ description: 'Send as `x-access-token`' }), submission: CitizenSubmission }), ...errorResponses(400, 404, 429) },
    },
  }, async (req) => lookup(contextOf(platform, req), req.body, langOf(req)));

  app.get('/submissions/:receiptNumber', {
    config: { permission: 'public' },
    schema: { tags, summary: 'An application\'s status (x-access-token, or its signed-in applicant)', params: ReceiptParams, response: { 200: CitizenSubmission, ...errorResponses(404) } },
  }, async (req) => getForApplicant(contextOf(platform, req), req.params.receiptNumber, accessToken(req), langOf(req)));

  app.post('/submissions/:receiptNumber/correction', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'Send the correction (補正) staff asked for; only the requested items change', params: ReceiptParams,
      body: Type.Object({ answers: Answers, message: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }),
      response: { 200: CitizenSubmission, ...errorResponses(400, 404, 409) },
    },
  }, async (req) => correct(contextOf(platform, req), req.params.receiptNumber, accessToken(req), req.body, langOf(req)));

  app.get('/me/submissions', {
    config: { permission: 'citizen' },
    schema: {
      tags, summary: 'The signed-in citizen\'s applications',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ receiptNumber: Type.String(), procedureTitle: Type.String(), status: Status, submittedAt: Type.String() })) }), ...errorResponses(401) },
    },
  }, async (req) => mySubmissions(contextOf(platform, req), langOf(req)));
};
