import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { listeningTestApp, type testApp } from '../../../test/app.ts';
import { txRows, withTenant } from '../../db/tenant-tx.ts';
import { createSession, SESSION_COOKIE } from '../sessions.ts';
import { TestBrowser, type Hop } from '../citizen/test-browser.ts';
import { startTestProvider, type TestProvider } from './test-provider.ts';

/**
 * The whole OIDC sign-in over real HTTP: the app listens on a port, a real `oidc-provider` on another,
 * and a cookie-jar browser walks start → provider login and consent → callback → citizen session.
 */
describe('citizen sign-in with the tenant\'s OIDC provider', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let app: string;
  let op: TestProvider;
  let tenantId: string;

  const api = (slug: string, path: string) => `${app}/t/${slug}/api${path}`;
  const last = (hops: Hop[]) => hops[hops.length - 1];
  const isInteraction = (url: string) => url.startsWith(`${op.issuer}/interaction/`);

  /** Runs the provider side as a person would: sign in as `login`, then allow; returns the hop to the app's callback. */
  async function atProvider(browser: TestBrowser, startHops: Hop[], login: string): Promise<string> {
    const loginPage = last(startHops).location!;
    expect(isInteraction(loginPage)).toBe(true);
    expect(JSON.parse((await browser.request(loginPage)).body).prompt).toBe('login');
    const afterLogin = await browser.submitForm(`${loginPage}/login`, { login }, isInteraction);
    const consentPage = last(afterLogin).location!;
    expect(JSON.parse((await browser.request(consentPage)).body).prompt).toBe('consent');
    const afterConsent = await browser.submitForm(`${consentPage}/consent`, {}, (u) => u.startsWith(app));
    const callback = last(afterConsent).location!;
    expect(callback.startsWith(api('tokushima', '/citizen/oidc/callback?'))).toBe(true);
    return callback;
  }

  /** Starts a sign-in at the app and stops at the provider's login page. */
  const start = (browser: TestBrowser, returnTo = '/t/tokushima/account') =>
    browser.navigate(api('tokushima', `/citizen/oidc/start?returnTo=${encodeURIComponent(returnTo)}`), {}, isInteraction);

  const auditActions = async () => (await y.db.rows<{ action: string; details: Record<string, unknown> }>(
    sql`select action, details from audit_log where tenant_id = ${tenantId} order by seq`));

  beforeAll(async () => {
    ({ y, origin: app, tenantId } = await listeningTestApp());
    op = await startTestProvider(`${app}/t/tokushima/api/citizen/oidc/callback`);
    op.accounts.set('alice', { sub: 'alice', email: 'alice@example.jp', email_verified: true, name: '山田 花子' });
    op.accounts.set('bob', { sub: 'bob', email: 'bob@example.jp', email_verified: true, name: 'Bob' });
    op.accounts.set('carol', { sub: 'carol', email: 'carol@example.jp', email_verified: false, name: 'Carol' });
  });
  afterAll(async () => {
    await op?.close();
    await y?.close();
  });

  it('is configured through the admin API, which never shows the client secret', async () => {
    // A staff member whose role grants core.settings.manage, signed in.
    const staffId = await withTenant(y.db, tenantId, async (tx) => {
      const [u] = await txRows<{ id: string }>(tx, sql`insert into staff_users (tenant_id, email, display_name)
        values (${tenantId}, 'ict@city.example.jp', '情報推進課') returning id`);
      const [role] = await txRows<{ id: string }>(tx, sql`insert into roles (tenant_id, name) values (${tenantId}, 'settings') returning id`);
      await txRows(tx, sql`insert into role_permissions (tenant_id, role_id, permission) values (${tenantId}, ${role.id}, 'core.settings.manage')`);
      await txRows(tx, sql`insert into staff_user_roles (tenant_id, user_id, role_id) values (${tenantId}, ${u.id}, ${role.id})`);
      return u.id;
    });
    const session = await withTenant(y.db, tenantId, (tx) => createSession(tx, { tenantId, subjectKind: 'staff', subjectId: staffId }));
    const staff = new TestBrowser();
    staff.setCookie(app, SESSION_COOKIE, session.token);
    await staff.json(api('tokushima', '/auth/me'));

    const empty = await staff.json(api('tokushima', '/admin/core/oidc'));
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ configured: false, clientSecretSet: false, redirectUri: `${app}/t/tokushima/api/citizen/oidc/callback` });

    const insecure = await staff.json(api('tokushima', '/admin/core/oidc'), 'PUT', {
      issuer: 'http://idp.example.jp', clientId: 'x', clientSecret: 'y', label: { ja: 'テスト', en: 'Test' },
    });
    expect(insecure.status).toBe(400);
    expect(insecure.json.error).toMatchObject({ field: 'issuer' });

    const put = await staff.json(api('tokushima', '/admin/core/oidc'), 'PUT', {
      issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret,
      label: { ja: 'テストID', en: 'Test ID' }, scopes: ['openid', 'email', 'profile'],
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ configured: true, issuer: op.issuer, clientId: op.clientId, clientSecretSet: true });
    expect(JSON.stringify(put.json)).not.toContain(op.clientSecret);
    const [stored] = await y.db.rows<{ settings: { oidc: { clientSecret: string } } }>(sql`select settings from tenants where id = ${tenantId}`);
    expect(stored.settings.oidc.clientSecret).toMatch(/^enc:v1:/); // sealed at rest
    expect((await auditActions()).map((a) => a.action)).toContain('core.oidc.update');

    const anonymous = await new TestBrowser().json(api('tokushima', '/admin/core/oidc'));
    expect(anonymous.status).toBe(401);
    const info = await new TestBrowser().json(api('tokushima', '/citizen/oidc'));
    expect(info.json).toEqual({ enabled: true, label: { ja: 'テストID', en: 'Test ID' } });
  });

  it('signs a citizen in end to end: start → provider login and consent → callback → session', async () => {
    const browser = new TestBrowser();
    const startHops = await start(browser, '/t/tokushima/account?tab=profile');
    const authorize = new URL(startHops[0].location!);
    expect(startHops[0].status).toBe(302);
    expect(authorize.origin + authorize.pathname).toBe(`${op.issuer}/auth`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${app}/t/tokushima/api/citizen/oidc/callback`);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const [flight] = await y.db.rows<{ state_hash: string }>(sql`select state_hash from oidc_login_states`);
    expect(flight.state_hash).not.toBe(authorize.searchParams.get('state')); // only its hash is stored

    const callback = await atProvider(browser, startHops, 'alice');
    const done = await browser.request(callback);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${app}/t/tokushima/account?tab=profile`);
    expect(browser.cookie(app, SESSION_COOKIE)).toBeTruthy();

    const me = await browser.json(api('tokushima', '/citizen/me'));
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: 'alice@example.jp', emailVerified: true, displayName: '山田 花子', hasPassword: false });
    expect(me.json.identities).toEqual([expect.objectContaining({ issuer: op.issuer, assurance: 'oidc', acr: null })]);
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['citizen.register', 'auth.citizen.login', 'citizen.profile.read']));

    // Signing in again in the same browser replaces the session rather than adding one.
    // The provider remembers alice (single sign-on), so it answers at once without asking again.
    const firstToken = browser.cookie(app, SESSION_COOKIE);
    const sso = await browser.navigate(api('tokushima', '/citizen/oidc/start'), {}, (u) => u.startsWith(app) && !u.includes('/oidc/'));
    expect(sso.some((h) => isInteraction(h.url))).toBe(false);
    expect(last(sso).location).toBe(`${app}/t/tokushima/account`);
    expect(browser.cookie(app, SESSION_COOKIE)).not.toBe(firstToken);
    const [{ live }] = await y.db.rows<{ live: number }>(sql`select count(*)::int as live from sessions where subject_kind = 'citizen'`);
    expect(live).toBe(1);

    // The same person again: same account, no second one.
    const again = new TestBrowser();
    const againDone = await again.request(await atProvider(again, await start(again), 'alice'));
    expect(againDone.location).toBe(`${app}/t/tokushima/account`);
    expect((await again.json(api('tokushima', '/citizen/me'))).json.id).toBe(me.json.id);
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from citizens where tenant_id = ${tenantId}`);
    expect(n).toBe(1);

    // The session is a citizen session, not staff: admin routes stay closed.
    expect((await browser.json(api('tokushima', '/admin/core/oidc'))).status).toBe(403);
    // And only in its own tenant.
    expect((await browser.json(api('matsusaka', '/citizen/me'))).status).toBe(401);
  });

  it('keeps the provider\'s assurance level (acr) on the identity, and links a verified email to the existing account', async () => {
    // Someone registered bob's address with a password but never verified it.
    const reg = new TestBrowser();
    await reg.json(api('tokushima', '/auth/me'));
    const registered = await reg.json(api('tokushima', '/citizen/register'), 'POST', { email: 'Bob@Example.jp', password: 'someone-elses-pw', displayName: 'Not Bob' });
    expect(registered.status).toBe(202);

    // The city asks its provider for the My Number card level; the provider signs bob in at that level.
    await y.db.rows(sql`update tenants set settings = jsonb_set(settings, '{oidc,acrValues}', '["urn:yakuba:test:mynumber"]'::jsonb) where id = ${tenantId}`);
    op.acr = 'urn:yakuba:test:mynumber';
    try {
      const browser = new TestBrowser();
      const started = await start(browser);
      expect(new URL(started[0].location!).searchParams.get('acr_values')).toBe('urn:yakuba:test:mynumber');
      await browser.request(await atProvider(browser, started, 'bob'));
      const me = await browser.json(api('tokushima', '/citizen/me'));
      expect(me.json).toMatchObject({ email: 'bob@example.jp', emailVerified: true, hasPassword: false, displayName: 'Not Bob' });
      expect(me.json.identities).toEqual([expect.objectContaining({ acr: 'urn:yakuba:test:mynumber', assurance: 'oidc:urn:yakuba:test:mynumber' })]);
    } finally {
      op.acr = null;
    }
    // The unproven password was dropped on linking: it no longer signs in.
    const login = await reg.json(api('tokushima', '/citizen/login'), 'POST', { email: 'bob@example.jp', password: 'someone-elses-pw' });
    expect(login.status).toBe(401);
    expect((await auditActions()).map((a) => a.action)).toContain('citizen.identity.link');
  });

  it('does not link by an email the provider has not verified', async () => {
    const browser = new TestBrowser();
    await browser.request(await atProvider(browser, await start(browser), 'carol'));
    const me = await browser.json(api('tokushima', '/citizen/me'));
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: null, emailVerified: false });
  });

  it('fails cleanly — a redirect to the login page, audited — for a tampered, replayed or refused state', async () => {
    const browser = new TestBrowser();
    const callback = new URL(await atProvider(browser, await start(browser), 'alice'));
    const loginError = `${app}/t/tokushima/account/login?error=oidc`;

    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const bad = await browser.request(tampered.href);
    expect(bad.status).toBe(302);
    expect(bad.location).toBe(loginError);

    // The real one still works once, then never again.
    expect((await browser.request(callback.href)).location).toBe(`${app}/t/tokushima/account`);
    const replay = await browser.request(callback.href);
    expect(replay.location).toBe(loginError);

    // The provider's own error, e.g. the person pressed "cancel".
    const other = new TestBrowser();
    const started = await start(other);
    const state = new URL(started[0].location!).searchParams.get('state')!;
    const refused = await other.request(`${api('tokushima', '/citizen/oidc/callback')}?error=access_denied&state=${state}`);
    expect(refused.location).toBe(loginError);

    // A state started in another browser (login CSRF) is refused too.
    const victim = new TestBrowser();
    const attacker = new TestBrowser();
    const planted = await atProvider(attacker, await start(attacker), 'alice');
    expect((await victim.request(planted)).location).toBe(loginError);
    expect(victim.cookie(app, SESSION_COOKIE)).toBeUndefined();

    const reasons = (await auditActions()).filter((a) => a.action === 'auth.citizen.login_failed').map((a) => a.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['state_unknown', 'provider_error', 'state_mismatch']));
  });

  it('fails cleanly when the token exchange is refused (wrong client secret)', async () => {
    await y.db.rows(sql`update tenants set settings = jsonb_set(settings, '{oidc,clientSecret}', '"not-the-secret"'::jsonb) where id = ${tenantId}`);
    try {
      const browser = new TestBrowser();
      const done = await browser.request(await atProvider(browser, await start(browser), 'alice'));
      expect(done.location).toBe(`${app}/t/tokushima/account/login?error=oidc`);
      expect(browser.cookie(app, SESSION_COOKIE)).toBeUndefined();
      const failures = (await auditActions()).filter((a) => a.action === 'auth.citizen.login_failed');
      expect(failures.at(-1)!.details).toMatchObject({ method: 'oidc', reason: 'token_exchange' });
    } finally {
      await y.db.rows(sql`update tenants set settings = jsonb_set(settings, '{oidc,clientSecret}', ${JSON.stringify(op.clientSecret)}::jsonb) where id = ${tenantId}`);
    }
  });

  it('answers oidc_not_configured for a tenant without a provider, and refuses foreign returnTo', async () => {
    const browser = new TestBrowser();
    const none = await browser.json(api('matsusaka', '/citizen/oidc/start'));
    expect(none.status).toBe(404);
    expect(none.json.error).toMatchObject({ code: 'oidc_not_configured' });
    expect((await browser.json(api('matsusaka', '/citizen/oidc'))).json).toEqual({ enabled: false, label: null });
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/t/matsusaka/account', '/t/tokushima/../matsusaka/account', '/admin']) {
      const res = await browser.json(api('tokushima', `/citizen/oidc/start?returnTo=${encodeURIComponent(returnTo)}`));
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ field: 'returnTo' });
    }
  });

  it('sends the browser back to the login page when the provider cannot be reached', async () => {
    await y.db.rows(sql`update tenants set settings = jsonb_set(settings, '{oidc}', ${JSON.stringify({
      issuer: 'http://127.0.0.1:9', clientId: 'x', label: { ja: 'x', en: 'x' },
    })}::jsonb) where slug = 'matsusaka'`);
    const res = await new TestBrowser().request(api('matsusaka', '/citizen/oidc/start'));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${app}/t/matsusaka/account/login?error=oidc`);
  });
});
