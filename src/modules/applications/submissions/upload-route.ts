import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { AppError } from '../../../core/http/errors.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { contextOf } from './context.ts';
import { storeUpload, UPLOAD_LIMIT_BYTES } from './uploads.ts';

const code = (err: unknown) => (err as { code?: string })?.code;
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Reads the one file of a multipart request; 413 naming the file when it is over the limit, 400 when there is none. */
async function readFile(req: FastifyRequest, limit: number): Promise<{ filename: string; data: Buffer }> {
  let part: MultipartFile | undefined;
  try {
    part = await req.file({ limits: { fileSize: limit, files: 1 } });
  } catch (err) {
    if (code(err) === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type', { type: String(req.headers['content-type'] ?? 'none').split(';')[0] }, 'content-type');
    throw err;
  }
  if (!part) throw new AppError(400, 'invalid', 'applications.submission.file_missing', {}, 'file');
  try {
    return { filename: part.filename || 'file', data: await part.toBuffer() };
  } catch (err) {
    if (code(err) === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file_too_large', 'error.file_too_large', { name: part.filename, limit: mb(limit) }, part.filename);
    throw err;
  }
}

/** POST /procedures/:id/uploads: one attachment for a later submission (multipart field `file`). */
export const uploadRoute: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.post('/procedures/:id/uploads', {
    config: { permission: 'public' },
    schema: {
      tags: ['applications'], summary: 'Upload an attachment (添付ファイル) for an application; checked by content and size',
      consumes: ['multipart/form-data'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      response: {
        201: Type.Object({ id: Type.String({ description: 'Put it in the file field\'s answer; usable for 24 hours' }), filename: Type.String(), contentType: Type.String(), size: Type.Integer() }),
        ...errorResponses(400, 401, 403, 404, 409, 413, 415),
      },
    },
  }, async (req, reply) => {
    const file = await readFile(req, Math.min(UPLOAD_LIMIT_BYTES, platform.config.maxUploadBytes));
    return reply.status(201).send(await storeUpload(contextOf(platform, req), req.params.id, file));
  });
};
