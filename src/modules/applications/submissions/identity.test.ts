import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningTestApp, type testApp } from '../../../test/app.ts';
import { TestBrowser, type Hop } from '../../../core/auth/citizen/test-browser.ts';
import { writeOidcSettings } from '../../../core/auth/oidc/settings.ts';
import { startTestProvider, type TestProvider } from '../../../core/auth/oidc/test-provider.ts';
import type { FormDefinition } from '../engine/types.ts';
import { addProcedure } from './submissions-testing.ts';

const form: FormDefinition = {
  schemaVersion: 1,
  pages: [{ id: 'p1', title: { ja: '申請' }, sections: [{ id: 's1', fields: [{ key: 'applicant', type: 'name', label: { ja: '氏名' }, required: true }] }] }],
};

/**
 * The `strong` identity level against the real OIDC sign-in of the core: a citizen signed in through
 * the tenant's provider with the required acr may submit; the same person signed in with a weaker
 * acr may not.
 */
describe('strong sign-in for a procedure, through the tenant\'s OIDC provider', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let app: string;
  let op: TestProvider;
  let tenantId: string;
  let procedure: { procedureId: string; versionId: string };

  const api = (path: string) => `${app}/t/tokushima/api${path}`;
  const last = (hops: Hop[]) => hops[hops.length - 1]!;
  const isInteraction = (url: string) => url.startsWith(`${op.issuer}/interaction/`);

  /** Signs `login` in through the provider and returns the browser holding the session. */
  async function signIn(login: string): Promise<TestBrowser> {
    const browser = new TestBrowser();
    const started = await browser.navigate(api('/citizen/oidc/start'), {}, isInteraction);
    const loginPage = last(started).location!;
    const afterLogin = await browser.submitForm(`${loginPage}/login`, { login }, isInteraction);
    const afterConsent = await browser.submitForm(`${last(afterLogin).location!}/consent`, {}, (u) => u.startsWith(app));
    const done = await browser.request(last(afterConsent).location!);
    expect(done.status).toBe(302);
    await browser.json(api('/auth/me')); // sets the CSRF cookie of the session
    return browser;
  }
  const submit = (browser: TestBrowser) => browser.json(api(`/applications/procedures/${procedure.procedureId}/submissions`), 'POST', {
    versionId: procedure.versionId, answers: { applicant: { family: '山田', given: '花子' } },
  });

  beforeAll(async () => {
    ({ y, origin: app, tenantId } = await listeningTestApp());
    op = await startTestProvider(`${app}/t/tokushima/api/citizen/oidc/callback`);
    op.accounts.set('alice', { sub: 'alice', email: 'alice@example.jp', email_verified: true, name: '山田 花子' });
    await y.platform.inTenant(tenantId, (tx) => writeOidcSettings(tx, tenantId, {
      issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, scopes: ['openid', 'email', 'profile'],
      label: { ja: 'テストID', en: 'Test ID' }, acrValues: ['urn:yakuba:test:mynumber'],
    }));
    procedure = await addProcedure(y.platform, tenantId, { title: '本人確認が必要な手続き', departmentId: null, identityLevel: 'strong', definition: form });
  });
  afterAll(async () => {
    await op?.close();
    await y?.close();
  });

  it('accepts a session signed in with the required acr and refuses a weaker one', async () => {
    op.acr = 'urn:yakuba:test:basic';
    const weak = await signIn('alice');
    const refused = await submit(weak);
    expect(refused.status).toBe(403);
    expect((refused.json.error as { code: string }).code).toBe('strong_identity_required');

    op.acr = 'urn:yakuba:test:mynumber';
    const strong = await signIn('alice');
    const accepted = await submit(strong);
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(201);
    expect(accepted.json).toMatchObject({ status: 'received', email: 'alice@example.jp' });
    // The older, weaker session does not become strong because the identity now carries the strong acr.
    expect((await submit(weak)).status).toBe(403);
  });
});
