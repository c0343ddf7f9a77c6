import { describe, expect, it } from 'vitest';
import { addTenant, expectNoAxeViolations, MATSUSAKA, newPage, overflowsHorizontally, PHONE, screenshot, setContact, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  await addTenant(server, MATSUSAKA);
  await setContact(server, id, { phone: '088-621-5111', hoursJa: '平日 8時30分〜17時15分', hoursEn: 'Weekdays 8:30–17:15' });
});

describe('citizen portal', () => {
  it('lists tenants and opens a portal in Japanese, English and やさしい日本語, remembering the choice', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await page.getByRole('heading', { level: 1, name: '自治体を選んでください' }).waitFor();
    await expectNoAxeViolations(page, 'tenant list');

    await page.getByRole('link', { name: /徳島市/ }).click();
    await page.getByRole('heading', { level: 1, name: '徳島市' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect.poll(() => page.title()).toContain('徳島市');
    await expect.poll(() => page.getByRole('link', { name: /お知らせ/ }).count()).toBeGreaterThan(0);
    // The counter contact from the tenant's settings: the phone dials, the hours follow the language.
    const offline = page.getByRole('region', { name: 'インターネットを利用できない方へ' });
    expect(await offline.getByRole('link', { name: '088-621-5111' }).getAttribute('href')).toBe('tel:0886215111');
    expect(await offline.getByTestId('counter-hours').innerText()).toBe('受付時間： 平日 8時30分〜17時15分');
    await expectNoAxeViolations(page, 'portal (ja)');
    await screenshot(page, 'portal-ja');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tokushima City' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('counter-hours').innerText()).toBe('Hours: Weekdays 8:30–17:15');
    await expectNoAxeViolations(page, 'portal (en)');
    await screenshot(page, 'portal-en');

    await page.getByRole('button', { name: 'やさしい日本語' }).click();
    await page.getByRole('heading', { level: 2, name: 'できること' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await page.getByTestId('counter-phone').innerText()).toBe('でんわ： 088-621-5111');
    expect(await page.getByTestId('counter-hours').innerText()).toBe('うけつけ じかん： 平日 8時30分〜17時15分');
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

  it('shows no phone or hours for a city that has not set them', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/matsusaka`);
    await page.getByRole('heading', { level: 2, name: 'インターネットを利用できない方へ' }).waitFor();
    expect(await page.getByTestId('counter-phone').count()).toBe(0);
    expect(await page.getByTestId('counter-hours').count()).toBe(0);
    expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the notices page of the reference module', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/tokushima`);
    await page.getByRole('link', { name: /お知らせ/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'お知らせ' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[role=status]'));
    await expectNoAxeViolations(page, 'notices');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a 360 px phone without sideways scrolling', async () => {
    const { page, context, errors } = await newPage(suite.browser, { viewport: PHONE });
    for (const path of ['/t/tokushima', '/t/tokushima/account/login', '/t/tokushima/account/register', '/t/tokushima/notices', '/t/tokushima/admin/signin']) {
      await page.goto(`${suite.server.origin}${path}`);
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
    const { page, context } = await newPage(suite.browser);
    await page.goto(`${suite.server.origin}/t/nowhere`);
    await page.getByRole('heading', { level: 1, name: '自治体が見つかりません' }).waitFor();
    await expectNoAxeViolations(page, 'unknown tenant');
    await context.close();
  });
});
