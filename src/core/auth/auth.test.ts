import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient, staffUser, twoTenants } from './testing.ts';
import { currentTotp } from './totp.ts';
import { purgeExpiredSessions } from './sessions.ts';

const PW = 'correct horse battery';

describe('staff sign-in, sessions and CSRF', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  const client = (prefix = '/t/tokushima') => new TestClient(y.app, prefix);
  const audit = async (action: string) => y.db.rows<{ actor_id: string; details: Record<string, unknown> }>(sql`select actor_id, details from audit_log where action = ${action} order by at, seq`);

  beforeAll(async () => {
    y = await testApp();
    t = await twoTenants(y.platform);
    await staffUser(y.platform, { tenantId: t.tokushima.id, email: 'Staff@Tokushima.example.jp', displayName: '職員', password: PW });
    await staffUser(y.platform, { tenantId: t.tokushima.id, email: 'admin@tokushima.example.jp', displayName: '管理者', password: PW, isTenantAdmin: true });
  });
  afterAll(async () => y?.close());

  it('gives anonymous visitors a CSRF cookie and no actor', async () => {
    const c = client();
    const res = await c.send('GET', '/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.data.actor).toBeNull();
    expect(res.data.csrfToken).toMatch(/^p\./);
    expect(c.cookies.get('yakuba_csrf')).toBe(res.data.csrfToken);
    const cookie = res.headers['set-cookie']!.toString();
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Secure');
  });

  it('refuses state-changing requests without, with a wrong or a forged CSRF token', async () => {
    const c = client();
    await c.me();
    const body = { email: 'staff@tokushima.example.jp', password: PW };
    expect((await c.send('POST', '/api/auth/login', body, { csrf: false })).json().error.code).toBe('csrf');
    const wrong = await c.send('POST', '/api/auth/login', body, { csrf: 'p.aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' });
    expect(wrong.statusCode).toBe(403);
    // A self-made token in both cookie and header (what a cookie-tossing attacker would do) fails the HMAC.
    const forged = 'p.aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    c.cookies.set('yakuba_csrf', forged);
    expect((await c.send('POST', '/api/auth/login', body, { csrf: forged })).json().error.code).toBe('csrf');
    const fresh = client();
    expect((await fresh.login(body.email, PW)).statusCode).toBe(200);
  });

  it('signs a staff member in with a session cookie and shows them on /me', async () => {
    const c = client();
    const res = await c.login('STAFF@tokushima.example.jp', PW);
    expect(res.statusCode).toBe(200);
    const setCookie = [res.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/yakuba_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/yakuba_session=[^;]+;.*SameSite=Lax/);
    expect(setCookie).toMatch(/yakuba_session=[^;]+;.*Secure/);
    // Scoped to the tenant's prefix, so another tenant's session on the same host is kept apart.
    expect(setCookie).toMatch(/yakuba_session=[^;]+;.*Path=\/t\/tokushima(;|$)/m);
    const me = await c.me();
    expect(me).toMatchObject({ kind: 'staff', email: 'staff@tokushima.example.jp', displayName: '職員', isTenantAdmin: false, mfaRequired: false, permissions: [] });
    // The database keeps only the hash of the token.
    const [row] = await y.db.rows<{ id: string }>(sql`select id from sessions where subject_kind = 'staff' limit 1`);
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id).not.toBe(c.cookies.get('yakuba_session'));
    expect((await audit('auth.login')).length).toBeGreaterThan(0);
    // The pre-session CSRF token no longer works once signed in.
    const out = await c.send('POST', '/api/auth/logout', {}, { csrf: 'p.aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' });
    expect(out.statusCode).toBe(403);
    expect((await c.send('POST', '/api/auth/logout', {})).statusCode).toBe(200);
    expect(await c.me()).toBeNull();
  });

  it('answers the same for an unknown email and a wrong password, and audits both', async () => {
    const unknown = await client().login('nobody@tokushima.example.jp', PW);
    const wrong = await client().login('staff@tokushima.example.jp', 'wrong password!');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error).toEqual(unknown.json().error);
    const failed = await audit('auth.login_failed');
    expect(failed.map((f) => f.details.reason)).toEqual(expect.arrayContaining(['unknown_email', 'password']));
    await y.db.rows(sql`update staff_users set failed_logins = 0`);
  });

  it('locks an account after 5 failures for 15 minutes, and lets it in once the lock has passed', async () => {
    const email = 'staff@tokushima.example.jp';
    for (let i = 0; i < 5; i++) expect((await client().login(email, `bad password ${i}`)).statusCode).toBe(401);
    const [row] = await y.db.rows<{ minutes: number }>(sql`select extract(epoch from locked_until - now())::int / 60 as minutes from staff_users where email = ${email}`);
    expect(row.minutes).toBeGreaterThanOrEqual(14);
    const locked = await client().login(email, PW);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('locked');
    // While locked, a wrong password does not reveal the lock.
    expect((await client().login(email, 'still wrong pw')).json().error.code).toBe('invalid_credentials');
    await y.db.rows(sql`update staff_users set locked_until = now() - interval '1 second' where email = ${email}`);
    expect((await client().login(email, PW)).statusCode).toBe(200);
  });

  it('makes TOTP mandatory for tenant administrators', async () => {
    const c = client();
    expect((await c.login('admin@tokushima.example.jp', PW)).statusCode).toBe(200);
    const me = await c.me();
    expect(me).toMatchObject({ isTenantAdmin: true, mfaRequired: true, totpEnabled: false, permissions: ['*'] });
    const blocked = await c.send('GET', '/api/admin/core/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_enrolment_required');

    const setup = await c.send('POST', '/api/auth/totp/setup', {});
    expect(setup.statusCode).toBe(200);
    expect(setup.data.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.data.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const [stored] = await y.db.rows<{ totp_secret: string }>(sql`select totp_secret from staff_users where email = 'admin@tokushima.example.jp'`);
    expect(stored.totp_secret).not.toContain(setup.data.secret);
    expect((await c.send('POST', '/api/auth/totp/confirm', { code: '000000' })).json().error.code).toBe('totp_invalid');
    const code = currentTotp(setup.data.secret);
    expect((await c.send('POST', '/api/auth/totp/confirm', { code })).statusCode).toBe(200);
    expect((await c.me()).mfaRequired).toBe(false);
    expect((await c.send('GET', '/api/admin/core/users')).statusCode).toBe(200);
    expect((await audit('auth.totp.enable')).length).toBe(1);

    const d = client();
    expect((await d.login('admin@tokushima.example.jp', PW)).json().error.code).toBe('totp_required');
    expect((await d.login('admin@tokushima.example.jp', PW, '123456')).json().error.code).toBe('totp_invalid');
    // The code used to enrol cannot be replayed; the next time step's code (within the ±1 window) works.
    expect((await d.login('admin@tokushima.example.jp', PW, code)).json().error.code).toBe('totp_invalid');
    expect((await d.login('admin@tokushima.example.jp', PW, currentTotp(setup.data.secret, Date.now() + 30_000))).statusCode).toBe(200);
  });

  it('does not accept a session in another tenant', async () => {
    const c = client();
    await c.login('staff@tokushima.example.jp', PW);
    expect((await c.me()).kind).toBe('staff');
    c.prefix = '/t/matsusaka';
    expect(await c.me()).toBeNull();
    expect((await c.send('GET', '/api/admin/core/departments')).statusCode).toBe(401);
  });

  it('expires an idle session with 401 session_expired', async () => {
    const c = client();
    await c.login('staff@tokushima.example.jp', PW);
    expect((await c.send('GET', '/api/admin/core/departments')).statusCode).toBe(200);
    await y.db.rows(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    const res = await c.send('GET', '/api/admin/core/departments');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
    expect(c.cookies.has('yakuba_session')).toBe(false);
  });

  it('signs out of every session with logout-all', async () => {
    const a = client();
    const b = client();
    await a.login('staff@tokushima.example.jp', PW);
    await b.login('staff@tokushima.example.jp', PW);
    const res = await a.send('POST', '/api/auth/logout-all', {});
    expect(res.statusCode).toBe(200);
    expect(res.data.sessions).toBeGreaterThanOrEqual(2);
    expect((await b.send('GET', '/api/admin/core/departments')).statusCode).toBe(401);
    expect(await b.me()).toBeNull();
  });

  it('resets a password by email: single use, 1 h, signs out everywhere', async () => {
    const signedIn = client();
    await signedIn.login('staff@tokushima.example.jp', PW);
    const c = client();
    await c.me();
    expect((await c.send('POST', '/api/auth/password-reset/request', { email: 'nobody@tokushima.example.jp' })).statusCode).toBe(202);
    expect((await c.send('POST', '/api/auth/password-reset/request', { email: 'staff@tokushima.example.jp' })).statusCode).toBe(202);
    const mails = await y.db.rows<{ payload: { to: string; text: string } }>(sql`select payload from outbox where channel = 'email' order by created_at`);
    expect(mails.map((m) => m.payload.to)).toEqual(['staff@tokushima.example.jp']);
    const token = /\/t\/tokushima\/admin\/reset\?token=([\w-]+)/.exec(mails[0].payload.text)![1];
    const weak = await c.send('POST', '/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.json().error).toMatchObject({ code: 'password_weak', field: 'password' });
    expect((await c.send('POST', '/api/auth/password-reset/confirm', { token, password: 'a brand new password' })).statusCode).toBe(200);
    const again = await c.send('POST', '/api/auth/password-reset/confirm', { token, password: 'another new password' });
    expect(again.json().error).toMatchObject({ code: 'token_invalid', field: 'token' });
    expect(await signedIn.me()).toBeNull();
    expect((await client().login('staff@tokushima.example.jp', PW)).statusCode).toBe(401);
    expect((await client().login('staff@tokushima.example.jp', 'a brand new password')).statusCode).toBe(200);
    expect((await audit('auth.password_reset')).length).toBe(1);
  });

  it('throttles repeated sign-in attempts for one address from one client', async () => {
    const c = client();
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await c.login('flood@tokushima.example.jp', `guess ${i}`)).statusCode);
    expect(codes.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    // Another address from the same client is not held back by it.
    expect((await c.login('staff@tokushima.example.jp', 'a brand new password')).statusCode).toBe(200);
  });

  it('purges sessions past their lifetime', async () => {
    const c = client();
    await c.login('staff@tokushima.example.jp', 'a brand new password');
    await y.db.rows(sql`update sessions set expires_at = now() - interval '1 second'`);
    expect(await purgeExpiredSessions(y.db)).toBeGreaterThan(0);
    expect((await y.db.rows<{ n: number }>(sql`select count(*)::int as n from sessions`))[0].n).toBe(0);
  });

  it('refuses disabled accounts', async () => {
    const u = await staffUser(y.platform, { tenantId: t.tokushima.id, email: 'gone@tokushima.example.jp', displayName: '退職者', password: PW });
    const c = client();
    await c.login('gone@tokushima.example.jp', PW);
    await y.db.rows(sql`update staff_users set disabled = true where id = ${u.id}`);
    expect(await c.me()).toBeNull();
    expect((await client().login('gone@tokushima.example.jp', PW)).json().error.code).toBe('invalid_credentials');
  });
});
