import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { MANAGE } from '../policy.ts';
import { contextOf } from '../http.ts';
import { PreviewOut, PreviewQuery, PublicationOut } from './schema.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };

/** Staff routes for preview, publish and the publication history. */
export const publicationAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/preview', {
    config,
    schema: { tags, summary: 'The calendar the draft would publish for an area, with added/removed against the latest publication', querystring: PreviewQuery, response: { 200: PreviewOut, ...errorResponses(400, 403, 404) } },
  }, async (req) => service.preview(contextOf(platform, req), req.query));

  app.post('/publish', {
    config,
    schema: { tags, summary: 'Publish the draft as the next version (409 `publish_conflict` when another publish took that version)', response: { 201: Type.Object({ version: Type.Integer(), publishedAt: Type.String() }), ...errorResponses(403, 409) } },
  }, async (req, reply) => reply.status(201).send(await service.publish(contextOf(platform, req))));

  app.get('/publications', { config, schema: { tags, summary: 'Publication history, newest first', response: { 200: Type.Object({ items: Type.Array(PublicationOut) }), ...errorResponses(403) } } },
    async (req) => ({ items: await service.publications(contextOf(platform, req)) }));
};
