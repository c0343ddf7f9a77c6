import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { tenantOf } from '../../../core/http/types.ts';
import { NoContent, errorResponses } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { AdminProcedure, DraftBody, IdParams, ImportBody, ProcedureExport, ProcedureInput, VersionDetail, VersionParams, VersionSummary } from './http-schema.ts';
import * as service from './service.ts';
import * as forms from './versions-service.ts';
import { exportProcedure, importProcedure } from './import-export.ts';

/** Staff routes (applications.manage, and the processable list for applications.process): the procedure catalogue, form versions, publishing and sharing forms. */
export const procedureAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  const ctxOf = (req: FastifyRequest) => ({ platform, tenantId: tenantOf(req).id, actor: req.actor, lang: req.lang });
  const config = { permission: MANAGE };
  const tags = ['applications (admin)'];
  const list = Type.Object({ items: Type.Array(AdminProcedure) });

  app.get('/procedures', { config, schema: { tags, summary: 'Every procedure with the state of its form (手続き一覧)', response: { 200: list, ...errorResponses(401, 403) } } },
    async (req) => ({ items: await service.listForStaff(ctxOf(req)) }));

  const Processable = Type.Object({ id: Type.String(), title: Type.String(), departmentId: Type.Union([Type.String(), Type.Null()]), state: Type.String() });
  // Any staff member reaches it; the service admits applications.process(_all) and filters by department.
  app.get('/procedures/processable', { config: { permission: 'staff' }, schema: { tags, summary: 'The procedures one may process (own, shared or all departments; not archived), for the inbox', response: { 200: Type.Object({ items: Type.Array(Processable) }), ...errorResponses(401, 403) } } },
    async (req) => ({ items: await service.listProcessable(ctxOf(req)) }));

  app.post('/procedures', { config, schema: { tags, summary: 'Create a procedure (手続きの作成); its form is added as a draft', body: ProcedureInput, response: { 201: AdminProcedure, ...errorResponses(400, 401, 403) } } },
    async (req, reply) => reply.status(201).send(await service.create(ctxOf(req), req.body)));

  app.post('/procedures/import', { config, schema: { tags, summary: 'Import a shared form (yakuba.form/1) as a new procedure with a draft', body: ImportBody, response: { 201: AdminProcedure, ...errorResponses(400, 401, 403) } } },
    async (req, reply) => reply.status(201).send(await importProcedure(ctxOf(req), req.body)));

  app.get('/procedures/:id', { config, schema: { tags, summary: 'One procedure', params: IdParams, response: { 200: AdminProcedure, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => service.getForStaff(ctxOf(req), req.params.id));

  app.put('/procedures/:id', { config, schema: { tags, summary: 'Replace a procedure\'s catalogue fields', params: IdParams, body: ProcedureInput, response: { 200: AdminProcedure, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => service.replace(ctxOf(req), req.params.id, req.body));

  app.delete('/procedures/:id', { config, schema: { tags, summary: 'Delete a procedure without submissions (409 once it has some)', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(400, 401, 403, 404, 409) } } },
    async (req, reply) => { await service.remove(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/procedures/:id/versions', { config, schema: { tags, summary: 'Versions of a procedure\'s form, newest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(VersionSummary) }), ...errorResponses(400, 401, 403, 404) } } },
    async (req) => ({ items: await forms.listVersions(ctxOf(req), req.params.id) }));

  app.get('/procedures/:id/versions/:versionId', { config, schema: { tags, summary: 'One version with its form definition', params: VersionParams, response: { 200: VersionDetail, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => forms.getVersion(ctxOf(req), req.params.id, req.params.versionId));

  app.put('/procedures/:id/draft', { config, schema: { tags, summary: 'Save the draft form (starts version N+1 when there is no draft; a live form never changes)', params: IdParams, body: DraftBody, response: { 200: VersionDetail, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => forms.saveDraft(ctxOf(req), req.params.id, req.body.definition));

  app.delete('/procedures/:id/draft', { config, schema: { tags, summary: 'Discard the draft form', params: IdParams, response: { 200: AdminProcedure, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (req) => forms.discardDraft(ctxOf(req), req.params.id));

  const actions = {
    publish: [forms.publish, 'Publish the draft: it goes live, the previous version is archived (公開)'],
    close: [forms.close, 'Stop accepting applications: live → closed (受付停止)'],
    reopen: [forms.reopen, 'Accept applications again: closed → live (受付再開)'],
    archive: [forms.archive, 'Retire the form: live or closed → archived (アーカイブ)'],
  } as const;
  for (const [name, [fn, summary]] of Object.entries(actions)) {
    app.post(`/procedures/:id/${name}`, { config, schema: { tags, summary, params: IdParams, response: { 200: AdminProcedure, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (req) => fn(ctxOf(req), (req.params as { id: string }).id));
  }

  app.get('/procedures/:id/export', { config, schema: { tags, summary: 'Export the procedure and its form as shareable JSON (yakuba.form/1)', params: IdParams, response: { 200: ProcedureExport, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      const data = await exportProcedure(ctxOf(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="procedure-${req.params.id}.json"`);
      return data;
    });
};
