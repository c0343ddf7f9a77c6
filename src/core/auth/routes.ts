import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { tenantOf } from '../http/types.ts';
import { CSRF_COOKIE, clearSessionCookies, isValidPreSessionToken, preSessionCsrfToken, revokeSession, setCsrfCookie, setSessionCookies } from './sessions.ts';
import { mfaRequired } from './plugin.ts';
import { loginStaff } from './login.ts';
import { confirmPasswordReset, confirmTotp, logout, logoutAll, requestPasswordReset, startTotpSetup } from './account.ts';

/** The signed-in person as the web app sees it, or null. */
export function presentMe(req: FastifyRequest) {
  const a = req.actor;
  if (a.kind !== 'staff' && a.kind !== 'citizen') return null;
  const staff = req.auth?.staff;
  return {
    kind: a.kind,
    id: a.id,
    displayName: a.displayName ?? null,
    email: staff?.email ?? null,
    isTenantAdmin: staff?.isTenantAdmin ?? false,
    permissions: [...a.permissions].sort(),
    departmentIds: a.departmentIds,
    mfaRequired: mfaRequired(req.auth),
    totpEnabled: staff?.totpEnabled ?? false,
  };
}

const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });

/** Staff sign-in, sign-out, TOTP enrolment and password reset, under /api/auth. */
export const authRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform }) => {
  const { config } = platform;

  app.get('/me', { config: { permission: 'public', mfaExempt: true } }, async (req, reply) => {
    // The CSRF token fitting this request's state; the cookie is (re)set when it does not match.
    let csrfToken = req.auth?.csrfToken;
    const cookie = req.cookies?.[CSRF_COOKIE];
    if (!csrfToken) csrfToken = cookie && isValidPreSessionToken(cookie) ? cookie : preSessionCsrfToken();
    if (cookie !== csrfToken) setCsrfCookie(reply, csrfToken, config);
    return { actor: presentMe(req), csrfToken };
  });

  app.post('/login', {
    config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `login:${req.ip}:${String((req.body as { email?: string })?.email ?? '').toLowerCase()}` } },
    schema: { body: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 1000 }), totp: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const { session } = await loginStaff(platform, tenantOf(req), { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    // Signing in again (perhaps as someone else) ends the session this browser had.
    if (req.auth) await platform.inTenant(tenantOf(req).id, (tx) => revokeSession(tx, req.auth!.sessionHash));
    setSessionCookies(reply, session, config);
    return { ok: true, csrfToken: session.csrfToken };
  });

  app.post('/logout', { config: { permission: 'public', mfaExempt: true } }, async (req, reply) => {
    await logout(platform, tenantOf(req), req.actor, req.ip);
    clearSessionCookies(reply, config);
    return { ok: true };
  });

  app.post('/logout-all', { config: { permission: 'authenticated', mfaExempt: true } }, async (req, reply) => {
    const sessions = await logoutAll(platform, tenantOf(req), req.actor, req.ip);
    clearSessionCookies(reply, config);
    return { ok: true, sessions };
  });

  app.post('/totp/setup', { config: { permission: 'staff', mfaExempt: true } }, async (req) => startTotpSetup(platform, tenantOf(req), req.actor));

  app.post('/totp/confirm', {
    config: { permission: 'staff', mfaExempt: true },
    schema: { body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false }) },
  }, async (req) => {
    await confirmTotp(platform, tenantOf(req), req.actor, req.body.code, req.ip);
    return { ok: true, totpEnabled: true };
  });

  app.post('/password-reset/request', {
    config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { body: Type.Object({ email: Email }, { additionalProperties: false }) },
  }, async (req, reply) => {
    await requestPasswordReset(platform, tenantOf(req), req.body.email, req.lang, req.ip);
    return reply.status(202).send({ ok: true });
  });

  app.post('/password-reset/confirm', {
    config: { permission: 'public' },
    schema: { body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }) },
  }, async (req) => {
    // Every session of the account is revoked; this browser keeps its CSRF cookie to sign in next.
    await confirmPasswordReset(platform, tenantOf(req), req.body.token, req.body.password, req.ip);
    return { ok: true };
  });
};
