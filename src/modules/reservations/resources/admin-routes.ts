import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf } from '../routes.ts';
import { AdminResource, ResourceInput, SavedResource } from './schema.ts';
import { presentAdminResource } from './presenter.ts';
import * as service from './service.ts';

const tags = ['reservations (admin)'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Staff routes for resources and their rules (MANAGE writes; any staff member reads). */
export const resourceAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/resources', { config: { permission: 'staff' }, schema: { tags, summary: 'Every resource with its rules (予約対象一覧)', response: { 200: Type.Object({ items: Type.Array(AdminResource) }) } } },
    async (req) => ({ items: (await service.listForStaff(contextOf(platform, req))).map(presentAdminResource) }));

  app.post('/resources', { config: { permission: MANAGE }, schema: { tags, summary: 'Create a resource with hours, exam types and closed days', body: ResourceInput, response: { 201: AdminResource, ...errorResponses(400, 403) } } },
    async (req, reply) => reply.status(201).send(presentAdminResource(await service.createResource(contextOf(platform, req), req.body))));

  app.get('/resources/:id', { config: { permission: 'staff' }, schema: { tags, summary: 'One resource with its rules', params: IdParams, response: { 200: AdminResource, ...errorResponses(404) } } },
    async (req) => presentAdminResource(await service.getForStaff(contextOf(platform, req), req.params.id)));

  app.put('/resources/:id', { config: { permission: MANAGE }, schema: { tags, summary: 'Replace a resource\'s rules (409 when a capacity falls below seats booked)', params: IdParams, body: ResourceInput, response: { 200: SavedResource, ...errorResponses(400, 403, 404, 409) } } },
    async (req) => {
      const saved = await service.replaceResourceWithWarnings(contextOf(platform, req), req.params.id, req.body);
      return { ...presentAdminResource(saved.resource), ...(saved.bookingsOnClosedDays.length ? { warnings: { bookingsOnClosedDays: saved.bookingsOnClosedDays } } : {}) };
    });

  app.delete('/resources/:id', { config: { permission: MANAGE }, schema: { tags, summary: 'Delete a resource without bookings', params: IdParams, response: errorResponses(403, 404, 409) } },
    async (req, reply) => { await service.deleteResource(contextOf(platform, req), req.params.id); return reply.status(204).send(); });

  app.post('/resources/:id/feed', {
    config: { permission: MANAGE },
    schema: {
      tags, summary: 'Turn the iCalendar feed of the resource\'s bookings on (a new secret URL) or off', params: IdParams,
      body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: Type.Object({ url: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses(403, 404) },
    },
  }, async (req) => {
    const ctx = contextOf(platform, req);
    const token = await service.rotateFeedToken(ctx, req.params.id, req.body.enabled);
    return { url: token ? `${platform.config.baseUrl}/t/${encodeURIComponent(ctx.tenant.slug)}/api/reservations/feeds/${token}.ics` : null };
  });
};
