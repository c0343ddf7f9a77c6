import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses, NoContent } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf, IdParams } from '../http.ts';
import { AdminCategory, CategoryInput } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff routes for categories (分別区分). */
export const categoryAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/categories', { config, schema: { tags, summary: 'Categories of the draft (分別区分)', response: { 200: Type.Object({ items: Type.Array(AdminCategory) }), ...errorResponses(403) } } },
    async (req) => ({ items: await service.listCategories(contextOf(platform, req)) }));

  app.post('/categories', { config, schema: { tags, summary: 'Create a category', body: CategoryInput, response: { 201: AdminCategory, ...errorResponses(400, 403, 409) } } },
    async (req, reply) => reply.status(201).send(await service.createCategory(contextOf(platform, req), req.body)));

  app.put('/categories/:id', { config, schema: { tags, summary: 'Replace a category', params: IdParams, body: CategoryInput, response: { 200: AdminCategory, ...errorResponses(400, 403, 404, 409) } } },
    async (req) => service.updateCategory(contextOf(platform, req), req.params.id, req.body));

  app.delete('/categories/:id', { config, schema: { tags, summary: 'Delete a category no item or rule uses (409 `in_use` otherwise)', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(403, 404, 409) } } },
    async (req, reply) => { await service.deleteCategory(contextOf(platform, req), req.params.id); return reply.status(204).send(); });
};
