import { describe, expect, it } from 'vitest';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// The reference module end to end in the browser: staff write a notice, citizens read it in their language.
// Copy this file for a new module.

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, id, '広報', ['notices.manage']);
  await addStaff(server, id, { email: 'koho@tokushima.example.jp', displayName: '広報 花子', password: 'notices editor password', roleIds: [role] });
});

describe('notices', () => {
  it('staff publish a notice; citizens read it in Japanese, English and やさしい日本語', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await signInStaff(page, suite.server.origin, 'tokushima', 'koho@tokushima.example.jp', 'notices editor password');
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: 'お知らせ' }).click();
    await page.getByRole('heading', { level: 1, name: 'お知らせの管理' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[role=status]'));
    await expectNoAxeViolations(page, 'notices admin');
    await page.getByRole('link', { name: 'お知らせを作成' }).click();
    await page.locator('#notice-titleJa').fill('年末年始の窓口について');
    await page.locator('#notice-bodyJa').fill('12月29日から1月3日まで、市役所の窓口はお休みです。');
    await page.locator('#notice-titleEn').fill('City hall over the New Year');
    await page.locator('#notice-bodyEn').fill('City hall counters are closed from 29 December to 3 January.');
    await page.locator('#notice-titleEasy').fill('お正月の まどぐち');
    await page.locator('#notice-bodyEasy').fill('12月29日から 1月3日まで 市役所は やすみです。');
    await page.locator('#notice-publishedAt').fill('2026-01-01T09:00');
    await expectNoAxeViolations(page, 'notice editor');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('link', { name: '年末年始の窓口について' }).waitFor();

    // The portal's home lists it under 新着のお知らせ and links to it.
    await page.goto(`${suite.server.origin}/t/tokushima`);
    await page.getByRole('heading', { level: 2, name: '新着のお知らせ' }).waitFor();
    await expectNoAxeViolations(page, 'portal home with notices');
    await screenshot(page, 'portal-home');
    await page.getByRole('link', { name: '年末年始の窓口について' }).click();
    await page.waitForURL(/\/t\/tokushima\/notices#notice-/);
    await page.getByRole('heading', { level: 2, name: '年末年始の窓口について' }).waitFor();
    await expectNoAxeViolations(page, 'notices (ja)');
    await screenshot(page, 'portal-notices');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'City hall over the New Year' }).waitFor();
    await page.getByRole('button', { name: 'やさしい日本語' }).click();
    await page.getByRole('heading', { level: 2, name: 'お正月の まどぐち' }).waitFor();
    await expectNoAxeViolations(page, 'notices (ja-easy)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
