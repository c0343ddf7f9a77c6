import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../src/core/auth/oidc/test-provider.ts';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// The city's identity provider, end to end in the browser: staff configure it in the console, and a
// citizen signs in through it (a real oidc-provider on 127.0.0.1) and lands on their account page.

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, id, '情報システム担当', ['core.settings.manage']);
  await addStaff(server, id, { email: 'ict@tokushima.example.jp', displayName: '情報 次郎', password: 'settings editor password', roleIds: [role] });
});
let op: TestProvider;

// Registered after the suite's hooks: starts once the server runs, and stops before it closes.
beforeAll(async () => {
  op = await startTestProvider(`${suite.server.origin}/t/tokushima/api/citizen/oidc/callback`);
  op.accounts.set('alice', { sub: 'alice', email: 'alice@example.jp', email_verified: true, name: '山田 花子' });
});

afterAll(async () => {
  await op?.close();
});

describe('citizen sign-in through the city\'s identity provider', () => {
  it('is configured in the console and used from the sign-in page', async () => {
    const staff = await newPage(suite.browser);
    await signInStaff(staff.page, suite.server.origin, 'tokushima', 'ict@tokushima.example.jp', 'settings editor password');
    // The OIDC settings are a section of 自治体の設定.
    await staff.page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '自治体の設定' }).click();
    await staff.page.getByRole('link', { name: '外部認証（OIDC）の設定を開く' }).click();
    await staff.page.getByTestId('oidc-redirect').waitFor();
    expect(await staff.page.getByTestId('oidc-redirect').innerText()).toBe(`${suite.server.origin}/t/tokushima/api/citizen/oidc/callback`);
    await expectNoAxeViolations(staff.page, 'OIDC settings');
    await staff.page.locator('#oidc-issuer').fill(op.issuer);
    await staff.page.locator('#oidc-clientId').fill(op.clientId);
    await staff.page.locator('#oidc-clientSecret').fill(op.clientSecret);
    await staff.page.locator('#oidc-labelJa').fill('テストID');
    await staff.page.locator('#oidc-labelEn').fill('Test ID');
    await staff.page.getByRole('button', { name: '保存する' }).click();
    await staff.page.getByText('設定を保存しました。').waitFor();
    expect(await staff.page.locator('#oidc-clientSecret').inputValue()).toBe('');
    await screenshot(staff.page, 'console-oidc');
    await staff.context.close();

    const { page, context, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/tokushima/account/login`);
    const button = page.getByRole('link', { name: 'テストIDでログイン' });
    await button.waitFor();
    await expectNoAxeViolations(page, 'sign-in with OIDC');
    await screenshot(page, 'portal-signin');
    await button.click();
    // The test provider's interaction pages are JSON; post its login and consent forms as a person would.
    let previous = '';
    for (const step of ['login', 'consent']) {
      // Each step has its own interaction page; wait for a new one before posting.
      await page.waitForURL((u) => u.origin === op.issuer && u.pathname.startsWith('/interaction/') && u.pathname !== previous);
      previous = new URL(page.url()).pathname;
      await page.evaluate(({ action, login }) => {
        const form = Object.assign(document.createElement('form'), { method: 'POST', action });
        form.append(Object.assign(document.createElement('input'), { name: 'login', value: login }));
        document.body.append(form);
        form.submit();
      }, { action: `${previous}/${step}`, login: 'alice' });
    }
    await page.waitForURL(`${suite.server.origin}/t/tokushima/account`);
    await page.getByText('山田 花子さん、こんにちは。').waitFor();
    await expectNoAxeViolations(page, 'my account after OIDC');
    expect(errors).toEqual([]);
    await context.close();
  });
});
