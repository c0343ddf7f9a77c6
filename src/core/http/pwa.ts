import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { errorResponses, tags } from './schemas.ts';
import { notFound } from './errors.ts';

const Manifest = Type.Object({
  id: Type.String(), name: Type.String(), short_name: Type.String(), lang: Type.String(), start_url: Type.String(), scope: Type.String(),
  display: Type.String(), background_color: Type.String(), theme_color: Type.String(),
  icons: Type.Array(Type.Object({ src: Type.String(), sizes: Type.String(), type: Type.String(), purpose: Type.String() })),
}, { description: 'Web App Manifest (application/manifest+json)' });

const Query = Type.Object({
  app: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{0,40}$', description: 'A module with a portal page (e.g. `garbage`): the installed app opens on it' })),
  lang: Type.Optional(Type.String({ description: '`en` names the app in English' })),
});

/**
 * The Web App Manifest of a tenant's portal, or of one module's page (a city's ごみ app on the home
 * screen). With the service worker (web/public/sw.js) it makes the site installable and usable offline.
 */
export const pwaRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  app.get<{ Querystring: { app?: string; lang?: string } }>('/pwa/manifest', {
    config: { permission: 'public' },
    schema: { tags: tags('portal'), summary: 'Web App Manifest (PWA) of the portal or of a module page', querystring: Query, response: { 200: Manifest, ...errorResponses(400, 404) } },
  }, async (req, reply) => {
    const tenant = req.tenant!;
    const en = req.query.lang === 'en';
    const module = req.query.app ? platform.modules.find((m) => m.id === req.query.app && m.portal) : undefined;
    if (req.query.app && !module) throw notFound();
    const city = en ? tenant.nameEn : tenant.nameJa;
    const label = module ? (en ? module.portal!.label.en : module.portal!.label.ja) : '';
    const base = `/t/${tenant.slug}/`;
    const body = {
      id: module ? `${base}${module.portal!.path}` : base,
      name: label ? `${city} ${label}` : city,
      short_name: label || city,
      lang: en ? 'en' : 'ja',
      start_url: module ? `${base}${module.portal!.path}` : base,
      scope: base,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0017c1',
      icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    };
    return reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(JSON.stringify(body));
  });
};
