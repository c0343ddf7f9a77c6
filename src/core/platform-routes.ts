import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from './platform.ts';
import { tenantOf } from './http/types.ts';
import { notFound, invalid } from './http/errors.ts';
import { pickContentLang } from './i18n/index.ts';
import { toCsv } from './ja/csv.ts';
import { sendCsv } from './ja/csv-reply.ts';
import { readModuleSettings, writeModuleSettings } from './settings.ts';
import { errorResponses, LocalText, tags } from './http/schemas.ts';

// A type list, not anyOf: with anyOf, AJV's type coercion turns a number into a string (first branch).
const Scalar = Type.Unsafe<string | number | boolean>({ type: ['string', 'number', 'boolean'] });
/** One module's settings as readModuleSettings shows them. */
const ModuleSettings = Type.Object({
  module: Type.String(),
  title: LocalText,
  settings: Type.Array(Type.Object({
    key: Type.String(),
    label: LocalText,
    type: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('boolean')]),
    default: Scalar,
    value: Type.Unknown({ description: 'The tenant\'s value, else the default: a string, number or boolean, as `type` says' }),
  }, { description: 'A setting the module declares, with the tenant\'s value (or the default)' })),
});

/**
 * Routes that loop over every manifest: the portal's search, the KPI figures the plan module reads,
 * the open-data datasets modules declare, and per-tenant module settings.
 */
export const platformRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/search', {
    config: { permission: 'public' },
    schema: {
      tags: tags('portal'), summary: 'Search (サイト内検索) every module of the tenant',
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }), lang: Type.Optional(Type.String({ description: 'Content language; else the lang cookie' })) }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            module: Type.String({ description: 'The module the hit comes from' }),
            title: Type.String(),
            snippet: Type.String(),
            url: Type.String({ description: 'Path inside the web app, relative to the tenant' }),
          }, { additionalProperties: true })),
        }),
        ...errorResponses(400),
      },
    },
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
    schema: {
      tags: tags('open data'), summary: 'KPI figures (指標) of every module for a period (staff only)',
      querystring: Type.Object({ from: Type.String({ format: 'date', description: 'First day (JST)' }), to: Type.String({ format: 'date', description: 'Day after the last (JST)' }) }),
      response: {
        200: Type.Object({
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
          items: Type.Array(Type.Object({
            module: Type.String(),
            id: Type.String(),
            label: LocalText,
            unit: Type.String({ description: 'e.g. `件` or `%`' }),
            value: Type.Number(),
            breakdown: Type.Optional(Type.Array(Type.Object({ key: Type.String(), label: LocalText, value: Type.Number() }), { description: 'The figure split by a dimension of the module (e.g. per procedure)' })),
          })),
        }),
        ...errorResponses(400, 403),
      },
    },
  }, async (req) => {
    const tenantId = tenantOf(req).id;
    const from = new Date(`${req.query.from}T00:00:00+09:00`);
    const to = new Date(`${req.query.to}T00:00:00+09:00`);
    if (!(from < to)) throw invalid('to', 'to must be after from');
    const items = [];
    for (const m of platform.modules) {
      for (const k of m.kpis ?? []) {
        const query = { tenantId, from, to };
        const [value, breakdown] = await platform.inTenant(tenantId, async (tx) => [
          await k.compute(tx, query),
          k.breakdown ? await k.breakdown(tx, query) : undefined,
        ] as const);
        items.push({ module: m.id, id: k.id, label: k.label, unit: k.unit, value, ...(breakdown ? { breakdown } : {}) });
      }
    }
    return { from: req.query.from, to: req.query.to, items };
  });

  app.get('/datasets', {
    config: { permission: 'public' },
    schema: {
      tags: tags('open data'), summary: 'Datasets (オープンデータ) the modules publish',
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            id: Type.String({ description: '`{module}.{dataset}`, as used in /api/datasets/{id}.{format}' }),
            module: Type.String(),
            title: LocalText,
            columns: Type.Array(Type.String(), { description: 'Column names in published order' }),
            formats: Type.Array(Type.String(), { description: '`csv` and `json`' }),
          })),
        }),
      },
    },
  }, async () => ({
    items: platform.modules.flatMap((m) => (m.openData ?? []).map((d) => ({
      id: `${m.id}.${d.id}`, module: m.id, title: d.title, columns: d.columns,
      formats: ['csv', 'json'],
    }))),
  }));

  app.get('/datasets/:id.:format', {
    config: { permission: 'public' },
    schema: {
      tags: tags('open data'), summary: 'One dataset (オープンデータ) as CSV (UTF-8 with BOM) or JSON',
      params: Type.Object({ id: Type.String(), format: Type.Union([Type.Literal('csv'), Type.Literal('json')]) }),
      response: {
        200: {
          description: 'The dataset',
          content: {
            'application/json': {
              schema: Type.Object({
                columns: Type.Array(Type.String()),
                rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'One object per row, keyed by column' }),
              }),
            },
            'text/csv': { schema: Type.String({ description: 'A header line, then one line per row; sent as a download' }) },
          },
        },
        ...errorResponses(400, 404),
      },
    },
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
    schema: {
      tags: tags('admin: settings'), summary: 'Per-tenant settings (設定) of every module, with their defaults',
      response: { 200: Type.Object({ modules: Type.Array(ModuleSettings) }) },
    },
  }, async (req) => ({ modules: await readModuleSettings(platform, tenantOf(req).id) }));

  app.put('/admin/core/settings/:module', {
    config: { permission: 'core.settings.manage' },
    schema: {
      tags: tags('admin: settings'), summary: 'Change some settings (設定) of one module',
      params: Type.Object({ module: Type.String() }),
      body: Type.Record(Type.String(), Scalar, { description: 'Setting key → new value (of the setting\'s type); keys left out keep theirs' }),
      response: { 200: ModuleSettings, ...errorResponses(400, 403, 404) },
    },
  }, async (req) => {
    const tenant = tenantOf(req);
    return writeModuleSettings(platform, tenant.id, req.actor, req.params.module, req.body as Record<string, string | number | boolean>);
  });
};
