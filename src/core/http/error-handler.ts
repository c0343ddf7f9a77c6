import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';

/** The one error shape every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown[] };
}

/** Builds the error body in the requester's language. */
export function errorBody(lang: Lang, code: string, key: MessageKey, params: Record<string, string | number> = {}, field?: string): ErrorBody {
  return { error: { code, message: t(lang, key, params), ...(field ? { field } : {}) } };
}

/** Field name of an AJV error: `/email` → `email`, `/children/0/name` → `children.0.name`, or the missing or unexpected property. */
function fieldOf(v: { instancePath?: string; params?: Record<string, unknown> }, context?: string): string {
  const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = (v.params?.missingProperty ?? v.params?.additionalProperty) as string | undefined;
  const name = [path, missing].filter(Boolean).join('.');
  return name || context || 'body';
}

/** The PostgreSQL error under a driver or Drizzle wrapper, if any. */
function databaseError(err: unknown): { code: string; column?: string; constraint?: string } | undefined {
  for (let e = err as { code?: unknown; cause?: unknown; column?: string; constraint?: string } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, column: e.column, constraint: e.constraint };
  }
  return undefined;
}

/** The status and body an error answers with (also for APIs with their own envelope, e.g. CKAN). */
export function translate(err: FastifyError, lang: Lang, contentType = ''): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const body = errorBody(lang, err.code, err.messageKey, err.params, err.field);
    if (err.details) body.error.details = err.details;
    return { status: err.status, body };
  }
  if (err.validation && err.validation.length > 0) {
    const v = err.validation[0] as { instancePath?: string; params?: Record<string, unknown>; message?: string; keyword?: string };
    const field = fieldOf(v, err.validationContext);
    if (v.keyword === 'required') return { status: 400, body: errorBody(lang, 'invalid', 'error.field_required', { field }, field) };
    return { status: 400, body: errorBody(lang, 'invalid', 'error.validation', { field, detail: v.message ?? 'invalid' }, field) };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody(lang, 'invalid_json', 'error.invalid_json', {}, 'body') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, body: errorBody(lang, 'body_too_large', 'error.body_too_large', { limit: 'body' }, 'body') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: errorBody(lang, 'unsupported_media_type', 'error.unsupported_media_type', { type: contentType.split(';')[0] || 'none' }, 'content-type') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: errorBody(lang, 'invalid_json', 'error.invalid_json', {}, 'body') };
  }
  const dbError = databaseError(err);
  if (dbError) {
    const field = dbError.column ?? dbError.constraint ?? 'body';
    if (dbError.code === '23505') return { status: 409, body: errorBody(lang, 'conflict', 'error.conflict', { field }, field) };
    if (['23503', '23514', '22P02', '22001', '22007', '22008', '23502'].includes(dbError.code)) {
      return { status: 400, body: errorBody(lang, 'invalid', 'error.validation', { field, detail: dbError.code }, field) };
    }
  }
  if (err instanceof SyntaxError) return { status: 400, body: errorBody(lang, 'invalid_json', 'error.invalid_json', {}, 'body') };
  const status = err.statusCode ?? 500;
  if (status === 429) return { status, body: errorBody(lang, 'rate_limited', 'error.rate_limited', { minutes: 1 }) };
  if (status >= 400 && status < 500) return { status, body: { error: { code: err.code ?? 'bad_request', message: err.message } } };
  return { status: 500, body: errorBody(lang, 'internal', 'error.internal') };
}

/** Installs the error and not-found handlers: one shape, localised, never a stack trace. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = req.lang ?? 'ja';
    const { status, body } = translate(err, lang, String(req.headers['content-type'] ?? ''));
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.error.code, field: body.error.field }, 'request rejected');
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}
