import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses, NoContent } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf, IdParams } from '../http.ts';
import { AdminSuspension, SuspensionInput } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff routes for suspensions (年末年始, closures). */
export const suspensionAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/suspensions', { config, schema: { tags, summary: 'Suspensions of the draft', response: { 200: Type.Object({ items: Type.Array(AdminSuspension) }), ...errorResponses(403) } } },
    async (req) => ({ items: await service.listSuspensions(contextOf(platform, req)) }));

  app.post('/suspensions', { config, schema: { tags, summary: 'Add a suspension (年末年始, a センター closure)', body: SuspensionInput, response: { 201: AdminSuspension, ...errorResponses(400, 403) } } },
    async (req, reply) => reply.status(201).send(await service.createSuspension(contextOf(platform, req), req.body)));

  app.delete('/suspensions/:id', { config, schema: { tags, summary: 'Remove a suspension', params: IdParams, response: { 204: NoContent('Deleted'), ...errorResponses(403, 404) } } },
    async (req, reply) => { await service.deleteSuspension(contextOf(platform, req), req.params.id); return reply.status(204).send(); });
};
