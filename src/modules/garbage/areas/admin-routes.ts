import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses, NoContent } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf, IdParams } from '../http.ts';
import { AdminArea, AreaInput } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff routes for collection areas (収集地区) and their points. */
export const areaAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/areas', { config, schema: { tags, summary: 'Areas of the draft with their collection points', response: { 200: Type.Object({ items: Type.Array(AdminArea) }), ...errorResponses(403) } } },
    async (req) => ({ items: await service.listAreas(contextOf(platform, req)) }));

  app.post('/areas', { config, schema: { tags, summary: 'Create an area with its polygon and collection points', body: AreaInput, response: { 201: AdminArea, ...errorResponses(400, 403, 409) } } },
    async (req, reply) => reply.status(201).send(await service.createArea(contextOf(platform, req), req.body)));

  app.get('/areas/:id', { config, schema: { tags, summary: 'One area of the draft', params: IdParams, response: { 200: AdminArea, ...errorResponses(403, 404) } } },
    async (req) => service.getArea(contextOf(platform, req), req.params.id));

  app.put('/areas/:id', { config, schema: { tags, summary: 'Replace an area; its points are replaced as a list', params: IdParams, body: AreaInput, response: { 200: AdminArea, ...errorResponses(400, 403, 404, 409) } } },
    async (req) => service.updateArea(contextOf(platform, req), req.params.id, req.body));

  app.delete('/areas/:id', { config, schema: { tags, summary: 'Delete an area with its points, rules and exceptions', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(403, 404) } } },
    async (req, reply) => { await service.deleteArea(contextOf(platform, req), req.params.id); return reply.status(204).send(); });
};
