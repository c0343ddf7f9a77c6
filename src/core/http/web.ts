import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Platform } from '../platform.ts';
import { errorBody } from './error-handler.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built web app: hashed assets with long caching, and index.html for every other page path
 * so the client router takes over. API paths that match no route get the JSON error shape.
 */
export async function installWeb(app: FastifyInstance, _platform: Platform): Promise<void> {
  const hasWeb = existsSync(`${WEB_DIST}/index.html`);
  const indexHtml = hasWeb ? readFileSync(`${WEB_DIST}/index.html`) : null;
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && !/\.\w{2,5}(\?|$)/.test(req.url);
    if (isPage && indexHtml) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    return reply.status(404).send(errorBody(req.lang ?? 'ja', 'not_found', 'error.route_not_found', { method: req.method, url: req.url.split('?')[0] }));
  });
}
