import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const roleId = await addRole(server, id, '監査担当', ['core.audit.read']);
  await addStaff(server, id, { email: 'kansa@tokushima.example.jp', displayName: '監査 一郎', password: 'keyboard only password', roleIds: [roleId] });
});

/** What has focus, and whether the focus ring is drawn (outline or box-shadow). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const s = getComputedStyle(el);
    return { id: el.id, tag: el.tagName, text: (el.textContent ?? '').trim().slice(0, 40), ring: s.outlineStyle !== 'none' && s.outlineWidth !== '0px' || s.boxShadow !== 'none' };
  });
}

describe('keyboard only', () => {
  it('signs a staff member in with Tab, typing and Enter, with a visible focus ring all the way', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/tokushima/admin/signin`);
    await page.getByRole('heading', { level: 1, name: '職員ログイン' }).waitFor();

    // First Tab: the skip link, shown when focused; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip?.text).toBe('本文へ移動');
    expect(skip?.ring).toBe(true);
    await page.keyboard.press('Enter');
    expect((await focused(page))?.id).toBe('main');

    // Tab to the email field, visiting only visibly focused controls on the way.
    for (let i = 0; i < 10 && (await focused(page))?.id !== 'staff-email'; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page))?.ring).toBe(true);
    }
    expect((await focused(page))?.id).toBe('staff-email');
    await page.keyboard.type('kansa@tokushima.example.jp');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('staff-password');
    await page.keyboard.type('keyboard only password');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await expectNoAxeViolations(page, 'dashboard after keyboard sign-in');

    // Navigate by keyboard to the audit log (the only screen this role allows).
    const nav = page.getByRole('navigation', { name: '職員メニュー' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['ホーム', '監査ログ']);
    await nav.getByRole('link', { name: '監査ログ' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
    // After a client-side navigation focus lands on the new page's heading.
    expect((await focused(page))?.tag).toBe('H1');
    await page.waitForFunction(() => !document.querySelector('[role=status]'));
    await expectNoAxeViolations(page, 'audit log');

    // The table region scrolls and can be reached by Tab (no trap: Tab leaves it again).
    await page.locator('[role=region]').focus();
    await page.keyboard.press('Tab');
    expect((await focused(page))?.tag).not.toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a confirmation dialog by keyboard, leaves it with Escape, and signs out by keyboard', async () => {
    const tenantId = (await suite.server.yakuba.tenants.bySlugName('tokushima'))!.id;
    const editor = await addRole(suite.server, tenantId, 'ロール管理', ['core.roles.manage']);
    await addStaff(suite.server, tenantId, { email: 'roles@tokushima.example.jp', displayName: 'ロール 係', password: 'keyboard only password', roleIds: [editor] });
    const { page, context, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/tokushima/admin/signin`);
    await page.locator('#staff-email').fill('roles@tokushima.example.jp');
    await page.locator('#staff-password').fill('keyboard only password');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();

    await page.goto(`${suite.server.origin}/t/tokushima/admin/roles/${editor}`);
    await expect.poll(() => page.locator('#role-name').inputValue()).toBe('ロール管理');
    await page.getByRole('button', { name: '削除する' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'ロールを削除しますか' });
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await expectNoAxeViolations(page, 'delete dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('#role-name').inputValue()).toBe('ロール管理');

    await page.getByRole('button', { name: 'ログアウト', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/signin/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
