import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../../config.ts';
import { AppError } from './errors.ts';

/** The CSP: scripts and styles only from this origin (no inline script), map tiles from 地理院タイル. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://cyberjapandata.gsi.go.jp",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

/** Headers every response carries, as helmet would set them, plus HSTS in production. */
export function securityHeaders(config: Pick<Config, 'env'>): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(self), microphone=(self), geolocation=(self), payment=()',
    ...(config.env === 'production' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Headers of JSON API responses: nothing may render or frame them, and they are not sniffed. */
export function apiSecurityHeaders(config: Pick<Config, 'env'>): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(config.env === 'production' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Security headers (a CSP without inline script) and rate limits, shared through Redis when REDIS_URL is set. */
export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const pageHeaders = securityHeaders(config);
  const apiHeaders = apiSecurityHeaders(config);
  // Precomputed objects: helmet re-derived the CSP on every request, a measurable share of a cached read.
  // JSON answers are never rendered as documents, so they carry the short set (fewer bytes per reply).
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.url.startsWith('/api/') && !req.url.startsWith('/api/docs') ? apiHeaders : pageHeaders);
    done();
  });
  let redis: unknown;
  if (config.redisUrl) {
    const { createClient } = await import('./redis-client.ts');
    redis = await createClient(config.redisUrl);
  }
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    // The x-ratelimit-* headers go out only with a 429 (and its retry-after), not on every answer.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    timeWindow: '1 minute',
    ...(redis ? { redis } : {}),
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics',
    errorResponseBuilder: (_req, ctx) => {
      const err = new AppError(429, 'rate_limited', 'error.rate_limited', { minutes: Math.max(1, Math.ceil(ctx.ttl / 60_000)) });
      (err as unknown as { statusCode: number }).statusCode = 429;
      return err;
    },
  });
}
