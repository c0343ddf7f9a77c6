import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../../config.ts';
import { AppError } from './errors.ts';

/** Security headers (a CSP without inline script) and rate limits, shared through Redis when REDIS_URL is set. */
export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https://cyberjapandata.gsi.go.jp'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.env === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  let redis: unknown;
  if (config.redisUrl) {
    const { createClient } = await import('./redis-client.ts');
    redis = await createClient(config.redisUrl);
  }
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    ...(redis ? { redis } : {}),
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics',
    errorResponseBuilder: (_req, ctx) => {
      const err = new AppError(429, 'rate_limited', 'error.rate_limited', { after: ctx.after });
      (err as unknown as { statusCode: number }).statusCode = 429;
      return err;
    },
  });
}
