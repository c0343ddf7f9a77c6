import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addRole, addStaff, type E2eServer } from './server.ts';
import { newPage } from './browser.ts';
import { TOTP, Secret } from 'otpauth';

/** The current 6-digit code for a base32 secret; `offsetSteps` moves to a later 30 s window (replay protection). */
export function totpNow(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Fills in the staff sign-in form (and the TOTP step when asked) and waits to leave the sign-in page. */
export async function signInStaff(page: Page, origin: string, slug: string, email: string, password: string, totpSecret?: string): Promise<void> {
  await page.goto(`${origin}/t/${slug}/admin/signin`);
  await page.getByLabel(/メールアドレス|Email/).fill(email);
  await page.getByLabel(/^パスワード|^Password/).fill(password);
  await page.getByRole('button', { name: /ログインする|Sign in/ }).click();
  if (totpSecret) {
    const code = page.locator('#staff-totp');
    await code.waitFor();
    await code.fill(totpNow(totpSecret, 1));
    await page.getByRole('button', { name: /ログインする|Sign in/ }).click();
  }
  await page.waitForURL((u) => !u.pathname.endsWith('/admin/signin'));
}

/** On the 2FA enrolment page: reads the secret shown as text, confirms with a computed code, returns the secret. */
export async function enrolTotp(page: Page): Promise<string> {
  const secretEl = page.getByTestId('totp-secret');
  await secretEl.waitFor();
  const secret = (await secretEl.innerText()).replace(/\s+/g, '');
  await page.locator('#totp-code').fill(totpNow(secret));
  await page.getByRole('button', { name: /設定を完了する|Finish setup/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/admin/2fa'));
  return secret;
}

/**
 * Signs a staff member in whose only permission is managing departments (in a fresh page), for
 * tests of what the console hides from people without a permission.
 */
export async function signInDepartmentsOnlyStaff(server: E2eServer, browser: Browser, tenantId: string): Promise<{ page: Page; context: BrowserContext }> {
  const roleId = await addRole(server, tenantId, '部署管理のみ', ['core.departments.manage']);
  await addStaff(server, tenantId, { email: 'bu@tokushima.example.jp', displayName: '部署 係', password: 'another long password', roleIds: [roleId] });
  const { page, context } = await newPage(browser);
  await signInStaff(page, server.origin, 'tokushima', 'bu@tokushima.example.jp', 'another long password');
  await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
  return { page, context };
}
