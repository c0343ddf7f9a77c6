import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Tx } from '../db/connection.ts';
import type { Database } from '../db/connection.ts';
import { txRows, withSystem } from '../db/tenant-tx.ts';

/** Cookie holding the session token (httpOnly). */
export const SESSION_COOKIE = 'yakuba_session';
/** Cookie holding the CSRF token (readable by the web app, which echoes it in `x-csrf-token`). */
export const CSRF_COOKIE = 'yakuba_csrf';

/** How long sessions live: sliding idle timeout per subject kind and an absolute lifetime. */
export const sessionPolicy = {
  idleMs: {
    staff: Number(process.env.SESSION_IDLE_MINUTES_STAFF ?? 30) * 60_000,
    citizen: Number(process.env.SESSION_IDLE_MINUTES_CITIZEN ?? 120) * 60_000,
  },
  absoluteMs: Number(process.env.SESSION_MAX_HOURS ?? 12) * 3_600_000,
};

// The HMAC key for CSRF tokens. createSession's signature carries no config, so installAuth hands the
// installation's secret over once at boot; every token of this process is made and checked with it.
let signingKey: string | null = null;

/** Sets the key CSRF tokens are signed with (called by installAuth with config.secretKey). */
export function setSessionSigningKey(key: string): void {
  signingKey = key;
}

function key(): string {
  if (!signingKey) throw new Error('session signing key not set: installAuth() must run first');
  return signingKey;
}

const b64url = (buf: Buffer) => buf.toString('base64url');

/** SHA-256 (hex) of a token: what the database keeps instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token of a session: an HMAC bound to the session's id hash and its own random secret. */
export function sessionCsrfToken(sessionHash: string, csrfSecret: string): string {
  return `s.${b64url(createHmac('sha256', key()).update(`csrf:session:${sessionHash}:${csrfSecret}`).digest())}`;
}

/** A fresh CSRF token for someone not signed in: a random value with its HMAC, so it cannot be forged. */
export function preSessionCsrfToken(): string {
  const nonce = b64url(randomBytes(18));
  return `p.${nonce}.${b64url(createHmac('sha256', key()).update(`csrf:pre:${nonce}`).digest())}`;
}

/** Whether a pre-session CSRF token carries a valid HMAC. */
export function isValidPreSessionToken(token: string): boolean {
  const m = /^p\.([\w-]{24})\.([\w-]{43})$/.exec(token);
  if (!m) return false;
  return safeEqual(m[2], b64url(createHmac('sha256', key()).update(`csrf:pre:${m[1]}`).digest()));
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates a server-side session in the caller's tenant transaction; only the token's hash is stored. */
export async function createSession(
  tx: Tx,
  input: { tenantId: string; subjectKind: 'staff' | 'citizen'; subjectId: string; ip?: string | null; userAgent?: string | null; mfaPending?: boolean },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = b64url(randomBytes(32));
  const id = hashToken(token);
  const csrfSecret = b64url(randomBytes(16));
  const expiresAt = new Date(Date.now() + sessionPolicy.absoluteMs);
  await txRows(tx, sql`insert into sessions (id, tenant_id, subject_kind, subject_id, csrf_secret, expires_at, ip, user_agent, mfa_pending)
    values (${id}, ${input.tenantId}, ${input.subjectKind}, ${input.subjectId}, ${csrfSecret}, ${expiresAt.toISOString()}::timestamptz,
            ${input.ip ?? null}, ${(input.userAgent ?? '').slice(0, 400) || null}, ${input.mfaPending ?? false})`);
  return { token, csrfToken: sessionCsrfToken(id, csrfSecret), expiresAt };
}

/**
 * The path auth cookies are scoped to: `/t/{slug}` when the tenant came from the URL prefix, so the
 * sessions of two tenants on one host (local use, a shared test server) live side by side; `/` on a
 * host mapped to one tenant.
 */
export function cookiePath(req: { tenantSlug: string | null }): string {
  return req.tenantSlug ? `/t/${encodeURIComponent(req.tenantSlug)}` : '/';
}

/** Sets the session cookie (httpOnly, SameSite=Lax) and the CSRF cookie (readable, SameSite=Strict). */
export function setSessionCookies(reply: FastifyReply, session: { token: string; csrfToken: string; expiresAt: Date }, config: Config): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true, secure: config.cookieSecure, sameSite: 'lax', path: cookiePath(reply.request), expires: session.expiresAt,
  });
  setCsrfCookie(reply, session.csrfToken, config);
}

/** Sets the CSRF cookie alone (before sign-in, or when it is missing). */
export function setCsrfCookie(reply: FastifyReply, csrfToken: string, config: Config): void {
  reply.setCookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure: config.cookieSecure, sameSite: 'strict', path: cookiePath(reply.request) });
}

/** Removes both cookies (sign-out, expired session). */
export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  const path = cookiePath(reply.request);
  reply.clearCookie(SESSION_COOKIE, { path, httpOnly: true, secure: config.cookieSecure, sameSite: 'lax' });
  reply.clearCookie(CSRF_COOKIE, { path, secure: config.cookieSecure, sameSite: 'strict' });
}

/** Deletes one session by the hash of its token. */
export async function revokeSession(tx: Tx, tokenHash: string): Promise<void> {
  await txRows(tx, sql`delete from sessions where id = ${tokenHash}`);
}

/** Deletes every session of a staff member or citizen in the transaction's tenant; returns how many. */
export async function revokeAllSessions(tx: Tx, subjectKind: 'staff' | 'citizen', subjectId: string): Promise<number> {
  const rows = await txRows<{ id: string }>(tx, sql`delete from sessions where subject_kind = ${subjectKind} and subject_id = ${subjectId} returning id`);
  return rows.length;
}

/** A session row as the auth hook reads it. */
export interface SessionRow {
  id: string;
  subject_kind: 'staff' | 'citizen';
  subject_id: string;
  csrf_secret: string;
  last_seen_at: Date;
  expires_at: Date;
  mfa_pending: boolean;
}

/** Finds a session by token hash in the transaction's tenant (RLS keeps other tenants' sessions out). */
export async function findSession(tx: Tx, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await txRows<SessionRow>(tx, sql`select id, subject_kind, subject_id, csrf_secret, last_seen_at, expires_at, mfa_pending from sessions where id = ${tokenHash}`);
  return row ? { ...row, last_seen_at: new Date(row.last_seen_at), expires_at: new Date(row.expires_at) } : null;
}

/** Whether a session is past its idle timeout or absolute lifetime at `now`. */
export function isExpired(s: SessionRow, now = Date.now()): boolean {
  return s.expires_at.getTime() <= now || s.last_seen_at.getTime() + sessionPolicy.idleMs[s.subject_kind] <= now;
}

/** Slides the idle timeout; writes at most once a minute per session to spare the database. */
export async function touchSession(tx: Tx, s: SessionRow, now = Date.now()): Promise<void> {
  if (now - s.last_seen_at.getTime() < 60_000) return;
  await txRows(tx, sql`update sessions set last_seen_at = now() where id = ${s.id}`);
}

/** Deletes sessions past their absolute lifetime or idle for longer than any idle timeout (a periodic job). */
export async function purgeExpiredSessions(db: Database): Promise<number> {
  const idleMs = Math.max(sessionPolicy.idleMs.staff, sessionPolicy.idleMs.citizen);
  return withSystem(db, async (tx) => (await txRows(tx, sql`delete from sessions
    where expires_at <= now() or last_seen_at <= now() - make_interval(secs => ${idleMs / 1000}::float8) returning id`)).length);
}
