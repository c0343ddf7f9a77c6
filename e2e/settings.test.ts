import { describe, expect, it } from 'vitest';
import { addStaff, addTenant, signInDepartmentsOnlyStaff, enrolTotp, expectNoAxeViolations, newPage, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// 自治体の設定: the counter contact citizens without internet see on the portal, every module's
// settings, and the way to the OIDC settings; only for staff holding core.settings.manage.

let tenantId: string;
const ADMIN = { email: 'admin@tokushima.example.jp', password: 'correct horse battery', displayName: '情報 太郎' };

const suite = useBrowserSuite(async (server) => {
  tenantId = (await addTenant(server, TOKUSHIMA)).id;
  await addStaff(server, tenantId, { ...ADMIN, isTenantAdmin: true });
});

describe('municipality settings', () => {
  it('an administrator sets the counter contact and a module setting; the portal shows the phone', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await signInStaff(page, suite.server.origin, 'tokushima', ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/admin\/2fa$/);
    await enrolTotp(page);
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '自治体の設定' }).click();
    await page.getByRole('heading', { level: 1, name: '自治体の設定' }).waitFor();
    await page.locator('#contact-phone').waitFor();
    await page.locator('#set-notices-pageSize').waitFor();
    expect(await page.locator('#set-notices-pageSize').inputValue()).toBe('20');
    expect(await page.getByLabel('一覧の表示件数').getAttribute('type')).toBe('number');
    await expectNoAxeViolations(page, 'municipality settings');

    // The counter contact: saved, confirmed in a polite live region.
    await page.getByLabel('電話番号').fill('088-621-5111');
    await page.getByLabel('受付時間（日本語）').fill('平日 8時30分〜17時15分');
    await page.getByLabel('受付時間（英語）').fill('Weekdays 8:30–17:15');
    await page.getByRole('button', { name: '連絡先を保存する' }).click();
    const contactSaved = page.getByText('窓口の連絡先を保存しました。');
    await contactSaved.waitFor();
    expect(await contactSaved.evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite');

    // The notices module's page size.
    await page.locator('#set-notices-pageSize').fill('5');
    await page.getByRole('button', { name: '「お知らせ」の設定を保存する' }).click();
    await page.getByText('「お知らせ」の設定を保存しました。').waitFor();
    await screenshot(page, 'console-settings');

    // A malformed phone: the error sits next to the field and in the summary, which takes focus.
    await page.getByLabel('電話番号').fill('でんわ');
    await page.getByRole('button', { name: '連絡先を保存する' }).click();
    await page.locator('#contact-phone-error').waitFor();
    expect(await page.locator('#contact-phone-error').innerText()).toBe('電話番号は数字とハイフンで入力してください（例：088-621-5111）。');
    expect(await page.locator('#contact-phone').getAttribute('aria-invalid')).toBe('true');
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole('link', { name: /電話番号/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'municipality settings with an error');

    // Both saves stuck: a fresh load shows them.
    await page.reload();
    await page.locator('#set-notices-pageSize').waitFor();
    expect(await page.locator('#set-notices-pageSize').inputValue()).toBe('5');
    expect(await page.locator('#contact-phone').inputValue()).toBe('088-621-5111');

    // Labels follow the UI language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Municipality settings' }).waitFor();
    await page.getByLabel('Notices per page').waitFor();
    await page.getByRole('button', { name: '日本語', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '自治体の設定' }).waitFor();

    // The OIDC settings are a linked section, with a way back.
    await page.getByRole('link', { name: '外部認証（OIDC）の設定を開く' }).click();
    await page.getByRole('heading', { level: 1, name: '外部認証（OIDC）の設定' }).waitFor();
    await page.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: '自治体の設定' }).click();
    await page.getByRole('heading', { level: 1, name: '自治体の設定' }).waitFor();

    // The citizen portal's home: the new phone dials.
    await page.goto(`${suite.server.origin}/t/tokushima`);
    const offline = page.getByRole('region', { name: 'インターネットを利用できない方へ' });
    await offline.waitFor();
    expect(await offline.getByRole('link', { name: '088-621-5111' }).getAttribute('href')).toBe('tel:0886215111');
    expect(await offline.getByTestId('counter-hours').innerText()).toBe('受付時間： 平日 8時30分〜17時15分');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is hidden from staff without core.settings.manage', async () => {
    const { page, context } = await signInDepartmentsOnlyStaff(suite.server, suite.browser, tenantId);
    const nav = page.getByRole('navigation', { name: '職員メニュー' });
    await nav.getByRole('link', { name: '部署' }).waitFor();
    expect(await nav.getByRole('link', { name: '自治体の設定' }).count()).toBe(0);
    await page.goto(`${suite.server.origin}/t/tokushima/admin/settings`);
    await page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' }).waitFor();
    await context.close();
  });
});
