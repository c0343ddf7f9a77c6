import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from './platform.ts';
import { tenantOf } from './http/types.ts';
import { notFound, invalid } from './http/errors.ts';
import { pickContentLang } from './i18n/index.ts';
import { toCsv } from './ja/csv.ts';
import { sendCsv } from './ja/csv-reply.ts';
import { readModuleSettings, writeModuleSettings } from './settings.ts';

/**
 * Routes that loop over every manifest: the portal's search, the KPI figures the plan module reads,
 * the open-data datasets modules declare, and per-tenant module settings.
 */
export const platformRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/search', {
    config: { permission: 'public' },
    schema: { tags: ['portal'], summary: 'Search every module of the tenant', querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }), lang: Type.Optional(Type.String()) }) },
  }, async (req) => {
    const tenantId = tenantOf(req).id;
    const lang = pickContentLang({ query: req.query.lang, cookie: req.cookies.lang }, req.lang);
    const results = [];
    for (const m of platform.modules.filter((mod) => mod.search)) {
      const hits = await platform.inTenant(tenantId, (tx) => m.search!({ tx, tenantId, platform }, req.query.q, lang));
      results.push(...hits.map((h) => ({ module: m.id, ...h })));
    }
    return { items: results };
  });

  app.get('/admin/core/kpis', {
    config: { permission: 'staff' },
    schema: { tags: ['admin'], summary: 'KPI figures of every module for a period', querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }) },
  }, async (req) => {
    const tenantId = tenantOf(req).id;
    const from = new Date(`${req.query.from}T00:00:00+09:00`);
    const to = new Date(`${req.query.to}T00:00:00+09:00`);
    if (!(from < to)) throw invalid('to', 'to must be after from');
    const items = [];
    for (const m of platform.modules) {
      for (const k of m.kpis ?? []) {
        const value = await platform.inTenant(tenantId, (tx) => k.compute(tx, { tenantId, from, to }));
        items.push({ module: m.id, id: k.id, label: k.label, unit: k.unit, value });
      }
    }
    return { from: req.query.from, to: req.query.to, items };
  });

  app.get('/datasets', {
    config: { permission: 'public' },
    schema: { tags: ['open data'], summary: 'Datasets the modules publish' },
  }, async () => ({
    items: platform.modules.flatMap((m) => (m.openData ?? []).map((d) => ({
      id: `${m.id}.${d.id}`, module: m.id, title: d.title, columns: d.columns,
      formats: ['csv', 'json'],
    }))),
  }));

  app.get('/datasets/:id.:format', {
    config: { permission: 'public' },
    schema: { tags: ['open data'], summary: 'One dataset as CSV (UTF-8 with BOM) or JSON', params: Type.Object({ id: Type.String(), format: Type.Union([Type.Literal('csv'), Type.Literal('json')]) }) },
  }, async (req, reply) => {
    const [moduleId, datasetId] = req.params.id.split('.');
    const dataset = platform.modules.find((m) => m.id === moduleId)?.openData?.find((d) => d.id === datasetId);
    if (!dataset) throw notFound();
    const tenantId = tenantOf(req).id;
    const rows = await platform.inTenant(tenantId, (tx) => dataset.rows(tx, tenantId));
    if (req.params.format === 'json') return { columns: dataset.columns, rows };
    const csv = toCsv([dataset.columns, ...rows.map((r) => dataset.columns.map((c) => r[c]))]);
    return sendCsv(reply, csv, { filename: `${tenantOf(req).slug}_${dataset.title.ja}.csv` });
  });

  app.get('/admin/core/settings', {
    config: { permission: 'core.settings.manage' },
    schema: { tags: ['admin'], summary: 'Per-tenant settings of every module, with their defaults' },
  }, async (req) => ({ modules: await readModuleSettings(platform, tenantOf(req).id) }));

  app.put('/admin/core/settings/:module', {
    config: { permission: 'core.settings.manage' },
    schema: { tags: ['admin'], params: Type.Object({ module: Type.String() }), body: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])) },
  }, async (req) => {
    const tenant = tenantOf(req);
    return writeModuleSettings(platform, tenant.id, req.actor, req.params.module, req.body);
  });
};
