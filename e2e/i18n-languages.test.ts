import { describe, expect, it } from 'vitest';
import { addTenant, expectNoAxeViolations, newPage, overflowsHorizontally, PHONE, screenshot, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// The community languages on a phone: the switcher's list fits 360 px, the citizen chrome is
// translated, <html lang> follows, and content the server has only in ja/en comes in English.

const suite = useBrowserSuite(async (server) => {
  await addTenant(server, TOKUSHIMA);
});

const OTHER = 'Other languages / その他の言語';

describe('community languages', () => {
  it('switches the portal to 한국어 and Tiếng Việt on a 360 px phone, and back to 日本語', async () => {
    const { page, context, errors } = await newPage(suite.browser, { viewport: PHONE });
    await page.goto(`${suite.server.origin}/t/tokushima`);
    await page.getByRole('heading', { level: 2, name: 'サービス一覧' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByLabel(OTHER).selectOption({ label: '한국어' });
    await page.getByRole('heading', { level: 2, name: '서비스' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    // The city's name has no Korean text: English, not Japanese, is the fallback.
    await page.getByRole('heading', { level: 1, name: 'Tokushima City' }).waitFor();
    expect(await page.getByRole('link', { name: '로그인' }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel(OTHER).inputValue()).toBe('ko');
    expect(await page.getByRole('button', { name: '日本語', exact: true }).getAttribute('aria-pressed')).toBe('false');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoAxeViolations(page, 'portal (ko, phone)');
    await screenshot(page, 'portal-ko-phone');

    await page.getByLabel(OTHER).selectOption({ label: 'Tiếng Việt' });
    await page.getByRole('heading', { level: 2, name: 'Dịch vụ' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.getByRole('heading', { level: 2, name: 'Dành cho người không sử dụng được Internet' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoAxeViolations(page, 'portal (vi, phone)');

    // Remembered for the server (cookie) and across a reload.
    expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('vi');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Dịch vụ' }).waitFor();

    await page.getByRole('button', { name: '日本語', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'サービス一覧' }).waitFor();
    await page.getByRole('heading', { level: 1, name: '徳島市' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await page.getByLabel(OTHER).inputValue()).toBe('');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoAxeViolations(page, 'portal (ja after vi, phone)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a page in a language from the query and names every language in itself', async () => {
    const { page, context, errors } = await newPage(suite.browser, { viewport: PHONE });
    await page.goto(`${suite.server.origin}/t/tokushima/account/login?lang=zh-Hans`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    const options = await page.getByLabel(OTHER).locator('option[value]:not([value=""])').evaluateAll(
      (els) => els.map((o) => `${o.getAttribute('lang')}:${o.textContent}`));
    expect(options).toEqual(['zh-Hans:简体中文', 'ko:한국어', 'vi:Tiếng Việt', 'pt:Português', 'ne:नेपाली']);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoAxeViolations(page, 'sign-in (zh-Hans, phone)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the staff console in Japanese and English', async () => {
    const { page, context, errors } = await newPage(suite.browser, { viewport: PHONE });
    await page.goto(`${suite.server.origin}/t/tokushima/admin/signin`);
    await page.getByRole('button', { name: 'English' }).waitFor();
    expect(await page.getByLabel(OTHER).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'やさしい日本語' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'console sign-in (phone)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
