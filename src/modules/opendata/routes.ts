import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../core/modules/manifest.ts';
import { errorResponses } from '../../core/http/schemas.ts';
import { tenantOf } from '../../core/http/types.ts';
import { contentDisposition } from '../../core/ja/csv.ts';
import { downloadResource } from './resources/download.ts';

const tags = ['open data'];

/** Public routes of the catalog (mounted at /api/opendata): resource downloads. */
export const opendataRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/resources/:id/download/:filename', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'Download an uploaded or living resource (ETag = SHA-256; counted per month unless HEAD or 304)',
      params: Type.Object({ id: Type.String(), filename: Type.String() }),
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file, with Content-Disposition' }), 304: Type.Null({ description: 'Not modified' }), ...errorResponses(404) },
    },
  }, async (req, reply) => {
    const d = await downloadResource(platform, tenantOf(req), req.actor, req.params.id, {
      count: req.method === 'GET',
      ifNoneMatch: req.headers['if-none-match'],
    });
    // Drafts and private datasets are downloaded by signed-in staff only: no shared caches.
    reply.header('etag', d.etag).header('cache-control', 'private, no-cache');
    if (d.kind === 'not-modified') return reply.status(304).send(null);
    return reply.type(d.contentType).header('content-disposition', contentDisposition(d.file.filename))
      .header('content-length', String(d.data.length)).send(d.data);
  });
};
