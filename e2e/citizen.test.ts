import { describe, expect, it } from 'vitest';
import { addTenant, expectNoAxeViolations, lastEmailTo, linkIn, MATSUSAKA, newPage, screenshot, useBrowserSuite } from './support/index.ts';

const suite = useBrowserSuite(async (server) => {
  await addTenant(server, MATSUSAKA);
});

describe('citizen account', () => {
  it('registers, confirms the email from the outbox link, signs in and signs out', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    const email = 'hanako@example.jp';
    await page.goto(`${suite.server.origin}/t/matsusaka`);
    await page.getByRole('link', { name: 'ログイン・利用者登録' }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await expectNoAxeViolations(page, 'citizen sign-in');
    await page.getByRole('link', { name: '利用者登録' }).click();
    await page.getByRole('heading', { level: 1, name: '利用者登録' }).waitFor();
    await expectNoAxeViolations(page, 'register');

    // Client-side checks first: the summary lists each problem and links to the field.
    await page.locator('#f-email').fill('not-an-address');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').getByRole('link').count()).toBe(3);
    await page.getByTestId('error-summary').getByRole('link', { name: /お名前/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-displayName');
    await expectNoAxeViolations(page, 'register with errors');
    await screenshot(page, 'portal-register-errors');

    await page.locator('#f-displayName').fill('松阪 花子');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill('a long enough password');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { level: 1, name: '確認メールを送りました' }).waitFor();
    await expectNoAxeViolations(page, 'register done');

    const mail = await lastEmailTo(suite.server, email);
    expect(mail).not.toBeNull();
    const link = linkIn(mail!.text, suite.server.origin);
    expect(link).toContain('/t/matsusaka/account/verify?token=');
    await page.goto(link);
    await page.getByText('メールアドレスを確認しました。').waitFor();
    await expectNoAxeViolations(page, 'verified');

    await page.getByRole('link', { name: 'ログイン' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await page.locator('#signin-email').fill(email);
    await page.locator('#signin-password').fill('wrong password here');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByTestId('error-summary').waitFor();
    await expectNoAxeViolations(page, 'citizen sign-in failed');

    await page.locator('#signin-password').fill('a long enough password');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'マイページ' }).waitFor();
    await page.getByText('松阪 花子さん、こんにちは。').waitFor();
    await page.getByText(email).waitFor();
    await expectNoAxeViolations(page, 'my account');
    await screenshot(page, 'portal-account');

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { level: 1, name: '松阪市' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the registration page in やさしい日本語 and English', async () => {
    const { page, context } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/matsusaka/account/register?lang=ja-easy`);
    await page.getByRole('heading', { level: 1, name: 'とうろく する' }).waitFor();
    await expectNoAxeViolations(page, 'register (ja-easy)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await expectNoAxeViolations(page, 'register (en)');
    await context.close();
  });
});
