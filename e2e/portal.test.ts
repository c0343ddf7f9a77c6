import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addTenant, expectNoAxeViolations, launchBrowser, newPage, overflowsHorizontally, PHONE, screenshot, startServer, type E2eServer } from './support/index.ts';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await addTenant(server, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima City', lgCode: '362018' });
  await addTenant(server, { slug: 'matsusaka', nameJa: '松阪市', nameEn: 'Matsusaka City', lgCode: '242047' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('citizen portal', () => {
  it('lists tenants and opens a portal in Japanese, English and やさしい日本語, remembering the choice', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 1, name: '自治体を選んでください' }).waitFor();
    await expectNoAxeViolations(page, 'tenant list');

    await page.getByRole('link', { name: /徳島市/ }).click();
    await page.getByRole('heading', { level: 1, name: '徳島市' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect.poll(() => page.title()).toContain('徳島市');
    await expect.poll(() => page.getByRole('link', { name: /お知らせ/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'portal (ja)');
    await screenshot(page, 'portal-ja');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tokushima City' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(page, 'portal (en)');
    await screenshot(page, 'portal-en');

    await page.getByRole('button', { name: 'やさしい日本語' }).click();
    await page.getByRole('heading', { level: 2, name: 'できること' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expectNoAxeViolations(page, 'portal (ja-easy)');
    await screenshot(page, 'portal-easy');

    // Remembered: the cookie the server reads, localStorage, and after a reload.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'lang')?.value).toBe('ja-easy');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'できること' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('yakuba.lang'))).toBe('ja-easy');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the notices page of the reference module', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${server.origin}/t/tokushima`);
    await page.getByRole('link', { name: /お知らせ/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'お知らせ' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[role=status]'));
    await expectNoAxeViolations(page, 'notices');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a 360 px phone without sideways scrolling', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE });
    for (const path of ['/t/tokushima', '/t/tokushima/account/login', '/t/tokushima/account/register', '/t/tokushima/notices', '/t/tokushima/admin/signin']) {
      await page.goto(`${server.origin}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[role=status]'));
      expect(await overflowsHorizontally(page), `${path} scrolls sideways at 360 px`).toBe(false);
      await expectNoAxeViolations(page, `${path} (phone)`);
      if (path === '/t/tokushima') await screenshot(page, 'portal-phone');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers an unknown tenant with a page, not a blank screen', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.origin}/t/nowhere`);
    await page.getByRole('heading', { level: 1, name: '自治体が見つかりません' }).waitFor();
    await expectNoAxeViolations(page, 'unknown tenant');
    await context.close();
  });
});
