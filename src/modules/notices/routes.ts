import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../core/modules/manifest.ts';
import { tenantOf } from '../../core/http/types.ts';
import { pickContentLang } from '../../core/i18n/index.ts';
import { notFound } from '../../core/http/errors.ts';
import { sendCachedJson } from '../../core/http/public-cache.ts';
import { PUBLIC_LIST } from './service.ts';
import { IdParams, PublicListQuery, PublicNotice } from './schema.ts';
import { presentPublic } from './presenter.ts';
import * as service from './service.ts';

/** Public routes: the published notices of the tenant, in the reader's language. */
export const noticesRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  app.get('/', {
    config: { permission: 'public' },
    schema: { tags: ['notices'], summary: 'Published notices (お知らせ)', querystring: PublicListQuery, response: { 200: Type.Object({ items: Type.Array(PublicNotice) }) } },
  }, async (req, reply) => sendCachedJson(req, reply, PUBLIC_LIST, async () => {
    // Public and read on every portal visit: built once per TTL, then served pre-serialised.
    const lang = pickContentLang({ query: req.query.lang, cookie: req.cookies.lang }, req.lang);
    const ctx = { platform, tenantId: tenantOf(req).id, actor: req.actor };
    const rows = await service.listPublic(ctx, { category: req.query.category, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 });
    return { items: rows.map((r) => presentPublic(r, lang)) };
  }));

  app.get('/:id', {
    config: { permission: 'public' },
    schema: { tags: ['notices'], summary: 'One published notice', params: IdParams, response: { 200: PublicNotice } },
  }, async (req) => {
    const lang = pickContentLang({ query: (req.query as { lang?: string }).lang, cookie: req.cookies.lang }, req.lang);
    const row = await service.getOne({ platform, tenantId: tenantOf(req).id, actor: req.actor }, req.params.id);
    if (!row.publishedAt) throw notFound(); // editors see drafts in the console, never here
    return presentPublic(row, lang);
  });
};
