import * as client from 'openid-client';
import type { Platform, Tenant } from '../../platform.ts';
import { invalid } from '../../http/errors.ts';
import { createSession } from '../sessions.ts';
import type { CitizenRequestContext } from '../citizen/context.ts';
import { recordLoginSuccess } from '../citizen/repo.ts';
import { providerConfiguration } from './client.ts';
import { findOrCreateCitizen, IdentityRefused, assuranceOf, type VerifiedIdentity } from './link.ts';
import { saveLoginState, takeLoginState } from './repo.ts';
import { oidcNotConfigured, readOidcSettings } from './settings.ts';

/** How long a citizen has at the provider between /start and /callback. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000;

/** Why an OIDC sign-in failed; the route audits it and sends the browser back to the login page. */
export class OidcFailure extends Error {
  constructor(readonly reason: string, readonly detail?: string, readonly citizenId?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** The redirect URI registered at the provider for a tenant: `${baseUrl}/t/{slug}/api/citizen/oidc/callback`. */
export function callbackUrl(baseUrl: string, tenant: Tenant): string {
  return `${baseUrl}/t/${encodeURIComponent(tenant.slug)}/api/citizen/oidc/callback`;
}

/** The tenant's account page a sign-in returns to when none was asked for. */
export const defaultReturnTo = (tenant: Tenant) => `/t/${encodeURIComponent(tenant.slug)}/account`;

/** Accepts only a relative path inside the tenant (`/t/{slug}/…`): never another host, scheme, protocol-relative URL or tenant. */
export function safeReturnTo(raw: string | undefined, tenant: Tenant, baseUrl: string): string {
  if (raw === undefined || raw === '') return defaultReturnTo(tenant);
  const bad = () => invalid('returnTo', 'must be a path on this site');
  // eslint-disable-next-line no-control-regex
  if (raw.length > 1000 || !raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) throw bad();
  const base = new URL(baseUrl);
  const url = new URL(raw, base);
  if (url.origin !== base.origin) throw bad();
  const home = `/t/${encodeURIComponent(tenant.slug)}`;
  if (url.pathname !== home && !url.pathname.startsWith(`${home}/`)) throw bad();
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Begins a sign-in at the tenant's provider: PKCE (S256), state and nonce are stored (the state only as a
 * hash) and the provider's authorization URL is returned with the state to bind to the browser.
 */
export async function startOidcLogin(platform: Platform, ctx: CitizenRequestContext, rawReturnTo: string | undefined): Promise<{ url: string; state: string }> {
  const settings = await platform.inTenant(ctx.tenant.id, (tx) => readOidcSettings(tx, ctx.tenant.id));
  if (!settings) throw oidcNotConfigured();
  const returnTo = safeReturnTo(rawReturnTo, ctx.tenant, platform.config.baseUrl);
  let config: client.Configuration;
  try {
    config = await providerConfiguration(settings, platform.config.secretKey);
  } catch (err) {
    throw new OidcFailure('discovery', (err as Error).message);
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await platform.inTenant(ctx.tenant.id, (tx) => saveLoginState(tx, ctx.tenant.id, state, {
    issuer: settings.issuer, code_verifier: codeVerifier, nonce, return_to: returnTo,
  }, LOGIN_STATE_TTL_MS));
  const params: Record<string, string> = {
    redirect_uri: callbackUrl(platform.config.baseUrl, ctx.tenant),
    scope: settings.scopes.includes('openid') ? settings.scopes.join(' ') : ['openid', ...settings.scopes].join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: ctx.lang,
  };
  if (settings.acrValues?.length) params.acr_values = settings.acrValues.join(' ');
  return { url: client.buildAuthorizationUrl(config, params).href, state };
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The claims kept on the identity: only what sign-in and assurance checks need. */
function minimalClaims(c: Record<string, unknown>): Record<string, unknown> {
  const keep = ['email', 'email_verified', 'acr', 'amr', 'auth_time'];
  return Object.fromEntries(keep.filter((k) => c[k] !== undefined).map((k) => [k, c[k]]));
}

/** Exchanges the code and validates the ID token (issuer, audience, nonce, PKCE); userinfo fills in a missing email. */
async function exchange(config: client.Configuration, current: URL, state: string, flight: { code_verifier: string; nonce: string }, requestedScope: string): Promise<VerifiedIdentity> {
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flight.code_verifier, expectedState: state, expectedNonce: flight.nonce, idTokenExpected: true,
    });
  } catch (err) {
    throw new OidcFailure('token_exchange', (err as { code?: string }).code ?? (err as Error).message);
  }
  const idToken = tokens.claims();
  if (!idToken) throw new OidcFailure('token_exchange', 'no id_token');
  let claims: Record<string, unknown> = { ...idToken };
  if (claims.email === undefined && tokens.access_token && (tokens.scope ?? requestedScope).split(' ').includes('email')) {
    // Many providers put email only in userinfo for the code flow; its `sub` must match the ID token's.
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      claims = { ...info, ...idToken };
    } catch { /* sign-in goes on without the email */ }
  }
  const email = str(claims.email)?.toLowerCase() ?? null;
  return {
    issuer: idToken.iss, subject: idToken.sub, email, emailVerified: claims.email_verified === true,
    name: str(claims.name), acr: str(idToken.acr), claims: minimalClaims(claims),
  };
}

/**
 * Completes a sign-in at the callback: consumes the state (single use, checked against the browser's
 * cookie), exchanges the code, finds or creates the citizen and opens a citizen session.
 */
export async function finishOidcLogin(platform: Platform, ctx: CitizenRequestContext, input: {
  query: Record<string, unknown>; rawQuery: string; cookieState: string | undefined;
}): Promise<{ session: Awaited<ReturnType<typeof createSession>>; returnTo: string; citizenId: string }> {
  const state = str(input.query.state);
  if (!state) throw new OidcFailure('state_missing', str(input.query.error) ?? undefined);
  const tenantId = ctx.tenant.id;
  const { flight, settings } = await platform.inTenant(tenantId, async (tx) => ({
    flight: await takeLoginState(tx, state), settings: await readOidcSettings(tx, tenantId),
  }));
  if (!flight) throw new OidcFailure('state_unknown');
  if (input.cookieState !== state) throw new OidcFailure('state_mismatch');
  const providerError = str(input.query.error);
  if (providerError) throw new OidcFailure('provider_error', providerError.slice(0, 100));
  if (!settings || settings.issuer !== flight.issuer) throw new OidcFailure('config_changed');
  let config: client.Configuration;
  try {
    config = await providerConfiguration(settings, platform.config.secretKey);
  } catch (err) {
    throw new OidcFailure('discovery', (err as Error).message);
  }
  const current = new URL(`${callbackUrl(platform.config.baseUrl, ctx.tenant)}?${input.rawQuery}`);
  const identity = await exchange(config, current, state, flight, settings.scopes.join(' '));
  return platform.inTenant(tenantId, async (tx) => {
    let citizenId: string;
    try {
      citizenId = await findOrCreateCitizen(tx, platform, ctx, identity);
    } catch (err) {
      if (err instanceof IdentityRefused) throw new OidcFailure(err.reason, undefined, err.citizenId);
      throw err;
    }
    await recordLoginSuccess(tx, citizenId);
    const session = await createSession(tx, { tenantId, subjectKind: 'citizen', subjectId: citizenId, ip: ctx.ip, userAgent: ctx.userAgent });
    await platform.audit.record(tx, {
      tenantId, actor: { kind: 'citizen', id: citizenId }, action: 'auth.citizen.login', targetType: 'citizen', targetId: citizenId, ip: ctx.ip,
      details: { method: 'oidc', issuer: identity.issuer, assurance: assuranceOf(identity.acr) },
    });
    return { session, returnTo: flight.return_to, citizenId };
  });
}

/** Audits a failed OIDC sign-in in its own transaction (the flow's own transaction, if any, was rolled back). */
export async function auditOidcFailure(platform: Platform, ctx: CitizenRequestContext, failure: OidcFailure | Error): Promise<void> {
  const f = failure instanceof OidcFailure ? failure : new OidcFailure('internal', failure.message);
  await platform.inTenant(ctx.tenant.id, (tx) => platform.audit.record(tx, {
    tenantId: ctx.tenant.id, actor: { kind: 'anonymous', id: null }, action: 'auth.citizen.login_failed',
    targetType: f.citizenId ? 'citizen' : undefined, targetId: f.citizenId, ip: ctx.ip,
    details: { method: 'oidc', reason: f.reason, ...(f.detail ? { detail: f.detail.slice(0, 200) } : {}) },
  }));
}
