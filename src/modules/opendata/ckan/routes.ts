import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { AppError } from '../../../core/http/errors.ts';
import { translate } from '../../../core/http/error-handler.ts';
import { tenantOf } from '../../../core/http/types.ts';
import { csrfValid } from '../../../core/auth/plugin.ts';
import { tags } from '../../../core/http/schemas.ts';
import type { ActionContext, ActionDef, ActionParams } from './actions.ts';
import { CkanError, authError, badRequest } from './errors.ts';
import { readActions } from './read-actions.ts';
import { writeActions } from './write-actions.ts';
import { datastoreActions } from '../datastore/actions.ts';
import { resourceActions } from '../resources/actions.ts';

/** Every action this catalog answers, by name. */
export const ACTIONS: ReadonlyMap<string, ActionDef> = new Map([...readActions, ...writeActions, ...resourceActions, ...datastoreActions].map((a) => [a.name, a]));

const CKAN_TYPES: Record<number, CkanError['type']> = { 403: 'Authorization Error', 404: 'Not Found Error', 409: 'Validation Error', 400: 'Validation Error' };

/** Any error as CKAN's `{__type, message, field: [msgs]}`, with CKAN's status (401 becomes 403 as in CKAN). */
export function ckanErrorOf(err: unknown, req: FastifyRequest): { status: number; error: Record<string, unknown> } {
  if (err instanceof CkanError) return { status: err.status, error: { __type: err.type, message: err.message, ...err.fields } };
  const { status, body } = translate(err as FastifyError, req.lang ?? 'ja', String(req.headers['content-type'] ?? ''));
  if (status >= 500) req.log.error({ err }, 'ckan action failed');
  const field = body.error.field ?? (err instanceof AppError ? err.field : undefined);
  const ckanStatus = status === 401 ? 403 : status;
  const type = CKAN_TYPES[ckanStatus] ?? (ckanStatus >= 500 ? 'Internal Server Error' : 'Bad request');
  return { status: ckanStatus, error: { __type: type, message: body.error.message, ...(field ? { [field]: [body.error.message] } : {}) } };
}

/** GET parameters: repeated keys arrive as arrays, everything else as the string sent. */
function queryParams(req: FastifyRequest): ActionParams {
  return { ...(req.query as Record<string, unknown>) };
}

/** multipart fields as strings and the `upload` file (one per request). */
async function multipartParams(req: FastifyRequest, maxBytes: number): Promise<ActionParams> {
  const params: ActionParams = {};
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type === 'file') {
      try {
        params[part.fieldname] = { filename: part.filename || 'upload', data: await part.toBuffer() };
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new CkanError(413, 'Upload Error', `${part.fieldname}: file is over ${Math.round(maxBytes / 1048576)} MB`, { [part.fieldname]: ['File too large'] });
        throw err;
      }
    } else {
      params[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  }
  return params;
}

/**
 * The CKAN Action API: `GET|POST {prefix}/action/{name}` with CKAN's envelope `{help, success, result}`.
 * Public at the HTTP layer: each action checks the caller itself. CSRF is checked here for POSTs that
 * ride on a staff session cookie (API tokens and anonymous reads carry no cookie to forge).
 */
export const ckanRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { platform }) => {
  // CKAN clients POST JSON, multipart (uploads) or nothing; an empty body means no parameters.
  app.setErrorHandler((err, req, reply) => {
    const { status, error } = ckanErrorOf(err, req);
    return reply.status(status).type('application/json; charset=utf-8').send({ help: helpUrl(req), success: false, error });
  });

  const helpUrl = (req: FastifyRequest) => {
    const slug = req.tenant?.slug ?? req.tenantSlug ?? '';
    return `${platform.config.baseUrl}/t/${slug}/api/3/action/help_show?name=${encodeURIComponent((req.params as { action?: string }).action ?? '')}`;
  };

  const run = async (req: FastifyRequest, reply: FastifyReply) => {
    const name = (req.params as { action: string }).action;
    const action = ACTIONS.get(name);
    if (!action) throw new CkanError(400, 'Bad request', `Action name not known: ${name}`);
    if (action.write && req.method !== 'POST') throw badRequest('method', 'Please use POST method for this action');
    if (req.method === 'POST' && req.auth && !csrfValid(req)) throw authError('CSRF token missing or invalid');
    const tenant = tenantOf(req);
    const ctx: ActionContext = { platform, tenant, actor: req.actor, lang: req.lang, base: { baseUrl: platform.config.baseUrl, slug: tenant.slug }, req };
    let params: ActionParams;
    if (req.method === 'GET') params = queryParams(req);
    else if (req.isMultipart()) params = await multipartParams(req, platform.config.maxUploadBytes);
    else {
      const body = req.body;
      if (body != null && (typeof body !== 'object' || Array.isArray(body))) throw badRequest('body', 'Request data must be a JSON object');
      params = { ...(body as Record<string, unknown> | null ?? {}) };
    }
    const result = await action.handler(ctx, params);
    if (action.raw) return reply;
    return reply.type('application/json; charset=utf-8').send({ help: helpUrl(req), success: true, result });
  };

  const schema = {
    tags: tags('open data'),
    summary: 'CKAN Action API v3 (package_search, package_show, datastore_search, package_create …)',
    description: 'Compatible with CKAN 2.10 clients (ckanapi, harvesters). Reads by GET with query parameters or POST with JSON; writes by POST with a staff session (plus X-CSRF-Token) or an API token in `Authorization`.',
    params: Type.Object({ action: Type.String({ pattern: '^[a-z_]{1,60}$' }) }),
  };
  const config = { permission: 'public', csrf: false, apiToken: true } as const;
  app.get('/action/:action', { config, schema }, run);
  app.post('/action/:action', { config, schema, bodyLimit: 8 * 1024 * 1024 }, run);
};
