import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform.ts';
import { clearSessionCookies, hashToken, revokeSession, SESSION_COOKIE, setSessionCookies } from '../sessions.ts';
import { contextOf, dropPreviousSession } from './context.ts';
import { loginWithPassword } from './login.ts';
import { CitizenProfile } from './presenter.ts';
import * as service from './service.ts';
import { errorResponses, tags } from '../../http/schemas.ts';

const Lang = Type.Union(service.CITIZEN_LANGS.map((l) => Type.Literal(l)));
const Email = Type.String({ minLength: 3, maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Token = Type.String({ minLength: 1, maxLength: 200 });
const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
const Accepted = { 202: Type.Object({ status: Type.Literal('accepted') }, { description: 'Accepted; the same answer whether or not the address is known' }) };
const TAGS = tags('auth (citizen)');
const Invalid = errorResponses(400);

/** Citizen accounts under /api/citizen: registration, email verification, password sign-in, profile, reset. */
export const citizenRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  app.post('/register', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Register a citizen account (住民アカウント登録); a verification link is mailed',
      body: Type.Object({ email: Email, password: Password, displayName: DisplayName, lang: Type.Optional(Lang) }, { additionalProperties: false }),
      response: { ...Accepted, ...Invalid },
    },
  }, async (req, reply) => {
    const body = req.body as { email: string; password: string; displayName: string; lang?: string };
    await service.registerCitizen(platform, contextOf(req), body);
    return reply.status(202).send({ status: 'accepted' });
  });

  app.post('/verify', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Confirm an email address (メールアドレス確認) with the mailed token',
      body: Type.Object({ token: Token }),
      response: { 200: Type.Object({ verified: Type.Literal(true) }), ...Invalid },
    },
  }, async (req) => {
    await service.verifyEmail(platform, contextOf(req), (req.body as { token: string }).token);
    return { verified: true };
  });

  app.post('/login', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Citizen sign-in (ログイン) with email and password',
      body: Type.Object({ email: Email, password: Password }),
      response: {
        200: Type.Object({ citizen: CitizenProfile, csrfToken: Type.String({ description: 'Send back in the `x-csrf-token` header on every unsafe request' }) }),
        ...errorResponses(400, 401, 403, 423),
      },
    },
  }, async (req, reply) => {
    const outcome = await loginWithPassword(platform, contextOf(req), req.body as { email: string; password: string });
    if (!outcome.ok) throw outcome.error; // thrown after the failure's audit entry committed
    await dropPreviousSession(platform, req);
    setSessionCookies(reply, outcome.session, platform.config);
    return { citizen: outcome.profile, csrfToken: outcome.session.csrfToken };
  });

  app.post('/logout', {
    config: { permission: 'citizen' },
    schema: { tags: TAGS, summary: 'Sign out of this session (ログアウト)', response: { 200: Type.Object({ signedOut: Type.Literal(true) }) } },
  }, async (req, reply) => {
    const token = req.cookies?.[SESSION_COOKIE];
    const sessionHash = req.actor.sessionId ?? (token ? hashToken(token) : null);
    const tenantId = contextOf(req).tenant.id;
    await platform.inTenant(tenantId, async (tx) => {
      if (sessionHash) await revokeSession(tx, sessionHash);
      await platform.audit.record(tx, {
        tenantId, actor: { kind: 'citizen', id: req.actor.id }, action: 'auth.citizen.logout', targetType: 'citizen', targetId: req.actor.id ?? undefined, ip: req.ip,
      });
    });
    clearSessionCookies(reply, platform.config);
    return { signedOut: true };
  });

  app.get('/me', {
    config: { permission: 'citizen' },
    schema: { tags: TAGS, summary: 'The signed-in citizen\'s profile (プロフィール)', response: { 200: CitizenProfile } },
  }, async (req) => service.getOwnProfile(platform, contextOf(req), req.actor.id!));

  app.patch('/me', {
    config: { permission: 'citizen' },
    schema: {
      tags: TAGS, summary: 'Change display name or preferred language (プロフィール変更)',
      body: Type.Object({ displayName: Type.Optional(DisplayName), preferredLang: Type.Optional(Lang) }, { additionalProperties: false }),
      response: { 200: CitizenProfile, ...Invalid },
    },
  }, async (req) => service.updateOwnProfile(platform, contextOf(req), req.actor.id!, req.body as { displayName?: string; preferredLang?: string }));

  app.post('/password-reset/request', {
    config: { permission: 'public' },
    schema: { tags: TAGS, summary: 'Mail a password-reset (パスワード再設定) link', body: Type.Object({ email: Email }), response: { ...Accepted, ...Invalid } },
  }, async (req, reply) => {
    await service.requestPasswordReset(platform, contextOf(req), (req.body as { email: string }).email);
    return reply.status(202).send({ status: 'accepted' });
  });

  app.post('/password-reset/confirm', {
    config: { permission: 'public' },
    schema: {
      tags: TAGS, summary: 'Set a new password (パスワード再設定) with the mailed token',
      body: Type.Object({ token: Token, password: Password }),
      response: { 200: Type.Object({ reset: Type.Literal(true) }), ...Invalid },
    },
  }, async (req) => {
    const body = req.body as { token: string; password: string };
    await service.confirmPasswordReset(platform, contextOf(req), body.token, body.password);
    return { reset: true };
  });
};
