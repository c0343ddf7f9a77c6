import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses, NoContent } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf, IdParams } from '../http.ts';
import { AdminException, ExceptionInput, ExceptionListQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff routes for per-date exceptions (cancel, collect on a holiday, move). */
export const exceptionAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/exceptions', { config, schema: { tags, summary: 'Exceptions of the draft, by date', querystring: ExceptionListQuery, response: { 200: Type.Object({ items: Type.Array(AdminException) }), ...errorResponses(400, 403) } } },
    async (req) => ({ items: await service.listExceptions(contextOf(platform, req), req.query) }));

  app.post('/exceptions', { config, schema: { tags, summary: 'Add an exception for one date', body: ExceptionInput, response: { 201: AdminException, ...errorResponses(400, 403) } } },
    async (req, reply) => reply.status(201).send(await service.createException(contextOf(platform, req), req.body)));

  app.delete('/exceptions/:id', { config, schema: { tags, summary: 'Remove an exception', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(403, 404) } } },
    async (req, reply) => { await service.deleteException(contextOf(platform, req), req.params.id); return reply.status(204).send(); });
};
