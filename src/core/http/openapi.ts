import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { CORE_TAGS } from './schemas.ts';

/** OpenAPI 3.1 generated from the route schemas, at /api/openapi.json, with browsable docs at /api/docs. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Yakuba API',
        version: '0.1.0',
        description: 'Tenant routes are served at /t/{tenant}/api/… (or /api/… on a host mapped to a tenant). Errors: {"error":{"code","message","field"}}.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      tags: [
        ...Object.entries(CORE_TAGS).map(([name, description]) => ({ name, description })),
        { name: 'notices', description: 'お知らせ: published notices (reference module)' },
        { name: 'notices (admin)', description: 'お知らせ: writing and publishing notices' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yakuba_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    hideUntagged: false,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { permission: 'public', tenant: false }, schema: { hide: true } }, async () => app.swagger());
}
