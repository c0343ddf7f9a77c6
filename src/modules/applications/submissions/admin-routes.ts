import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { contentDisposition } from '../../../core/ja/csv.ts';
import { contextOf } from './context.ts';
import { Channel, CitizenReceipt, Status, SubmissionDetail, SubmissionSummary } from './schema.ts';
import { presentReceipt } from './presenter.ts';
import { downloadAttachment, getSubmission, listAssignees, listSubmissions } from './inbox.ts';
import { assign, changeStatus, messageApplicant } from './status.ts';
import { submit } from './submit.ts';
import { exportRoutes } from './export-routes.ts';

const tags = ['applications (admin)'];
// Any staff member reaches these; the services admit those with applications.process(_all) and only
// for procedures of their departments (others' submissions answer 404).
const config = { permission: 'staff' } as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number) => Type.String({ maxLength: max });

/** Staff routes: the inbox, one submission, status changes, assignment, messages, attachments and counter entry. */
export const submissionAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  await app.register(exportRoutes, { platform });

  app.get('/submissions', {
    config,
    schema: {
      tags, summary: 'The inbox (受付一覧): submissions of the procedures one may process (the read is audited)',
      querystring: Type.Object({
        procedureId: Type.Optional(Uuid), status: Type.Optional(Status), assigneeId: Type.Optional(Uuid), channel: Type.Optional(Channel),
        q: Type.Optional(Type.String({ maxLength: 100, description: 'Receipt number, applicant name or any text answer' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })), offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(SubmissionSummary), total: Type.Integer() }), ...errorResponses(400, 401, 403) },
    },
  }, async (req) => listSubmissions(contextOf(platform, req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }));

  app.get('/submissions/:id', {
    config,
    schema: { tags, summary: 'One submission with answers, history and attachments (the read is audited)', params: IdParams, response: { 200: SubmissionDetail, ...errorResponses(401, 403, 404) } },
  }, async (req) => getSubmission(contextOf(platform, req), req.params.id));

  app.post('/submissions/:id/status', {
    config,
    schema: {
      tags, summary: 'Change the status (受付→審査中→補正依頼/完了/却下) with a note and a message to the applicant (emailed)', params: IdParams,
      body: Type.Object({
        status: Status, note: Type.Optional(Text(4000)), message: Type.Optional(Text(4000)),
        correctionFields: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100, description: 'Answer paths the applicant may change (correction_requested only)' })),
      }, { additionalProperties: false }),
      response: { 200: SubmissionDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (req) => changeStatus(contextOf(platform, req), req.params.id, req.body));

  app.post('/submissions/:id/assign', {
    config,
    schema: {
      tags, summary: 'Assign the submission to a staff member (担当者), or to nobody', params: IdParams,
      body: Type.Object({ staffId: Type.Union([Uuid, Type.Null()]) }, { additionalProperties: false }),
      response: { 200: SubmissionDetail, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => assign(contextOf(platform, req), req.params.id, req.body.staffId));

  app.post('/submissions/:id/messages', {
    config,
    schema: {
      tags, summary: 'Send the applicant a message (shown on the status page and emailed)', params: IdParams,
      body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
      response: { 200: SubmissionDetail, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => messageApplicant(contextOf(platform, req), req.params.id, req.body.message));

  app.get('/submissions/:id/attachments/:attachmentId', {
    config,
    schema: {
      tags, summary: 'Download an attachment (the download is audited)', params: Type.Object({ id: Uuid, attachmentId: Uuid }),
      response: { 200: { description: 'The file as uploaded', content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } } }, ...errorResponses(401, 403, 404) },
    },
  }, async (req, reply) => {
    const file = await downloadAttachment(contextOf(platform, req), req.params.id, req.params.attachmentId);
    return reply.type(file.contentType).header('content-disposition', contentDisposition(file.filename))
      .header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(file.data as never);
  });

  app.get('/assignees', {
    config,
    schema: {
      tags, summary: 'Staff of the procedure\'s departments, for assignment (without procedureId: staff of one\'s own departments)', querystring: Type.Object({ procedureId: Type.Optional(Uuid) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req) => listAssignees(contextOf(platform, req), req.query.procedureId));

  app.post('/procedures/:id/counter-submissions', {
    config,
    schema: {
      tags, summary: 'Enter a paper application received at the counter (窓口受付); identity checks do not apply', params: IdParams,
      body: Type.Object({ answers: Type.Record(Type.String(), Type.Unknown()), email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })), note: Type.Optional(Text(4000)) }, { additionalProperties: false }),
      response: { 200: CitizenReceipt, 201: CitizenReceipt, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (req, reply) => {
    const header = req.headers['idempotency-key'];
    const result = await submit(contextOf(platform, req), {
      procedureId: req.params.id, answers: req.body.answers, email: req.body.email, note: req.body.note, lang: 'ja',
      idempotencyKey: typeof header === 'string' ? header : null,
    }, 'counter');
    return reply.status(result.created ? 201 : 200).send(presentReceipt(result.submission, result.procedureTitle));
  });
};
