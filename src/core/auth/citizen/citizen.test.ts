import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { listeningTestApp, type testApp } from '../../../test/app.ts';
import { SESSION_COOKIE } from '../sessions.ts';
import { TestBrowser } from './test-browser.ts';

/** Citizen accounts over real HTTP: register, verify by the mailed link, sign in, profile, lockout, reset. */
describe('citizen accounts', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let app: string;
  let tenantId: string;
  const api = (path: string, slug = 'tokushima') => `${app}/t/${slug}/api${path}`;
  const password = 'correct horse battery';

  /** A browser that has fetched its CSRF token, as the web app does before posting. */
  async function browser(): Promise<TestBrowser> {
    const b = new TestBrowser();
    await b.json(api('/auth/me'));
    return b;
  }

  /** The token in the last mail sent to `to` whose link opens `page`. */
  async function mailedToken(to: string, page: 'verify' | 'reset'): Promise<string> {
    const mails = await y.db.rows<{ payload: { to: string; text: string; subject: string } }>(
      sql`select payload from outbox where channel = 'email' and payload->>'to' = ${to} order by created_at desc`);
    const link = mails.map((m) => new RegExp(`${app}/t/tokushima/account/${page}\\?token=([\\w-]+)`).exec(m.payload.text)).find(Boolean);
    if (!link) throw new Error(`no ${page} mail to ${to}`);
    return link[1];
  }

  const mailCount = async (to: string) => (await y.db.rows<{ n: number }>(
    sql`select count(*)::int as n from outbox where channel = 'email' and payload->>'to' = ${to}`))[0].n;
  const audit = async (action: string) => y.db.rows<{ personal_data: boolean; details: Record<string, unknown> }>(
    sql`select personal_data, details from audit_log where tenant_id = ${tenantId} and action = ${action} order by seq`);

  async function verifiedCitizen(email: string): Promise<TestBrowser> {
    const b = await browser();
    expect((await b.json(api('/citizen/register'), 'POST', { email, password, displayName: '徳島 太郎' })).status).toBe(202);
    expect((await b.json(api('/citizen/verify'), 'POST', { token: await mailedToken(email, 'verify') })).status).toBe(200);
    return b;
  }

  beforeAll(async () => {
    ({ y, origin: app, tenantId } = await listeningTestApp());
  });
  afterAll(async () => y?.close());

  it('registers, mails a verification link, refuses sign-in until verified, then signs in', async () => {
    const b = await browser();
    const reg = await b.json(api('/citizen/register'), 'POST', { email: 'Hanako@Example.JP', password, displayName: '山田 花子', lang: 'en' });
    expect(reg.status).toBe(202);
    const [mail] = await y.db.rows<{ payload: { subject: string } }>(sql`select payload from outbox where payload->>'to' = 'hanako@example.jp'`);
    expect(mail.payload.subject).toContain('Tokushima'); // in the language the citizen chose

    const early = await b.json(api('/citizen/login'), 'POST', { email: 'hanako@example.jp', password });
    expect(early.status).toBe(403);
    expect(early.json.error).toMatchObject({ code: 'email_unverified' });

    const token = await mailedToken('hanako@example.jp', 'verify');
    expect((await b.json(api('/citizen/verify'), 'POST', { token })).json).toEqual({ verified: true });
    const reused = await b.json(api('/citizen/verify'), 'POST', { token });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toMatchObject({ code: 'token_invalid' });

    const login = await b.json(api('/citizen/login'), 'POST', { email: 'HANAKO@example.jp', password });
    expect(login.status).toBe(200);
    expect(b.cookie(app, SESSION_COOKIE)).toBeTruthy();
    const me = await b.json(api('/citizen/me'));
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: 'hanako@example.jp', emailVerified: true, displayName: '山田 花子', preferredLang: 'en', hasPassword: true, identities: [] });
    expect(JSON.stringify(me.json)).not.toContain('argon2');

    expect((await audit('auth.citizen.login')).length).toBe(1);
    expect((await audit('auth.citizen.login_failed')).map((a) => a.details.reason)).toContain('email_unverified');
    const reads = await audit('citizen.profile.read');
    expect(reads.length).toBe(1);
    expect(reads[0].personal_data).toBe(true);

    // The session belongs to this tenant only.
    expect((await b.json(api('/citizen/me', 'matsusaka'))).status).toBe(401);
  });

  it('rejects a weak password, a bad address and an expired link, naming the field', async () => {
    const b = await browser();
    const weak = await b.json(api('/citizen/register'), 'POST', { email: 'a@example.jp', password: 'short', displayName: 'A' });
    expect(weak.status).toBe(400);
    expect(weak.json.error).toMatchObject({ code: 'password_weak', field: 'password' });
    const bad = await b.json(api('/citizen/register'), 'POST', { email: 'not-an-address', password, displayName: 'A' });
    expect(bad.json.error).toMatchObject({ field: 'email' });

    await b.json(api('/citizen/register'), 'POST', { email: 'late@example.jp', password, displayName: 'Late' });
    const token = await mailedToken('late@example.jp', 'verify');
    await y.db.rows(sql`update citizen_email_tokens set expires_at = now() - interval '1 second' where used_at is null`);
    expect((await b.json(api('/citizen/verify'), 'POST', { token })).status).toBe(400);
  });

  it('answers a second registration of a verified address the same way, mailing the owner instead', async () => {
    await verifiedCitizen('taken@example.jp');
    const before = await mailCount('taken@example.jp');
    const b = await browser();
    const again = await b.json(api('/citizen/register'), 'POST', { email: 'taken@example.jp', password: 'attacker-password', displayName: 'X' });
    expect(again.status).toBe(202);
    expect(await mailCount('taken@example.jp')).toBe(before + 1);
    expect((await b.json(api('/citizen/login'), 'POST', { email: 'taken@example.jp', password: 'attacker-password' })).status).toBe(401);
    expect((await b.json(api('/citizen/login'), 'POST', { email: 'taken@example.jp', password })).status).toBe(200);
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from citizens where email = 'taken@example.jp'`);
    expect(n).toBe(1);
  });

  it('locks the account for 15 minutes after 5 failed sign-ins, telling only someone who knows the password', async () => {
    const email = 'locked@example.jp';
    const b = await verifiedCitizen(email);
    for (let i = 0; i < 5; i++) {
      expect((await b.json(api('/citizen/login'), 'POST', { email, password: 'wrong password!' })).status).toBe(401);
    }
    expect((await b.json(api('/citizen/login'), 'POST', { email, password: 'wrong password!' })).status).toBe(401);
    const right = await b.json(api('/citizen/login'), 'POST', { email, password });
    expect(right.status).toBe(423);
    expect(right.json.error).toMatchObject({ code: 'locked' });
    const [row] = await y.db.rows<{ minutes: number }>(sql`select round(extract(epoch from locked_until - now()) / 60)::int as minutes from citizens where email = ${email}`);
    expect(row.minutes).toBe(15);
    // Failures are audited even though the sign-in failed (their transaction commits).
    expect((await audit('auth.citizen.login_failed')).filter((a) => a.details.reason === 'bad_password' || a.details.reason === 'bad_password_locked').length).toBeGreaterThanOrEqual(5);

    await y.db.rows(sql`update citizens set locked_until = now() - interval '1 second' where email = ${email}`);
    expect((await b.json(api('/citizen/login'), 'POST', { email, password })).status).toBe(200);
  });

  it('lets the citizen change the profile (with the CSRF token) and sign out', async () => {
    const email = 'profile@example.jp';
    const b = await verifiedCitizen(email);
    await b.json(api('/citizen/login'), 'POST', { email, password });
    const noCsrf = await b.request(api('/citizen/me'), { method: 'PATCH', body: JSON.stringify({ displayName: 'X' }), headers: { 'content-type': 'application/json' } });
    expect(noCsrf.status).toBe(403);

    const patched = await b.json(api('/citizen/me'), 'PATCH', { displayName: '  新しい 名前 ', preferredLang: 'ja-easy' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ displayName: '新しい 名前', preferredLang: 'ja-easy' });
    expect((await b.json(api('/citizen/me'), 'PATCH', { preferredLang: 'xx' })).status).toBe(400);
    expect((await audit('citizen.profile.update')).at(-1)!.details.fields).toEqual(['displayName', 'preferredLang']);

    expect((await b.json(api('/citizen/logout'), 'POST', {})).status).toBe(200);
    expect((await b.json(api('/citizen/me'))).status).toBe(401);
    expect((await audit('auth.citizen.logout')).length).toBeGreaterThan(0);
  });

  it('resets a forgotten password by mail, signing out every session, and says nothing about unknown addresses', async () => {
    const email = 'forgot@example.jp';
    const signedIn = await verifiedCitizen(email);
    await signedIn.json(api('/citizen/login'), 'POST', { email, password });
    expect((await signedIn.json(api('/citizen/me'))).status).toBe(200);

    const b = await browser();
    expect((await b.json(api('/citizen/password-reset/request'), 'POST', { email: 'nobody@example.jp' })).status).toBe(202);
    expect(await mailCount('nobody@example.jp')).toBe(0);
    expect((await b.json(api('/citizen/password-reset/request'), 'POST', { email: 'FORGOT@example.jp' })).status).toBe(202);
    const token = await mailedToken(email, 'reset');

    expect((await b.json(api('/citizen/password-reset/confirm'), 'POST', { token, password: 'short' })).status).toBe(400);
    const ok = await b.json(api('/citizen/password-reset/confirm'), 'POST', { token, password: 'a brand new password' });
    expect(ok.status).toBe(200);
    expect((await b.json(api('/citizen/password-reset/confirm'), 'POST', { token, password: 'another new password' })).status).toBe(400);
    expect((await signedIn.json(api('/citizen/me'))).status).toBe(401); // the old session is gone
    expect((await b.json(api('/citizen/login'), 'POST', { email, password })).status).toBe(401);
    expect((await b.json(api('/citizen/login'), 'POST', { email, password: 'a brand new password' })).status).toBe(200);
  });

  it('keeps accounts per tenant: the same address is a different (unknown) account elsewhere', async () => {
    await verifiedCitizen('twocities@example.jp');
    const b = new TestBrowser();
    await b.json(api('/auth/me', 'matsusaka'));
    const other = await b.json(api('/citizen/login', 'matsusaka'), 'POST', { email: 'twocities@example.jp', password });
    expect(other.status).toBe(401);
  });
});
