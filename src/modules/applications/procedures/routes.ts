import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { tenantOf } from '../../../core/http/types.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { pickContentLang } from '../../../core/i18n/index.ts';
import { sendCachedJson } from '../../../core/http/public-cache.ts';
import { IdParams, ProcedurePublic, ProcedureSummary, PublicListQuery } from './http-schema.ts';
import { PUBLIC_ROUTE } from './service.ts';
import * as service from './service.ts';
import { postalRoutes } from '../postal/routes.ts';

/** Public routes: the procedure catalogue with search, one procedure with its live form, and postal codes. */
export const procedureRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  const tags = ['applications'];
  const langOf = (req: { query: unknown; cookies: Record<string, string | undefined>; lang: 'ja' | 'en' }) =>
    pickContentLang({ query: (req.query as { lang?: string }).lang, cookie: req.cookies.lang }, req.lang);

  app.get('/procedures', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'The procedure catalogue (手続き一覧): search in any script, filter by category',
      querystring: PublicListQuery,
      response: { 200: Type.Object({ items: Type.Array(ProcedureSummary), categories: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })) }), ...errorResponses(400) },
    },
  }, async (req, reply) => sendCachedJson(req, reply, PUBLIC_ROUTE, () =>
    service.listPublic({ platform, tenantId: tenantOf(req).id, actor: req.actor }, { q: req.query.q, category: req.query.category, lang: langOf(req) })));

  app.get('/procedures/:id', {
    config: { permission: 'public' },
    schema: {
      tags, summary: 'One procedure with its live form definition (all languages)',
      params: IdParams, querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
      response: { 200: ProcedurePublic, ...errorResponses(400, 404) },
    },
  }, async (req, reply) => sendCachedJson(req, reply, `${PUBLIC_ROUTE}/${req.params.id}`, () =>
    service.getPublic({ platform, tenantId: tenantOf(req).id, actor: req.actor }, req.params.id, langOf(req))));

  await app.register(postalRoutes);
};
