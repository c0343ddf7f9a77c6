import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Platform } from '../platform.ts';
import { AppError } from '../http/errors.ts';
import { anonymousActor } from './access.ts';
import {
  CSRF_COOKIE, SESSION_COOKIE, clearSessionCookies, findSession, hashToken, isExpired, isValidPreSessionToken,
  revokeSession, safeEqual, sessionCsrfToken, setSessionSigningKey, touchSession,
} from './sessions.ts';
import { loadStaffActor } from './staff-repo.ts';
import { resolveApiToken } from './api-tokens.ts';
import { sql } from 'drizzle-orm';
import { txRows } from '../db/tenant-tx.ts';

/** What the auth hook learnt about the request's session, beyond the actor. */
export interface AuthState {
  sessionHash: string;
  csrfToken: string;
  /** Only for staff: what /auth/me shows. */
  staff?: { email: string; isTenantAdmin: boolean; totpEnabled: boolean };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The valid session of this request, or null. */
    auth: AuthState | null;
  }
  interface FastifyContextConfig {
    /** true for routes an administrator may call before enrolling TOTP (me, logout, TOTP setup). */
    mfaExempt?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a staff actor is an administrator who must still enrol TOTP. */
export function mfaRequired(auth: AuthState | null): boolean {
  return Boolean(auth?.staff && auth.staff.isTenantAdmin && !auth.staff.totpEnabled);
}

type Resolved = { actor: Actor; auth: AuthState } | 'expired' | null;

async function resolve(platform: Platform, tenantId: string, token: string): Promise<Resolved> {
  const hash = hashToken(token);
  return platform.inTenant(tenantId, async (tx) => {
    const s = await findSession(tx, hash);
    if (!s) return null;
    if (isExpired(s)) {
      await revokeSession(tx, hash);
      return 'expired';
    }
    const auth: AuthState = { sessionHash: hash, csrfToken: sessionCsrfToken(hash, s.csrf_secret) };
    const base = { id: s.subject_id, tenantId, sessionId: hash };
    if (s.subject_kind === 'citizen') {
      const [citizen] = await txRows<{ disabled: boolean }>(tx, sql`select disabled from citizens where id = ${s.subject_id}`);
      if (!citizen || citizen.disabled) {
        await revokeSession(tx, hash);
        return null;
      }
      await touchSession(tx, s);
      return { auth, actor: { ...base, kind: 'citizen', permissions: new Set<string>(), departmentIds: [] } };
    }
    const u = await loadStaffActor(tx, s.subject_id);
    if (!u || u.disabled) {
      await revokeSession(tx, hash);
      return null;
    }
    await touchSession(tx, s);
    auth.staff = { email: u.email, isTenantAdmin: u.is_tenant_admin, totpEnabled: u.totp_enabled };
    const permissions = new Set<string>(u.is_tenant_admin ? ['*', ...u.permissions] : u.permissions);
    return { auth, actor: { ...base, kind: 'staff', displayName: u.display_name, permissions, departmentIds: u.department_ids } };
  });
}

/** Whether the request carries the double-submitted CSRF token that fits its session (or pre-session). */
export function csrfValid(req: FastifyRequest): boolean {
  const header = req.headers['x-csrf-token'];
  const cookie = req.cookies?.[CSRF_COOKIE];
  if (typeof header !== 'string' || !cookie || !safeEqual(header, cookie)) return false;
  if (req.auth) return safeEqual(header, req.auth.csrfToken);
  return isValidPreSessionToken(header);
}

/**
 * Sessions and CSRF: resolves the session cookie into `req.actor` (only in the tenant the session was
 * made in), answers 401 `session_expired` on protected routes, checks the CSRF token on every
 * state-changing request, and holds administrators without TOTP to the enrolment routes.
 */
export async function installAuth(app: FastifyInstance, platform: Platform): Promise<void> {
  setSessionSigningKey(platform.config.secretKey);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = anonymousActor(req.tenant?.id ?? null);
    req.auth = null;
    const config = req.routeOptions.config;
    if (!config?.permission || !req.url.startsWith('/api/')) return;
    const isPublic = config.permission === 'public';
    const token = req.cookies?.[SESSION_COOKIE];
    // Machine clients (CKAN's `Authorization: <token>`, older ones `X-CKAN-API-Key`) carry no cookie, so
    // there is no CSRF to check; a token that resolves to nobody is refused rather than read as anonymous.
    const apiKey = req.headers['x-ckan-api-key'];
    const authorization = req.headers.authorization ?? (typeof apiKey === 'string' ? apiKey : undefined);
    if (!token && config.apiToken && authorization && req.tenant) {
      const actor = await resolveApiToken(platform, req.tenant.id, authorization);
      if (!actor) throw new AppError(403, 'forbidden', 'error.forbidden');
      req.actor = actor;
      return;
    }
    // The common anonymous read has nothing to look up or verify.
    if (!token && !UNSAFE.has(req.method)) return;
    if (token && req.tenant) {
      const resolved = await resolve(platform, req.tenant.id, token);
      if (resolved === 'expired') {
        clearSessionCookies(reply, platform.config);
        if (!isPublic) throw new AppError(401, 'session_expired', 'error.session_expired');
      } else if (resolved) {
        req.actor = resolved.actor;
        req.auth = resolved.auth;
      }
    }
    if (UNSAFE.has(req.method) && config.csrf !== false && !csrfValid(req)) {
      throw new AppError(403, 'csrf', 'error.csrf');
    }
    if (!isPublic && !config.mfaExempt && mfaRequired(req.auth)) {
      throw new AppError(403, 'totp_enrolment_required', 'error.totp_enrolment_required');
    }
  });
}
