import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { cookiePath, setSessionCookies } from '../sessions.ts';
import { contextOf, dropPreviousSession, type CitizenRequestContext } from '../citizen/context.ts';
import { readOidcSettings } from './settings.ts';
import { auditOidcFailure, finishOidcLogin, startOidcLogin, OidcFailure } from './service.ts';
import { errorResponses, LocalText, NoContent, Nullable, tags } from '../../http/schemas.ts';

const TAGS = tags('oidc');

/** Cookie binding a sign-in in flight to the browser that started it (login CSRF). */
export const OIDC_STATE_COOKIE = 'yakuba_oidc_state';

/** Where a failed sign-in lands: the tenant's login page, told only that OIDC failed. */
export const loginErrorPath = (slug: string) => `/t/${encodeURIComponent(slug)}/account/login?error=oidc`;

/** Public OIDC sign-in under /api/citizen/oidc: whether it is offered, start, and the provider's callback. */
export const oidcRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  const cookieOptions = { httpOnly: true, secure: platform.config.cookieSecure, sameSite: 'lax' as const, path: '/' };

  const fail = async (reply: FastifyReply, ctx: CitizenRequestContext, err: unknown) => {
    const error = err instanceof Error ? err : new Error(String(err));
    if (!(error instanceof OidcFailure)) reply.log.error({ err: error }, 'oidc sign-in failed unexpectedly');
    else reply.log.info({ reason: error.reason, detail: error.detail }, 'oidc sign-in failed');
    await auditOidcFailure(platform, ctx, error).catch((e) => reply.log.error({ err: e }, 'could not audit the oidc failure'));
    // The state cookie stays: a forged callback must not spoil the sign-in this browser really has in flight.
    return reply.redirect(loginErrorPath(ctx.tenant.slug), 302);
  };

  app.get('/', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Whether sign-in with the municipality\'s identity provider (外部ID連携) is offered, and its label',
      response: {
        200: Type.Object({
          enabled: Type.Boolean(),
          label: Nullable(Type.Object({ ja: LocalText.properties.ja, en: LocalText.properties.en }, { description: 'Text of the sign-in button, e.g. the provider\'s name' })),
        }),
      },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const settings = await platform.inTenant(ctx.tenant.id, (tx) => readOidcSettings(tx, ctx.tenant.id));
    return { enabled: Boolean(settings), label: settings?.label ?? null };
  });

  app.get('/start', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Start sign-in at the identity provider (外部ID連携): redirects there',
      querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 1000, description: 'Path inside this tenant to land on after sign-in' })) }),
      response: { 302: NoContent('To the identity provider, or to the login page with `?error=oidc` when it cannot be reached'), ...errorResponses(400, 404) },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    let started: { url: string; state: string };
    try {
      started = await startOidcLogin(platform, ctx, (req.query as { returnTo?: string }).returnTo);
    } catch (err) {
      if (err instanceof OidcFailure) return fail(reply, ctx, err);
      throw err; // not configured, bad returnTo: a 4xx in the error shape
    }
    reply.setCookie(OIDC_STATE_COOKIE, started.state, { ...cookieOptions, path: cookiePath(req), maxAge: 600 });
    return reply.redirect(started.url, 302);
  });

  app.get('/callback', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'The identity provider returns here (コールバック); signs in and redirects',
      response: { 302: NoContent('To returnTo when signed in, or to the login page with `?error=oidc`') },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    try {
      const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      const done = await finishOidcLogin(platform, ctx, {
        query: (req.query ?? {}) as Record<string, unknown>, rawQuery, cookieState: req.cookies?.[OIDC_STATE_COOKIE],
      });
      reply.clearCookie(OIDC_STATE_COOKIE, { ...cookieOptions, path: cookiePath(req) });
      await dropPreviousSession(platform, req);
      setSessionCookies(reply, done.session, platform.config);
      return reply.redirect(done.returnTo, 302);
    } catch (err) {
      return fail(reply, ctx, err);
    }
  });
};
