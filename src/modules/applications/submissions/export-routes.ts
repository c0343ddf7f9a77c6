/**
 * Staff routes for taking submissions out: a procedure's submissions as CSV (UTF-8 with BOM or
 * CP932, for Excel and core systems) and JSON (for import), streamed page by page, and the printable
 * PDF of one submission. Registered by admin-routes.ts under /api/admin/applications.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import { errorResponses } from '../../../core/http/schemas.ts';
import { contentDisposition, csvContentType, encodeCsv, toCsv } from '../../../core/ja/csv.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import { openExport, submissionPdf, type OpenExport } from './export-service.ts';
import { contextOf } from './context.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CsvQuery = Type.Object({
  encoding: Type.Optional(Type.Union([Type.Literal('utf8'), Type.Literal('cp932')], { description: '`utf8` (default, with BOM) or `cp932` (Windows-31J; characters it lacks become 〓)' })),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'Only submissions made on this form version (default: every version)' })),
});
const JsonQuery = Type.Object({ version: CsvQuery.properties.version });
const ExportJson = Type.Object({
  procedure: Type.Object({ id: Type.String(), title: Type.String() }),
  exportedAt: Type.String({ format: 'date-time' }),
  fields: Type.Array(Type.Object({ path: Type.String({ description: '`applicant`, or `children[].name` inside a repeating group' }), label: Type.String(), type: Type.String() })),
  submissions: Type.Array(Type.Object({
    receiptNumber: Type.String(), submittedAt: Type.String({ format: 'date-time' }), status: Type.String(), channel: Type.String(),
    version: Type.Integer(), answers: Type.Record(Type.String(), Type.Unknown(), { description: 'As stored: the form engine\'s answer shape' }),
    computed: Type.Record(Type.String(), Type.Unknown()),
  })),
}, { description: 'Every submission in the order received' });

/** A file name safe on every OS, keeping Japanese. */
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 80);
const exportName = (e: OpenExport, ext: string) => `${fileSafe(e.procedure.title)}_申請一覧_${toJstDateString(new Date()).replaceAll('-', '')}.${ext}`;

async function* csvBytes(e: OpenExport, encoding: 'utf8-bom' | 'cp932'): AsyncGenerator<Buffer> {
  const encode = (text: string, first: boolean) => (encoding === 'cp932' || first ? encodeCsv(text, encoding).body : Buffer.from(text, 'utf8'));
  yield encode(toCsv([e.columns.map((c) => c.header)]), true);
  for await (const rows of e.pages()) yield encode(toCsv(rows.map((s) => e.columns.map((c) => c.cell(s)))), false);
}

async function* jsonText(e: OpenExport): AsyncGenerator<string> {
  yield `{"procedure":${JSON.stringify(e.procedure)},"exportedAt":${JSON.stringify(new Date().toISOString())},"fields":${JSON.stringify(e.fields)},"submissions":[`;
  let first = true;
  for await (const rows of e.pages()) {
    const text = rows.map((s) => JSON.stringify({
      receiptNumber: `${s.receiptNumber.slice(0, 4)}-${s.receiptNumber.slice(4)}`, submittedAt: s.submittedAt.toISOString(),
      status: s.status, channel: s.channel, version: s.version, answers: s.answers, computed: s.computed,
    })).join(',');
    yield (first ? '' : ',') + text;
    first = false;
  }
  yield ']}';
}

/** CSV, JSON and PDF exports (staff who may process the procedure; every export is audited). */
export const exportRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions> = async (app, { platform }) => {
  // Any staff member reaches these; the service admits those with applications.process(_all), and only for
  // procedures of their departments (others answer 404), as the inbox does.
  const config = { permission: 'staff' };
  const tags = ['applications (admin)'];

  app.get('/procedures/:id/submissions.csv', {
    config,
    schema: {
      tags, summary: 'A procedure\'s submissions as CSV (申請一覧CSV): one column per field, groups flattened', params: IdParams, querystring: CsvQuery,
      response: {
        200: { description: 'CSV download (streamed)', content: { 'text/csv': { schema: Type.String({ description: '受付番号, 受付日時 (JST), 状態, 受付方法, 様式版, then each field' }) } } },
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (req, reply) => {
    const encoding = req.query.encoding === 'cp932' ? 'cp932' : 'utf8-bom';
    const e = await openExport(contextOf(platform, req), req.params.id, { format: 'csv', version: req.query.version });
    reply.header('content-type', csvContentType(encoding));
    reply.header('content-disposition', contentDisposition(exportName(e, 'csv')));
    reply.header('cache-control', 'no-store');
    reply.header('x-export-count', String(e.count));
    return reply.send(Readable.from(csvBytes(e, encoding)) as never); // streamed: not serialised against the schema
  });

  app.get('/procedures/:id/submissions.json', {
    config,
    schema: {
      tags, summary: 'A procedure\'s submissions as JSON for import into core systems (基幹系連携)', params: IdParams, querystring: JsonQuery,
      response: { 200: { description: 'JSON download (streamed)', content: { 'application/json': { schema: ExportJson } } }, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const e = await openExport(contextOf(platform, req), req.params.id, { format: 'json', version: req.query.version });
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.header('content-disposition', contentDisposition(exportName(e, 'json')));
    reply.header('cache-control', 'no-store');
    reply.header('x-export-count', String(e.count));
    return reply.send(Readable.from(jsonText(e)) as never);
  });

  app.get('/submissions/:id/pdf', {
    config,
    schema: {
      tags, summary: 'One submission as a printable A4 PDF (申請内容の印刷)', params: IdParams,
      response: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } },
        ...errorResponses(401, 403, 404),
      },
    },
  }, async (req, reply) => {
    const { pdf, receiptNumber } = await submissionPdf(contextOf(platform, req), req.params.id);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', contentDisposition(`申請_${receiptNumber}.pdf`).replace(/^attachment/, 'inline'));
    reply.header('cache-control', 'no-store');
    return reply.send(pdf as never);
  });
};
