import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../core/modules/manifest.ts';
import { errorResponses } from '../../core/http/schemas.ts';
import { bracketValidationErrors, contextOf, LangQuery } from './http.ts';
import { AreasOut, AreasQuery, CalendarOut, CalendarQuery, CodeParams, LocateOut, LocateQuery, SearchOut, SearchQuery } from './public/schema.ts';
import * as service from './public/service.ts';

const tags = ['garbage'];
const config = { permission: 'public' };

/** Citizen routes: the published bundle (for offline use), areas, calendars and the sorting dictionary. */
export const garbageRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  bracketValidationErrors(app);

  app.get('/bundle', {
    config,
    schema: {
      tags, summary: 'The latest published GarbageBundle (ETag = version; `X-Offline: allow` lets the service worker keep it)',
      querystring: LangQuery,
      response: { 200: Type.Unsafe({ type: 'object', description: 'GarbageBundle (engine/types.ts)' }), 304: Type.Null({ description: 'Not modified' }), ...errorResponses(404) },
    },
  }, async (req, reply) => {
    const b = await service.latest(contextOf(platform, req));
    reply.header('etag', b.etag).header('cache-control', 'no-cache').header('x-offline', 'allow');
    const match = String(req.headers['if-none-match'] ?? '').split(',').map((s) => s.trim().replace(/^W\//, ''));
    if (match.includes(b.etag) || match.includes('*')) return reply.status(304).send(null);
    return reply.type('application/json; charset=utf-8').send(b.body);
  });

  app.get('/areas', { config, schema: { tags, summary: 'Areas, or those whose name, reading or 町名 match `q` (an address such as 万代町3丁目 finds the area listing 万代町)', querystring: AreasQuery, response: { 200: AreasOut, ...errorResponses(400, 404) } } },
    async (req) => service.areas(contextOf(platform, req), req.query.q));

  app.get('/areas/locate', { config, schema: { tags, summary: 'The area whose polygon holds the point (null when none)', querystring: LocateQuery, response: { 200: LocateOut, ...errorResponses(400, 404) } } },
    async (req) => service.locate(contextOf(platform, req), req.query.lat, req.query.lng));

  app.get('/areas/:code/calendar', {
    config,
    schema: { tags, summary: "An area's published collection calendar (default today + 62 days, at most 400 days; 400 names `from` or `to`)", params: CodeParams, querystring: CalendarQuery, response: { 200: CalendarOut, ...errorResponses(400, 404) } },
  }, async (req) => service.calendar(contextOf(platform, req), req.params.code, req.query));

  app.get('/search', { config, schema: { tags, summary: 'Search the sorting dictionary (分別辞典) in any script; counts one search for the KPI', querystring: SearchQuery, response: { 200: SearchOut, ...errorResponses(400, 404) } } },
    async (req) => service.search(contextOf(platform, req), req.query.q, req.query.limit ?? 20));
};
