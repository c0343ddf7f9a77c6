import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../../core/http/schemas.ts';
import { AppError } from '../../../core/http/errors.ts';
import { normalizePostalCode, postalSource } from './source.ts';

const Address = Type.Object({ prefecture: Type.String(), city: Type.String(), town: Type.String() });

/** GET /postal/:code — the addresses of a postal code, for the address fill of a form's postalCode field. */
export const postalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/postal/:code', {
    config: { permission: 'public' },
    schema: {
      tags: ['applications'],
      summary: 'Addresses of a postal code (郵便番号→住所); an empty list when unknown',
      params: Type.Object({ code: Type.String({ maxLength: 20, description: '7 digits, with or without a hyphen' }) }),
      response: { 200: Type.Object({ items: Type.Array(Address) }), ...errorResponses(400) },
    },
  }, async (req, reply) => {
    const code = normalizePostalCode(req.params.code);
    if (!code) throw new AppError(400, 'invalid', 'applications.error.postal_code', {}, 'code');
    reply.header('cache-control', 'public, max-age=86400');
    return { items: await postalSource().lookup(code) };
  });
};
