import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { bracketValidationErrors, contextOf } from '../http.ts';
import { garbageLangOf } from '../texts.ts';
import * as service from './service.ts';

const tags = ['garbage'];
const config = { permission: 'public' };

/** The iCalendar feed of an area that phones subscribe to. */
export const feedRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  bracketValidationErrors(app);
  app.get('/feeds/:file', {
    config,
    schema: {
      tags, summary: "An area's collection calendar as iCalendar (`{areaCode}.ics`), categories filtered by `c` (codes, comma-separated)",
      params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9_-]{1,40}\\.ics$', description: '{areaCode}.ics' }) }),
      querystring: Type.Object({ c: Type.Optional(Type.String({ maxLength: 500 })), lang: Type.Optional(Type.String()) }),
      response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    // A calendar app sends no cookie and its own Accept-Language: the feed speaks `lang`, else Japanese.
    const ctx = { ...contextOf(platform, req), lang: garbageLangOf(req.query.lang, undefined, 'ja') };
    const codes = (req.query.c ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const text = await service.feed(ctx, req.params.file.replace(/\.ics$/, ''), codes, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('content-disposition', `inline; filename="${req.params.file}"`)
      .send(text);
  });
};
