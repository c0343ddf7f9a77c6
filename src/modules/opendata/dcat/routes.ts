import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleRouteOptions } from '../../../core/modules/manifest.ts';
import type { Tenant } from '../../../core/platform.ts';
import { invalid, notFound } from '../../../core/http/errors.ts';
import { tags } from '../../../core/http/schemas.ts';
import { loadPackages } from '../catalog/load.ts';
import { catalogGraph, datasetGraph, type DcatBase, type Paging } from './build.ts';
import type { Graph } from './graph.ts';
import { toJsonLd, toRdfXml, toTurtle } from './serialize.ts';
import { publicDatasetId, publicPage } from './repo.ts';

/** Datasets per catalog page: ckanext-dcat's default (ckanext.dcat.datasets_per_page). */
export const DATASETS_PER_PAGE = 100;

type Format = 'jsonld' | 'ttl' | 'rdf';
const FORMATS: Record<Format, { type: string; write: (g: Graph) => string }> = {
  jsonld: { type: 'application/ld+json; charset=utf-8', write: (g) => JSON.stringify(toJsonLd(g)) },
  ttl: { type: 'text/turtle; charset=utf-8', write: toTurtle },
  rdf: { type: 'application/rdf+xml; charset=utf-8', write: toRdfXml },
};

/** The tenant of a DCAT request: these paths are outside /api, so the core does not insist on one. */
function tenantOrNotFound(req: FastifyRequest): Tenant {
  if (!req.tenant) throw notFound();
  return req.tenant;
}

function send(reply: FastifyReply, format: Format, g: Graph): FastifyReply {
  return reply.type(FORMATS[format].type).header('cache-control', 'public, max-age=60').send(FORMATS[format].write(g));
}

/** `modified_since` as a date; a value that is not an ISO 8601 date or time is the caller's error. */
function sinceOf(v: string | undefined): Date | null {
  if (v === undefined || v === '') return null;
  const d = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw invalid('modified_since', 'an ISO 8601 date or date-time, e.g. 2026-04-01T00:00:00Z');
  return d;
}

/** ckanext-dcat's paging links: this page, first, last, next and previous, keeping modified_since. */
export function pagingOf(catalogUrl: string, page: number, total: number, perPage: number, modifiedSince: string | undefined): Paging {
  const url = (n: number) => `${catalogUrl}?${new URLSearchParams({ ...(modifiedSince ? { modified_since: modifiedSince } : {}), page: String(n) })}`;
  const last = Math.max(1, Math.ceil(total / perPage));
  return {
    current: url(page), first: url(1), last: url(last), next: page < last ? url(page + 1) : null,
    previous: page > 1 ? url(Math.min(page - 1, last)) : null, totalItems: total, itemsPerPage: perPage,
  };
}

/**
 * DCAT-AP catalogs as ckanext-dcat serves them: `/catalog.{jsonld|ttl|rdf}?page=N&modified_since=…`
 * (Hydra-paged, public active datasets only) and `/dataset/{id or name}.{jsonld|ttl|rdf}`, under the
 * tenant's `/t/{slug}` prefix or host. Anyone may read them.
 */
export const dcatRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { platform }) => {
  const config = { permission: 'public' } as const;
  // RDF needs absolute IRIs: without an absolute BASE_URL (tests, a bare dev server) the request's origin stands in.
  const baseOf = (req: FastifyRequest, tenant: Tenant): DcatBase => ({
    baseUrl: /^https?:\/\//.test(platform.config.baseUrl) ? platform.config.baseUrl : `${req.protocol}://${req.host}`, tenant,
  });
  const catalogSchema = {
    tags: tags('open data'),
    summary: 'DCAT-AP catalog (ckanext-dcat compatible), Hydra-paged',
    querystring: Type.Object({
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
      modified_since: Type.Optional(Type.String({ maxLength: 40 })),
    }),
  };
  for (const format of Object.keys(FORMATS) as Format[]) {
    app.get(`/catalog.${format}`, { config, schema: catalogSchema }, async (req, reply) => {
      const tenant = tenantOrNotFound(req);
      const q = req.query as { page?: number; modified_since?: string };
      const page = q.page ?? 1;
      const since = sinceOf(q.modified_since);
      const base = baseOf(req, tenant);
      const { packages, total, modified } = await platform.inTenant(tenant.id, async (tx) => {
        const found = await publicPage(tx, { limit: DATASETS_PER_PAGE, offset: (page - 1) * DATASETS_PER_PAGE, modifiedSince: since });
        const packages = found.ids.length ? await loadPackages(tx, { baseUrl: base.baseUrl, slug: tenant.slug }, { ids: found.ids }) : [];
        return { packages, total: found.total, modified: found.modified };
      });
      const paging = pagingOf(`${base.baseUrl}/t/${tenant.slug}/catalog.${format}`, page, total, DATASETS_PER_PAGE, q.modified_since || undefined);
      return send(reply, format, catalogGraph(base, packages, paging, modified));
    });
  }

  app.get('/dataset/:file', {
    config,
    schema: { tags: tags('open data'), summary: 'One dataset in DCAT-AP: {id or name}.jsonld, .ttl or .rdf', params: Type.Object({ file: Type.String({ maxLength: 120 }) }) },
  }, async (req, reply) => {
    const tenant = tenantOrNotFound(req);
    const m = /^(.+)\.(jsonld|ttl|rdf)$/.exec((req.params as { file: string }).file);
    if (!m) throw notFound();
    const base = baseOf(req, tenant);
    const pkg = await platform.inTenant(tenant.id, async (tx) => {
      const id = await publicDatasetId(tx, m[1]!);
      return id ? (await loadPackages(tx, { baseUrl: base.baseUrl, slug: tenant.slug }, { ids: [id] }))[0] ?? null : null;
    });
    if (!pkg) throw notFound();
    return send(reply, m[2] as Format, datasetGraph(base, pkg));
  });
};
