import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { expectNoAxeViolations, launchBrowser, newPage, overflowsHorizontally, screenshot } from './support/index.ts';
import { attachment, RESOURCE, startReservationsWorld, type ReservationsWorld } from './reservations-setup.ts';
import { businessDayAhead, jst } from '../src/modules/reservations/testing.ts';
import { toJstDateString } from '../src/core/ja/dates.ts';

// 予約 end to end on a phone: a citizen books a 乳がん検診 slot in the month calendar (after being told
// which eligibility rule a too-young date of birth breaks), gets the confirmation through a real SMTP
// server with a `.ics` that a real iCalendar parser reads as the booked JST slot, staff see the booking
// on the roster, the citizen moves it to another time and cancels through the emailed link — the seats
// are free again at once.

const PHONE_390 = { width: 390, height: 844 };
const CITIZEN = 'sachiko.tokushima@example.jp';

let world: ReservationsWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startReservationsWorld();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** Opens the resource's calendar on the month of `day` and returns the day's button. */
async function openDay(page: Page, base: string, resourceId: string, day: string) {
  await page.goto(`${base}/reservations/${resourceId}`);
  await page.getByRole('heading', { level: 1, name: RESOURCE }).waitFor();
  await page.getByRole('table').waitFor();
  if (day.slice(0, 7) !== toJstDateString(new Date()).slice(0, 7)) {
    await page.getByRole('button', { name: '次の月' }).click();
  }
  const [, m, d] = day.split('-').map(Number);
  await page.getByRole('table', { name: `${day.slice(0, 4)}年${m}月の空き状況` }).waitFor();
  return page.getByRole('button', { name: new RegExp(`^${m}月${d}日`) });
}

describe('reservations (予約)', () => {
  it('a citizen books a checkup on a phone, gets the .ics by email, staff see it, changes it and cancels through the emailed link', async () => {
    const { page, errors } = await newPage(browser, { viewport: PHONE_390 });
    const base = `${world.server.origin}/t/tokushima`;
    const day = businessDayAhead(8);
    const [, m, d] = day.split('-').map(Number);

    // The list of what can be booked.
    await page.goto(`${base}/reservations`);
    await page.getByRole('heading', { level: 1, name: '予約' }).waitFor();
    await page.getByRole('link', { name: RESOURCE }).waitFor();
    await page.getByText('徳島市保健センター').first().waitFor();
    await expectNoAxeViolations(page, 'resources');
    expect(await overflowsHorizontally(page)).toBe(false);

    // The month calendar: six free 30-minute seats on the day; the exam's rules are stated.
    let dayButton = await openDay(page, base, world.resourceId, day);
    expect(await page.getByLabel('検診の種類').inputValue()).not.toBe('');
    await page.getByText('対象：女性・40歳以上・2年度に1回').waitFor();
    expect(await dayButton.textContent()).toContain('空き6');
    await expectNoAxeViolations(page, 'calendar');
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'reservations-calendar', false);
    await dayButton.click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`${m}月${d}日.*の時間`) }).waitFor();
    await expectNoAxeViolations(page, 'times');
    await page.getByRole('button', { name: /9:00 残り1人/ }).click();

    // The form: a too-young date of birth (和暦) is refused naming the rule; then the booking goes through.
    await page.getByRole('heading', { level: 2, name: '予約する人の情報' }).waitFor();
    await page.locator('#bk-name').fill('徳島 幸子');
    await page.locator('#bk-kana').fill('とくしま さちこ');
    await page.locator('#bk-email').fill(CITIZEN);
    await page.locator('#bk-phone').fill('088-621-5111');
    await page.getByLabel('女性').check();
    await page.locator('#bk-birthDate').fill('平成20年4月1日');
    await page.getByRole('button', { name: 'この内容で予約する' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('年齢の条件（下限）');
    await expectNoAxeViolations(page, 'booking form with errors');
    await screenshot(page, 'reservations-form-errors', false);
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bk-birthDate');
    await page.locator('#bk-birthDate').fill('昭和55年5月10日');
    await page.locator('#bk-birthDate-read').getByText('1980-05-10（昭和55年5月10日）').waitFor();
    await page.getByRole('button', { name: 'この内容で予約する' }).click();

    // The confirmation: number, JST time with 和暦, venue, what to bring, the manage link.
    await page.getByRole('heading', { level: 2, name: '予約が完了しました' }).waitFor();
    const details = await page.getByTestId('booking-details').textContent();
    expect(details).toContain('令和');
    expect(details).toContain('9:00〜9:30');
    expect(details).toContain('徳島市保健センター');
    expect(details).toContain('健康保険証');
    await page.getByRole('link', { name: '予約の確認・変更・取消' }).waitFor();
    await expectNoAxeViolations(page, 'confirmation');
    await screenshot(page, 'reservations-confirmation', false);

    // Staff see it on the day's roster.
    const roster = await world.staff.send('GET', `/api/admin/reservations/resources/${world.resourceId}/roster?date=${day}`);
    expect(roster.statusCode, roster.body).toBe(200);
    const listed = roster.data.items.find((b: { email: string | null }) => b.email === CITIZEN);
    expect(listed).toMatchObject({ name: '徳島 幸子', status: 'confirmed', channel: 'online', birthDate: '1980-05-10', startsAt: jst(day, '09:00') });
    expect(details).toContain(listed.reference);

    // The email through SMTP: a valid .ics whose event is the booked slot.
    const mail = await world.mailTo(CITIZEN, /予約が確定しました/);
    const ics = attachment(mail.raw, 'reservation.ics');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(jst(day, '09:00'));
    expect(event.endDate.toJSDate().toISOString()).toBe(jst(day, '09:30'));
    const link = new RegExp(`${world.server.origin}/t/tokushima/reservations/manage/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
    expect(link, mail.text).toBeTruthy();

    // Meanwhile the calendar counts the seat as taken.
    dayButton = await openDay(page, base, world.resourceId, day);
    expect(await dayButton.textContent()).toContain('空き5');

    // The emailed link: see the booking and move it to 10:00 (a new booking number and link by email).
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'ご予約の確認' }).waitFor();
    expect(await page.getByTestId('booking-details').textContent()).toContain('予約済み');
    await expectNoAxeViolations(page, 'manage');
    await screenshot(page, 'reservations-manage', false);
    await page.getByRole('link', { name: '日時を変更する' }).click();
    await page.getByText('変更する日時を選んでください。').waitFor();
    if (day.slice(0, 7) !== toJstDateString(new Date()).slice(0, 7)) await page.getByRole('button', { name: '次の月' }).click();
    await page.getByRole('button', { name: new RegExp(`^${m}月${d}日`) }).click();
    expect(await page.getByRole('button', { name: /9:00/ }).count()).toBe(0);
    await page.getByRole('button', { name: /10:00 残り1人/ }).click();
    await page.getByRole('button', { name: 'この日時に変更する' }).click();
    await page.getByText('日時を変更しました。').waitFor();
    expect(await page.getByTestId('booking-details').textContent()).toContain('10:00〜10:30');
    await expectNoAxeViolations(page, 'changed');
    const moved = await world.mailTo(CITIZEN, /予約が確定しました（.*10:00/);
    const movedLink = new RegExp(`${world.server.origin}/t/tokushima/reservations/manage/[A-Za-z0-9_-]+`).exec(moved.text)?.[0];
    expect(movedLink).toBeTruthy();
    expect(movedLink).not.toBe(link);
    await page.goto(link!);
    await page.getByTestId('booking-details').getByText('取消済み').waitFor();

    // The new link: cancel after confirming in a dialog.
    await page.goto(movedLink!);
    await page.getByRole('heading', { level: 1, name: 'ご予約の確認' }).waitFor();
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    const dialog = page.getByRole('dialog', { name: '予約を取り消す' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'cancel dialog');
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await page.getByText('予約を取り消しました。').waitFor();
    await page.getByTestId('booking-details').getByText('取消済み').waitFor();
    expect(await page.getByRole('button', { name: '予約を取り消す' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'manage after cancel');

    // The seat is free again at once.
    dayButton = await openDay(page, base, world.resourceId, day);
    expect(await dayButton.textContent()).toContain('空き6');
    // By keyboard: Enter on the day moves focus to its times; Tab reaches the first time.
    await dayButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /9:00 残り1人/ }).waitFor();
    await page.getByRole('button', { name: /10:00 残り1人/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('times-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('9:00');

    // The same calendar in やさしい日本語 and English.
    await page.goto(`${base}/reservations/${world.resourceId}?lang=ja-easy`);
    await page.getByLabel('けんしんの しゅるい').waitFor();
    await page.getByRole('button', { name: 'つぎの 月' }).waitFor();
    await expectNoAxeViolations(page, 'calendar (ja-easy)');
    await page.goto(`${base}/reservations/${world.resourceId}?lang=en`);
    await page.getByLabel('Type of checkup').waitFor();
    await page.getByText('For: women, aged 40 or over, once every 2 fiscal years').waitFor();
    await expectNoAxeViolations(page, 'calendar (en)');
    expect(errors).toEqual([]);
  });

  it('offers the waiting list on a full slot and registers the citizen on it', async () => {
    const day = businessDayAhead(8);
    const [, m, d] = day.split('-').map(Number);
    // A phone caller took the 11:00 seat at the counter (same capacity as online bookings).
    const resource = await world.staff.send('GET', `/api/admin/reservations/resources/${world.resourceId}`);
    const taken = await world.staff.send('POST', `/api/admin/reservations/resources/${world.resourceId}/bookings`, {
      startsAt: jst(day, '11:00'), examTypeId: resource.data.examTypes[0].id, name: '電話 予約子', phone: '088-000-1111', birthDate: '1970-01-01', sex: 'female',
    });
    expect(taken.statusCode, taken.body).toBe(201);

    const { page, errors } = await newPage(browser, { viewport: PHONE_390 });
    const base = `${world.server.origin}/t/tokushima`;
    const dayButton = await openDay(page, base, world.resourceId, day);
    expect(await dayButton.textContent()).toContain('空き5');
    await dayButton.click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`${m}月${d}日.*の時間`) }).waitFor();
    await page.getByRole('button', { name: /11:00 満員（キャンセル待ち）/ }).click();
    await page.getByText('この時間は満員です。キャンセル待ちとして登録します。').waitFor();
    await page.locator('#bk-name').fill('鳴門 和子');
    await page.locator('#bk-email').fill('kazuko@example.jp');
    await page.getByLabel('女性').check();
    await page.locator('#bk-birthDate').fill('S50.1.2');
    await expectNoAxeViolations(page, 'waiting list form');
    await page.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
    await page.getByText('キャンセル待ちに登録しました。').waitFor();
    expect(await page.getByTestId('booking-details').textContent()).toContain('キャンセル待ち');
    await expectNoAxeViolations(page, 'waiting list registered');
    expect((await world.mailTo('kazuko@example.jp', /キャンセル待ちに登録しました/)).text).toContain('/reservations/manage/');
    expect(errors).toEqual([]);
  });
});
