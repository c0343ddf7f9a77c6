import type { Page } from 'playwright-core';
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
