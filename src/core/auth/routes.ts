import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { tenantOf } from '../http/types.ts';
import { CSRF_COOKIE, clearSessionCookies, isValidPreSessionToken, preSessionCsrfToken, revokeSession, setCsrfCookie, setSessionCookies } from './sessions.ts';
import { mfaRequired } from './plugin.ts';
import { loginStaff } from './login.ts';
import { confirmPasswordReset, confirmTotp, logout, logoutAll, requestPasswordReset, startTotpSetup } from './account.ts';
import { errorResponses, Nullable, Ok, tags } from '../http/schemas.ts';

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
const TAGS = tags('auth (staff)');

/** What presentMe returns. */
const Me = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('citizen')]),
  id: Nullable(Type.String()),
  displayName: Nullable(Type.String()),
  email: Nullable(Type.String({ description: 'Staff only; null for a citizen' })),
  isTenantAdmin: Type.Boolean({ description: 'Holds every permission of the tenant (管理者)' }),
  permissions: Type.Array(Type.String(), { description: 'Permission ids, sorted; `*` for a tenant administrator' }),
  departmentIds: Type.Array(Type.String()),
  mfaRequired: Type.Boolean({ description: 'True for a tenant administrator who has not enrolled two-factor authentication yet; staff routes answer 403 `totp_enrolment_required` until then' }),
  totpEnabled: Type.Boolean(),
});
const CsrfToken = Type.String({ description: 'Send back in the `x-csrf-token` header on every unsafe request' });

/** Staff sign-in, sign-out, TOTP enrolment and password reset, under /api/auth. */
export const authRoutes: FastifyPluginAsyncTypebox<{ platform: Platform }> = async (app, { platform }) => {
  const { config } = platform;

  app.get('/me', {
    config: { permission: 'public', mfaExempt: true },
    schema: {
      tags: TAGS, summary: 'Who is signed in (staff or citizen), and the CSRF token for this browser',
      response: { 200: Type.Object({ actor: Nullable(Me), csrfToken: CsrfToken }) },
    },
  }, async (req, reply) => {
    // The CSRF token fitting this request's state; the cookie is (re)set when it does not match.
    let csrfToken = req.auth?.csrfToken;
    const cookie = req.cookies?.[CSRF_COOKIE];
    if (!csrfToken) csrfToken = cookie && isValidPreSessionToken(cookie) ? cookie : preSessionCsrfToken();
    if (cookie !== csrfToken) setCsrfCookie(reply, csrfToken, config);
    return { actor: presentMe(req), csrfToken };
  });

  app.post('/login', {
    config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `login:${req.ip}:${String((req.body as { email?: string })?.email ?? '').toLowerCase()}` } },
    schema: {
      tags: TAGS, summary: 'Staff sign-in (職員ログイン) with email, password and, once enrolled, a TOTP code',
      body: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 1000 }), totp: Type.Optional(Type.String({ maxLength: 10, description: 'Six-digit code of the authenticator app; required once two-factor authentication is on' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean({ description: 'Always true' }), csrfToken: CsrfToken }), ...errorResponses(400, 401, 423, 429) },
    },
  }, async (req, reply) => {
    const { session } = await loginStaff(platform, tenantOf(req), { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    // Signing in again (perhaps as someone else) ends the session this browser had.
    if (req.auth) await platform.inTenant(tenantOf(req).id, (tx) => revokeSession(tx, req.auth!.sessionHash));
    setSessionCookies(reply, session, config);
    return { ok: true, csrfToken: session.csrfToken };
  });

  app.post('/logout', {
    config: { permission: 'public', mfaExempt: true },
    schema: { tags: TAGS, summary: 'Sign out of this session (ログアウト)', response: { 200: Ok } },
  }, async (req, reply) => {
    await logout(platform, tenantOf(req), req.actor, req.ip);
    clearSessionCookies(reply, config);
    return { ok: true };
  });

  app.post('/logout-all', {
    config: { permission: 'authenticated', mfaExempt: true },
    schema: {
      tags: TAGS, summary: 'Sign out of every session of the account',
      response: { 200: Type.Object({ ok: Type.Boolean({ description: 'Always true' }), sessions: Type.Integer({ description: 'How many sessions were ended' }) }) },
    },
  }, async (req, reply) => {
    const sessions = await logoutAll(platform, tenantOf(req), req.actor, req.ip);
    clearSessionCookies(reply, config);
    return { ok: true, sessions };
  });

  app.post('/totp/setup', {
    config: { permission: 'staff', mfaExempt: true },
    schema: {
      tags: TAGS, summary: 'Start two-factor authentication (二要素認証) enrolment: a new TOTP secret',
      response: {
        200: Type.Object({
          secret: Type.String({ description: 'Base32 TOTP secret, for typing into the app by hand' }),
          otpauthUrl: Type.String({ description: '`otpauth://` URL of the secret' }),
          qrDataUrl: Type.String({ description: 'The otpauth URL as a QR code image (`data:image/png;base64,…`)' }),
        }),
        ...errorResponses(409),
      },
    },
  }, async (req) => startTotpSetup(platform, tenantOf(req), req.actor));

  app.post('/totp/confirm', {
    config: { permission: 'staff', mfaExempt: true },
    schema: {
      tags: TAGS, summary: 'Finish two-factor authentication (二要素認証) enrolment with the app\'s first code',
      body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean({ description: 'Always true' }), totpEnabled: Type.Boolean({ description: 'Always true' }) }), ...errorResponses(400) },
    },
  }, async (req) => {
    await confirmTotp(platform, tenantOf(req), req.actor, req.body.code, req.ip);
    return { ok: true, totpEnabled: true };
  });

  app.post('/password-reset/request', {
    config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: TAGS, summary: 'Mail a password-reset (パスワード再設定) link; answers the same whether or not the account exists',
      body: Type.Object({ email: Email }, { additionalProperties: false }),
      response: { 202: Ok, ...errorResponses(400, 429) },
    },
  }, async (req, reply) => {
    await requestPasswordReset(platform, tenantOf(req), req.body.email, req.lang, req.ip);
    return reply.status(202).send({ ok: true });
  });

  app.post('/password-reset/confirm', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Set a new password (パスワード再設定) with the mailed token; ends every session of the account',
      body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }),
      response: { 200: Ok, ...errorResponses(400) },
    },
  }, async (req) => {
    // Every session of the account is revoked; this browser keeps its CSRF cookie to sign in next.
    await confirmPasswordReset(platform, tenantOf(req), req.body.token, req.body.password, req.ip);
    return { ok: true };
  });
};
