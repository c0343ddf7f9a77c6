import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, overflowsHorizontally, PHONE } from './support/index.ts';
import { addCitizen, addResource, CITIZEN_PASSWORD, startReservationsWorld, type ReservationsWorld } from './reservations-setup.ts';
import { businessDayAhead } from '../src/modules/reservations/testing.ts';
import { toJstDateString } from '../src/core/ja/dates.ts';

// 予約 on a phone, the parts beyond first-come booking: a citizen enters the lottery of a 特定健診 slot
// (told how the lottery works, then that the result comes by email) and is told so when entering the same
// slot twice; a signed-in citizen books a facility and finds the booking on the account page and on top
// of the reservations list — in Japanese, English and やさしい日本語.

const LOTTERY = { ja: '特定健診 抽選（e2e）', en: 'Health checkup lottery (e2e)' };
const FACILITY = { ja: '市民体育館（e2e）', en: 'City gym (e2e)' };
const CITIZEN = 'awa.hanako@example.jp';

let world: ReservationsWorld;
let browser: Browser;
let lotteryId: string;
let facilityId: string;
const day = businessDayAhead(8);
const [, m, d] = day.split('-').map(Number);

beforeAll(async () => {
  world = await startReservationsWorld();
  lotteryId = await addResource(world, LOTTERY, { entriesUntil: new Date(Date.now() + 5 * 86_400_000).toISOString(), slotsUntil: businessDayAhead(15) });
  facilityId = await addResource(world, FACILITY);
  await addCitizen(world, CITIZEN);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** Opens a resource's calendar, moves to the month of `day` and picks the day; the times of the day are then listed. */
async function openDay(page: Page, resourceId: string, name: string, lang = 'ja') {
  await page.goto(`${world.server.origin}/t/tokushima/reservations/${resourceId}?lang=${lang}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('table').waitFor();
  if (day.slice(0, 7) !== toJstDateString(new Date()).slice(0, 7)) await page.getByRole('button', { name: lang === 'en' ? 'Next month' : '次の月' }).click();
  await page.getByRole('table', { name: lang === 'en' ? /^Free times in / : `${day.slice(0, 4)}年${m}月の空き状況` }).waitFor();
  return page.getByRole('button', { name: lang === 'en' ? new RegExp(`^\\w{3} ${d} `) : new RegExp(`^${m}月${d}日`) });
}

/** Fills the lottery form for 阿波 花子 (born 昭和50年) and sends it. */
async function enter(page: Page) {
  await page.getByRole('heading', { level: 2, name: '抽選に申し込む人の情報' }).waitFor();
  await page.getByText('この枠は抽選です。').waitFor();
  await page.locator('#bk-name').fill('阿波 花子');
  await page.locator('#bk-email').fill(CITIZEN);
  await page.locator('#bk-birthDate').fill('昭和50年4月1日');
  await page.getByRole('button', { name: 'この内容で抽選に申し込む' }).click();
}

describe('reservations: lottery entry and my bookings (予約)', () => {
  it('enters the lottery for a slot, then is told the same slot is already entered', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE });
    const dayButton = await openDay(page, lotteryId, LOTTERY.ja);
    await page.getByText('抽選で決める枠があります').waitFor();
    const notice = await page.getByTestId('lottery-notice').textContent();
    expect(notice).toMatch(/抽選で決めます。申込みは令和\d+年\d+月\d+日 \d\d:\d\dまでです。/);
    await page.getByText('残った枠は先着順で予約できます').waitFor();
    expect(await dayButton.textContent()).toContain('抽選');
    await expectNoAxeViolations(page, 'lottery calendar');
    expect(await overflowsHorizontally(page)).toBe(false);

    await dayButton.click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`${m}月${d}日.*の時間`) }).waitFor();
    await expectNoAxeViolations(page, 'lottery times');
    await page.getByRole('button', { name: /9:00 抽選（定員2人）/ }).click();
    await enter(page);
    await page.getByRole('heading', { level: 2, name: '抽選に申し込みました' }).waitFor();
    expect(await page.getByTestId('lottery-entered-slot').textContent()).toMatch(new RegExp(`${m}月${d}日（.） 9:00〜10:00（${LOTTERY.ja}（特定健診））`));
    await page.getByText('抽選の結果はメールでお知らせします。').waitFor();
    await expectNoAxeViolations(page, 'lottery entered');

    // The same person, the same slot: refused as a duplicate, on the form.
    await (await openDay(page, lotteryId, LOTTERY.ja)).click();
    await page.getByRole('button', { name: /9:00 抽選/ }).click();
    await enter(page);
    await page.getByRole('alert').filter({ hasText: 'この枠にはすでに抽選を申し込んでいます。' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '抽選に申し込む人の情報' }).waitFor();
    await expectNoAxeViolations(page, 'lottery duplicate');

    // English: the notice names the deadline in JST.
    await openDay(page, lotteryId, LOTTERY.en, 'en');
    await page.getByText('Some slots are allocated by lottery').waitFor();
    expect(await page.getByTestId('lottery-notice').textContent()).toMatch(/Entries close .+ \(JST\)\./);
    await expectNoAxeViolations(page, 'lottery calendar (en)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a signed-in citizen books a facility and sees it on the account page and the reservations list', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE });
    const base = `${world.server.origin}/t/tokushima`;
    await page.goto(`${base}/account/login`);
    await page.locator('#signin-email').fill(CITIZEN);
    await page.locator('#signin-password').fill(CITIZEN_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/t/tokushima/account');
    // Nothing booked yet: no section.
    await page.getByRole('button', { name: 'ログアウト' }).waitFor();
    expect(await page.getByTestId('my-bookings').count()).toBe(0);

    await (await openDay(page, facilityId, FACILITY.ja)).click();
    await page.getByRole('button', { name: /9:00 残り2人/ }).click();
    await page.getByRole('heading', { level: 2, name: '予約する人の情報' }).waitFor();
    await page.locator('#bk-name').fill('阿波 花子');
    await page.locator('#bk-email').fill(CITIZEN);
    await page.getByRole('button', { name: 'この内容で予約する' }).click();
    await page.getByRole('heading', { level: 2, name: '予約が完了しました' }).waitFor();
    const reference = (await page.getByTestId('booking-details').locator('dd').first().textContent())!;

    const mine = page.getByRole('region', { name: 'あなたの予約' });
    await page.goto(`${base}/account`);
    await mine.getByRole('link', { name: FACILITY.ja }).waitFor();
    expect(await mine.textContent()).toContain(`${m}月${d}日`);
    expect(await mine.textContent()).toContain('予約済み');
    expect(await mine.textContent()).toContain(reference);
    await expectNoAxeViolations(page, 'account with bookings');

    await page.goto(`${base}/reservations`);
    await page.getByRole('heading', { level: 1, name: '予約' }).waitFor();
    await mine.getByRole('link', { name: FACILITY.ja }).click();
    await page.getByRole('heading', { level: 1, name: FACILITY.ja }).waitFor();
    await page.goto(`${base}/reservations`);
    await mine.waitFor();
    await expectNoAxeViolations(page, 'reservations with my bookings');
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.goto(`${base}/account?lang=en`);
    await page.getByRole('region', { name: 'Your bookings' }).getByText('Booked').waitFor();
    await expectNoAxeViolations(page, 'account with bookings (en)');
    await page.goto(`${base}/reservations?lang=ja-easy`);
    await page.getByRole('region', { name: 'あなたの よやく' }).getByText('よやく できた').waitFor();
    await expectNoAxeViolations(page, 'reservations with my bookings (ja-easy)');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
