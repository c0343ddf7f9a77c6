import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { AppError } from '../../../core/http/errors.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { tenantOf } from '../../../core/http/types.ts';
import { dryRunCheck, resourceCheck, templates } from '../resources/check.ts';

const tags = ['open data (admin)'];
// Either opendata.publish or opendata.manage: the services check which, and the organisation.
const config = { permission: 'staff' };
const CheckOut = Type.Object({
  templateId: Type.Union([Type.String(), Type.Null()]),
  ok: Type.Union([Type.Boolean(), Type.Null()]),
  report: Type.Union([Type.Unsafe({ type: 'object', additionalProperties: true, description: 'ValidationReport (standards/validate.ts): encoding, header {mapped, missing, unknown}, rows, problems [{row, column, value, code, message {ja, en}}], moreProblems' }), Type.Null()]),
});

/** The `file` part and the text fields of a multipart request; 413 naming `file` when it is too large. */
async function readMultipart(req: FastifyRequest, limit: number): Promise<{ file?: { filename: string; data: Buffer }; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type', { type: String(req.headers['content-type'] ?? 'none').split(';')[0]! }, 'content-type');
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | undefined;
  for await (const part of req.parts({ limits: { fileSize: limit, files: 1 } })) {
    if (part.type === 'file') {
      try {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') file = { filename: part.filename || 'file.csv', data };
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file_too_large', 'error.file_too_large', { name: part.filename, limit: `${Math.round(limit / 1048576)} MB` }, 'file');
        throw err;
      }
    } else fields[part.fieldname] = String(part.value);
  }
  return { file, fields };
}

/** Staff routes of the catalog (mounted at /api/admin/opendata): the standard check. */
export const opendataAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/templates', {
    config,
    schema: {
      tags, summary: 'The 自治体標準オープンデータセット templates: columns with type, required and accepted older names',
      response: {
        200: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), required: Type.Boolean(), aliases: Type.Array(Type.String()) })) })),
        ...errorResponses(401, 403),
      },
    },
  }, async (req) => templates(req.actor));

  app.get('/resources/:id/check', {
    config,
    schema: {
      tags, summary: 'The last standard check of a resource (report null when it is not a CSV of a dataset with a template)',
      params: Type.Object({ id: Type.String() }),
      response: { 200: Type.Intersect([Type.Object({ resourceId: Type.String() }), CheckOut]), ...errorResponses(401, 403, 404) },
    },
  }, async (req) => resourceCheck(platform, tenantOf(req), req.actor, req.params.id));

  app.post('/check', {
    config,
    schema: {
      tags, summary: 'Check a CSV against a template without saving it (multipart: `file` and `template`)',
      consumes: ['multipart/form-data'],
      response: { 200: CheckOut, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (req) => {
    const { file, fields } = await readMultipart(req, platform.config.maxUploadBytes);
    return dryRunCheck(req.actor, fields.template, file);
  });
};
