import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses, NoContent } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { bracketValidationErrors, contextOf, IdParams } from '../http.ts';
import { AdminNotice, NoticeInput, NoticesQuery, PublicNotice } from './schema.ts';
import * as service from './service.ts';

/** Citizens: the live notices of an area (kept by the service worker for offline use). */
export const noticePublicRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  bracketValidationErrors(app);
  app.get('/notices', {
    config: { permission: 'public' },
    schema: { tags: ['garbage'], summary: 'Live city notices for an area (code) and for every area, or all', querystring: NoticesQuery, response: { 200: Type.Object({ items: Type.Array(PublicNotice) }), ...errorResponses(400, 404) } },
  }, async (req, reply) => {
    const out = await service.liveNotices(contextOf(platform, req), req.query.area);
    return reply.header('x-offline', 'allow').header('cache-control', 'no-cache').send(out);
  });
};

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff: write, publish (and push) and delete city notices. */
export const noticeAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  bracketValidationErrors(app);
  app.get('/notices', { config, schema: { tags, summary: 'Every notice, newest first', response: { 200: Type.Object({ items: Type.Array(AdminNotice) }), ...errorResponses(403) } } },
    async (req) => ({ items: await service.listNotices(contextOf(platform, req)) }));
  app.post('/notices', { config, schema: { tags, summary: 'Write a notice (a draft until published)', body: NoticeInput, response: { 201: AdminNotice, ...errorResponses(400, 403) } } },
    async (req, reply) => reply.status(201).send(await service.createNotice(contextOf(platform, req), req.body)));
  app.put('/notices/:id', { config, schema: { tags, summary: 'Change a notice', params: IdParams, body: NoticeInput, response: { 200: AdminNotice, ...errorResponses(400, 403, 404) } } },
    async (req) => service.updateNotice(contextOf(platform, req), req.params.id, req.body));
  app.delete('/notices/:id', { config, schema: { tags, summary: 'Delete a notice', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(403, 404) } } },
    async (req, reply) => { await service.deleteNotice(contextOf(platform, req), req.params.id); return reply.status(204).send(); });
  app.post('/notices/:id/publish', {
    config,
    schema: { tags, summary: 'Publish a notice and push it to its areas (`topic:garbage.{area}.notices`), once', params: IdParams, response: { 200: Type.Composite([AdminNotice, Type.Object({ pushed: Type.Integer() })]), ...errorResponses(403, 404) } },
  }, async (req) => service.publishNotice(contextOf(platform, req), req.params.id));
};
