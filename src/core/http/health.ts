import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { errorBody } from './error-handler.ts';
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import type { Platform } from '../platform.ts';
import { publicCache } from './public-cache.ts';

const healthBody = Buffer.from('{"status":"ok"}');
const livenessHeaders = { 'content-type': 'application/json', 'content-length': String(healthBody.length), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * Answers GET /healthz at the HTTP server, before Fastify: liveness means "this process answers",
 * and load balancers probe it often enough that it should cost nothing. The Fastify route below
 * answers the same for app.inject and HEAD.
 */
export function tryServeLiveness(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || req.url !== '/healthz') return false;
  res.writeHead(200, livenessHeaders);
  res.end(healthBody);
  return true;
}

/** Liveness, readiness and Prometheus metrics (request counts and durations by route). */
export function installHealth(app: FastifyInstance, platform: Platform): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'yakuba_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'yakuba_fast_path_hits_total',
    help: 'Public reads answered from finished responses before routing (not in the request histogram)',
    registers: [registry],
    collect() { this.set(publicCache.fastPath.hits); },
  });
  app.addHook('onResponse', (req, reply, done) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.get('/healthz', { config: { permission: 'public', tenant: false }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/json').send(healthBody));

  app.get('/readyz', { config: { permission: 'public', tenant: false }, schema: { hide: true } }, async (req, reply) => {
    try {
      await platform.db.rows(sql`select 1`);
      return reply.type('application/json').send({ status: 'ready', database: platform.db.kind });
    } catch (err) {
      req.log.warn({ err }, 'database not ready');
      return reply.status(503).send({ error: { code: 'not_ready', message: 'database unavailable' } });
    }
  });

  const expected = platform.config.metricsToken ? Buffer.from(`Bearer ${platform.config.metricsToken}`) : null;
  app.get('/metrics', { config: { permission: 'public', tenant: false }, schema: { hide: true } }, async (req, reply) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.status(401).header('www-authenticate', 'Bearer').send(errorBody(req.lang, 'unauthenticated', 'error.unauthenticated'));
      }
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
