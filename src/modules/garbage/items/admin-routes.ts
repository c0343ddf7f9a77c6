import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses, NoContent } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf, IdParams } from '../http.ts';
import { AdminItem, ItemInput, ItemListQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff routes for the sorting dictionary (分別辞典). */
export const itemAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/items', {
    config,
    schema: { tags, summary: 'A page of the draft dictionary with the total', querystring: ItemListQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(AdminItem) }), ...errorResponses(400, 403) } },
  }, async (req) => service.listItems(contextOf(platform, req), req.query));

  app.post('/items', { config, schema: { tags, summary: 'Create a dictionary entry', body: ItemInput, response: { 201: AdminItem, ...errorResponses(400, 403) } } },
    async (req, reply) => reply.status(201).send(await service.createItem(contextOf(platform, req), req.body)));

  app.put('/items/:id', { config, schema: { tags, summary: 'Replace a dictionary entry', params: IdParams, body: ItemInput, response: { 200: AdminItem, ...errorResponses(400, 403, 404) } } },
    async (req) => service.updateItem(contextOf(platform, req), req.params.id, req.body));

  app.delete('/items/:id', { config, schema: { tags, summary: 'Delete a dictionary entry', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(403, 404) } } },
    async (req, reply) => { await service.deleteItem(contextOf(platform, req), req.params.id); return reply.status(204).send(); });
};
