import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { sendCsv } from '../../../core/ja/csv-reply.ts';
import { MANAGE } from '../policy.ts';
import { bracketValidationErrors, contextOf } from '../http.ts';
import * as service from './service.ts';

const tags = ['garbage (admin)'];
const config = { permission: MANAGE };
const B64 = (d: string) => Type.String({ maxLength: 20_000_000, description: `${d}, base64 (UTF-8, UTF-8 BOM, UTF-16 or CP932)` });
const ImportOut = Type.Object({
  imported: Type.Boolean({ description: 'false for a dry run or when the report has an error' }),
  report: Type.Array(Type.Object({ file: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String(), code: Type.String(), level: Type.String(), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) })),
  counts: Type.Record(Type.String(), Type.Integer()),
});

/** Staff: the 5374 data set and the 自治体標準オープンデータセット in and out of the draft. */
export const exchangeAdminRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  bracketValidationErrors(app);
  app.post('/import/5374', {
    config,
    schema: {
      tags, summary: 'Import a 5374 data set; replaces the whole draft unless a dry run or the report has an error',
      body: Type.Object({
        files: Type.Object({ area_days: Type.Optional(B64('area_days.csv')), target: Type.Optional(B64('target.csv')), description: Type.Optional(B64('description.csv')), remarks: Type.Optional(B64('remarks.csv')), center: Type.Optional(B64('center.csv')) }, { additionalProperties: false }),
        dryRun: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: ImportOut, ...errorResponses(400, 403) },
    },
    bodyLimit: 60 * 1024 * 1024,
  }, async (req) => service.import5374Files(contextOf(platform, req), req.body));

  app.get('/export/5374/:file', {
    config,
    schema: { tags, summary: 'One 5374 file of the draft (UTF-8 BOM); `X-Export-Losses` counts what 5374 cannot carry', params: Type.Object({ file: Type.String({ pattern: '^(area_days|target|description|remarks|center)\\.csv$' }) }), response: { ...errorResponses(400, 403) } },
  }, async (req, reply) => {
    const file = req.params.file.replace(/\.csv$/, '') as 'area_days' | 'target' | 'description' | 'remarks' | 'center';
    const { csv, loss } = await service.export5374File(contextOf(platform, req), file);
    reply.header('x-export-losses', String(loss.length));
    return sendCsv(reply, csv, { filename: `${file}.csv` });
  });

  app.post('/import/standard', {
    config,
    schema: {
      tags, summary: '自治体標準オープンデータセット「ゴミの分別方法一覧」(items) or「ゴミ集積場所一覧」(points), old and new headers',
      body: Type.Object({ kind: Type.Union([Type.Literal('items'), Type.Literal('points')]), file: B64('the CSV'), dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: ImportOut, ...errorResponses(400, 403) },
    },
    bodyLimit: 30 * 1024 * 1024,
  }, async (req) => service.importStandard(contextOf(platform, req), req.body));

  app.get('/export/standard/:file', {
    config,
    schema: {
      tags, summary: 'The draft as「ゴミの分別方法一覧」(items.csv) or「ゴミ集積場所一覧」(points.csv)',
      params: Type.Object({ file: Type.Union([Type.Literal('items.csv'), Type.Literal('points.csv')]) }),
      querystring: Type.Object({ encoding: Type.Optional(Type.Union([Type.Literal('utf8'), Type.Literal('cp932')])) }),
      response: { ...errorResponses(400, 403) },
    },
  }, async (req, reply) => {
    const kind = req.params.file === 'items.csv' ? 'items' : 'points';
    const csv = await service.exportStandard(contextOf(platform, req), kind);
    return sendCsv(reply, csv, { filename: kind === 'items' ? 'ゴミの分別方法一覧.csv' : 'ゴミ集積場所一覧.csv', encoding: req.query.encoding === 'cp932' ? 'cp932' : 'utf8-bom' });
  });
};
