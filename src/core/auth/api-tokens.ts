import { randomBytes } from 'node:crypto';
import type { Actor, Platform } from '../platform.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { assertCan } from './access.ts';
import { hashToken } from './sessions.ts';
import { loadStaffActor } from './staff-repo.ts';
import { apiTokenIdByHash, findApiToken, insertApiToken, listApiTokensOf, revokeApiTokenRow, useApiToken, type ApiTokenRow } from './api-token-repo.ts';

/**
 * Staff API tokens for machine clients (CKAN's `Authorization: <token>`): random, prefixed `ykb_` so a
 * leaked one is easy to find in logs and repositories, stored only as a SHA-256 and shown once.
 */
export const API_TOKEN_PREFIX = 'ykb_';

/** A token as its owner lists it. */
export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

const iso = (t: Date | string | null) => (t == null ? null : new Date(t).toISOString());

function present(r: ApiTokenRow): ApiTokenView {
  return { id: r.id, name: r.name, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at), expiresAt: iso(r.expires_at) };
}

function staffIdOf(actor: Actor): string {
  assertCan(actor, 'staff');
  if (actor.kind !== 'staff' || !actor.id) throw new AppError(403, 'forbidden', 'error.forbidden');
  return actor.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates a token for the calling staff member; the answer is the only place the token ever appears. */
export async function createApiToken(
  platform: Platform, tenantId: string, actor: Actor, input: { name: string; expiresInDays?: number | null }, ip: string | null = null,
): Promise<ApiTokenView & { token: string }> {
  const staffUserId = staffIdOf(actor);
  const name = String(input.name ?? '').trim();
  if (name.length < 1 || name.length > 100) throw invalid('name', '1–100 characters');
  const days = input.expiresInDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw invalid('expiresInDays', 'a whole number of days, 1–3650');
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return platform.inTenant(tenantId, async (tx) => {
    const row = await insertApiToken(tx, { tenantId, staffUserId, name, tokenHash: hashToken(token), expiresInDays: days });
    await platform.audit.record(tx, { tenantId, actor, action: 'core.api_token.create', targetType: 'api_token', targetId: row.id, details: { name, expiresInDays: days }, ip });
    return { ...present(row), token };
  });
}

/** The caller's own tokens that were not revoked (expired ones included, with their expiry). */
export async function listApiTokens(platform: Platform, tenantId: string, actor: Actor): Promise<ApiTokenView[]> {
  const staffUserId = staffIdOf(actor);
  return platform.inTenant(tenantId, async (tx) => (await listApiTokensOf(tx, staffUserId)).map(present));
}

/** Revokes one of the caller's tokens (a tenant administrator may revoke anyone's); 404 for others. */
export async function revokeApiToken(platform: Platform, tenantId: string, actor: Actor, id: string, ip: string | null = null): Promise<void> {
  const staffUserId = staffIdOf(actor);
  if (!UUID.test(id)) throw notFound();
  await platform.inTenant(tenantId, async (tx) => {
    const row = await findApiToken(tx, id);
    if (!row || row.revoked_at || (row.staff_user_id !== staffUserId && !actor.permissions.has('*'))) throw notFound();
    await revokeApiTokenRow(tx, id);
    await platform.audit.record(tx, { tenantId, actor, action: 'core.api_token.revoke', targetType: 'api_token', targetId: id, details: { name: row.name, owner: row.staff_user_id }, ip });
  });
}

/** The id of a token given by its value (CKAN's api_token_revoke `token`), or null when unknown. */
export async function apiTokenIdOf(platform: Platform, tenantId: string, token: string): Promise<string | null> {
  return platform.inTenant(tenantId, (tx) => apiTokenIdByHash(tx, hashToken(tokenOfHeader(token))));
}

/** The token of an `Authorization` header value: the bare token (CKAN) or `Bearer <token>`. */
export function tokenOfHeader(header: string): string {
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return (m ? m[1]! : header).trim();
}

/**
 * The staff actor a token stands for, with that person's current permissions and departments; null
 * for an unknown, revoked or expired token, a disabled account, or an administrator who no longer
 * has two-factor authentication (sessions of such an administrator are held to enrolment too).
 */
export async function resolveApiToken(platform: Platform, tenantId: string, header: string): Promise<Actor | null> {
  const token = tokenOfHeader(header);
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  return platform.inTenant(tenantId, async (tx) => {
    const used = await useApiToken(tx, hashToken(token));
    if (!used) return null;
    const u = await loadStaffActor(tx, used.staff_user_id);
    if (!u || u.disabled || (u.is_tenant_admin && !u.totp_enabled)) return null;
    const permissions = new Set<string>(u.is_tenant_admin ? ['*', ...u.permissions] : u.permissions);
    return { kind: 'staff', id: u.id, tenantId, sessionId: null, displayName: u.display_name, permissions, departmentIds: u.department_ids };
  });
}
