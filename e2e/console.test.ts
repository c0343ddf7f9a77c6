import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addStaff, addTenant, DESKTOP, enrolTotp, expectNoAxeViolations, lastEmailTo, linkIn, newPage, overflowsHorizontally, PHONE, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite, signInDepartmentsOnlyStaff,
} from './support/index.ts';

let tenantId: string;
const ADMIN = { email: 'admin@tokushima.example.jp', password: 'correct horse battery', displayName: '情報 太郎' };
const NEW_PASSWORD = 'a new password from the reset link';

const suite = useBrowserSuite(async (server) => {
  tenantId = (await addTenant(server, TOKUSHIMA)).id;
  await addStaff(server, tenantId, { ...ADMIN, isTenantAdmin: true });
});

const base = () => `${suite.server.origin}/t/tokushima/admin`;

/** Waits until no loading indicator is left (lists are fetched after the page shows). */
async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('[role=status]'));
}

describe('staff console', () => {
  it('an administrator resets a password, signs in, enrols 2FA and manages departments, roles, users, audit and outbox', async () => {
    const { page, context, errors } = await newPage(suite.browser);

    // Password reset request: the email waits in the outbox (jobs are off), and is looked at again later.
    await page.goto(`${base()}/reset`);
    await page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor();
    await expectNoAxeViolations(page, 'password reset request');
    await page.getByLabel(/メールアドレス/).fill(ADMIN.email);
    await page.getByRole('button', { name: '再設定メールを送る' }).click();
    await page.getByText('再設定用のメールを送りました', { exact: false }).waitFor();

    // The emailed link sets a new password.
    const mail = await lastEmailTo(suite.server, ADMIN.email);
    await page.goto(linkIn(mail!.text, suite.server.origin));
    await page.getByRole('heading', { level: 1, name: '新しいパスワードの設定' }).waitFor();
    await expectNoAxeViolations(page, 'password reset confirm');
    await page.locator('#newpw-password').fill(NEW_PASSWORD);
    await page.locator('#newpw-confirm').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await page.getByText('パスワードを設定しました。', { exact: false }).waitFor();

    // Sign-in: an empty submit shows the error summary, focused.
    await page.goto(base());
    await page.waitForURL(/\/admin\/signin/);
    await page.getByRole('heading', { level: 1, name: '職員ログイン' }).waitFor();
    await expectNoAxeViolations(page, 'staff sign-in');
    await screenshot(page, 'console-signin');
    await page.getByRole('button', { name: 'ログインする' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await page.locator('#staff-email').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'staff sign-in with errors');

    // A wrong password: the server's localised message appears in the summary.
    await page.locator('#staff-email').fill(ADMIN.email);
    await page.locator('#staff-password').fill('wrong password 123');
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect.poll(() => summary.innerText()).not.toContain('入力してください');

    // The right one: an administrator without 2FA is sent to enrolment first.
    await page.locator('#staff-password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.waitForURL(/\/admin\/2fa$/);
    await page.getByTestId('totp-secret').waitFor();
    await expectNoAxeViolations(page, '2FA enrolment');
    await screenshot(page, 'console-2fa');
    const secret = await enrolTotp(page);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // Dashboard.
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await expectNoAxeViolations(page, 'dashboard');
    await screenshot(page, 'console-dashboard');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page), 'dashboard scrolls sideways at 360 px').toBe(false);
    await expectNoAxeViolations(page, 'dashboard (phone)');
    const menu = page.getByRole('button', { name: 'メニュー' });
    expect(await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '部署' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '部署' }).waitFor();
    await expectNoAxeViolations(page, 'dashboard (phone, menu open)');
    await screenshot(page, 'console-phone');
    await menu.click();
    await page.setViewportSize(DESKTOP);

    // Departments: create one; a duplicate code comes back from the server next to the field.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '部署' }).click();
    await page.getByRole('heading', { level: 1, name: '部署' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'departments');
    for (const attempt of [1, 2]) {
      await page.getByRole('link', { name: '部署を追加' }).click();
      await page.getByRole('heading', { level: 1, name: '部署を追加' }).waitFor();
      await page.locator('#dept-code').fill('joho');
      await page.locator('#dept-nameJa').fill('情報推進課');
      await page.locator('#dept-nameEn').fill('ICT Division');
      await page.getByRole('button', { name: '保存する' }).click();
      if (attempt === 1) {
        await page.getByRole('heading', { level: 1, name: '部署' }).waitFor();
        await page.getByRole('link', { name: '情報推進課' }).waitFor();
      } else {
        await page.locator('#dept-code-error').waitFor();
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
        await expectNoAxeViolations(page, 'department form with a server error');
        await page.getByRole('link', { name: 'キャンセル' }).click();
      }
    }

    // Deleting asks first, naming the department; confirming removes it from the list.
    await page.getByRole('link', { name: '部署を追加' }).click();
    await page.locator('#dept-code').fill('kari');
    await page.locator('#dept-nameJa').fill('仮設課');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('link', { name: '仮設課' }).click();
    await page.getByRole('heading', { level: 1, name: '部署を編集' }).waitFor();
    await expect.poll(() => page.locator('#dept-nameJa').inputValue()).toBe('仮設課');
    await page.getByRole('button', { name: '削除する' }).click();
    const confirm = page.getByRole('dialog', { name: '部署を削除しますか' });
    await confirm.getByText('「仮設課」を削除します。この操作は取り消せません。').waitFor();
    await expectNoAxeViolations(page, 'delete department dialog');
    await confirm.getByRole('button', { name: '削除する' }).click();
    await page.getByRole('heading', { level: 1, name: '部署' }).waitFor();
    await page.getByRole('link', { name: '情報推進課' }).waitFor();
    expect(await page.getByRole('link', { name: '仮設課' }).count()).toBe(0);

    // Roles: a permission checklist grouped by module, with personal-data markers.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: 'ロールと権限' }).click();
    await page.getByRole('link', { name: 'ロールを作成' }).click();
    await page.locator('#role-name').fill('広報担当');
    await page.locator('#role-description').fill('お知らせの作成と公開');
    await page.getByLabel(/お知らせの作成・公開/).check();
    await page.getByLabel(/部署の管理/).check();
    expect(await page.getByText('個人情報', { exact: true }).count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'role editor');
    await screenshot(page, 'console-role');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('link', { name: '広報担当' }).waitFor();
    await expectNoAxeViolations(page, 'roles');

    // Users: create one with that department and role; the generated password is shown once.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '職員アカウント' }).click();
    await page.getByRole('link', { name: '職員を追加' }).click();
    await page.locator('#user-displayName').fill('広報 花子');
    await page.locator('#user-email').fill('koho@tokushima.example.jp');
    await page.getByLabel('情報推進課').check();
    await page.getByLabel('広報担当').check();
    await expectNoAxeViolations(page, 'user form');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('initial-password').waitFor();
    await expectNoAxeViolations(page, 'user created');
    await page.getByRole('link', { name: '職員アカウントの一覧へ' }).click();
    await page.getByRole('link', { name: '広報 花子' }).waitFor();
    await expectNoAxeViolations(page, 'users');
    await screenshot(page, 'console-users');
    // The console in English, and on a phone (the table scrolls inside its own region).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    await expectNoAxeViolations(page, 'users (en)');
    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page), 'users scrolls sideways at 360 px').toBe(false);
    await screenshot(page, 'console-users-en-phone');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: '日本語', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '職員アカウント' }).waitFor();

    // Edit that user: unlock works and says so.
    await page.getByRole('link', { name: '広報 花子' }).click();
    await page.getByRole('button', { name: 'ロックを解除' }).click();
    await page.getByText('ロックを解除しました。').waitFor();
    await expectNoAxeViolations(page, 'user edit');

    // Audit log: the changes above are there, and a filter narrows them.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '監査ログ' }).click();
    await settled(page);
    await page.getByText('core.user.create').first().waitFor();
    await page.locator('#audit-action').fill('core.user.create');
    await page.getByRole('button', { name: '検索する' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await expectNoAxeViolations(page, 'audit log');
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    await screenshot(page, 'console-audit');

    // Outbox: the reset email, and its body.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '送信メッセージ' }).click();
    await settled(page);
    await expectNoAxeViolations(page, 'outbox');
    await screenshot(page, 'console-outbox');
    await page.locator('tbody a').first().click();
    await page.getByTestId('outbox-body').waitFor();
    expect(await page.getByTestId('outbox-body').innerText()).toContain('/admin/reset?token=');
    await expectNoAxeViolations(page, 'outbox message');

    // Sign out, and back in with the TOTP step.
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/admin\/signin/);
    await signInStaff(page, suite.server.origin, 'tokushima', ADMIN.email, NEW_PASSWORD, secret);
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows staff only the screens their permissions allow', async () => {
    const { page, context } = await signInDepartmentsOnlyStaff(suite.server, suite.browser, tenantId);
    const nav = page.getByRole('navigation', { name: '職員メニュー' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['ホーム', '部署']);
    await page.goto(`${base()}/users`);
    await page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' }).waitFor();
    await expectNoAxeViolations(page, 'forbidden page');
    await context.close();
  });
});
