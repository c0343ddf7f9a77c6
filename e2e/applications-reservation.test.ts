import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { expectNoAxeViolations, launchBrowser, newPage, overflowsHorizontally, PHONE } from './support/index.ts';
import { startServerWithMail, type MailWorld } from './support/mail.ts';
import { TestClient } from '../src/core/auth/testing.ts';
import { seedDemo } from '../src/core/seed/demo.ts';
import { businessDayAhead, jst } from '../src/modules/reservations/testing.ts';

// Issue 4 "Integration" with issue 3's demo: the seeded 児童扶養手当 面談予約 form books a slot of the
// seeded 児童扶養手当 面談 resource together with the application. A citizen picks a free time on a
// phone and gets both emails; staff see the booking on the roster, tied to the application. A
// second citizen loses their slot to a booking made meanwhile: the refusal names the slot field,
// nothing is stored for that try, and another time goes through.

const TITLE = '児童扶養手当 面談予約';
const FIRST = 'yuko.tokushima@example.jp';
const SECOND = 'mai.tokushima@example.jp';

let world: MailWorld;
let browser: Browser;
let staff: TestClient;
let resourceId: string;
const day = businessDayAhead(8);
const [, month, date] = day.split('-').map(Number);

beforeAll(async () => {
  world = await startServerWithMail();
  // The installation's own demo seed: tenants, departments, staff, then every module's demo data.
  const logins = await seedDemo(world.server.yakuba.platform);
  await world.server.yakuba.tenants.reload();
  const officer = logins.find((l) => l.email === 'kosodate@tokushima.example.jp')!;
  staff = new TestClient(world.server.yakuba.app, '/t/tokushima');
  expect((await staff.login(officer.email, officer.password)).statusCode).toBe(200);
  const resources = await world.server.yakuba.db.rows<{ id: string }>(sql`select r.id from reservations_resources r join tenants t on t.id = r.tenant_id where t.slug = 'tokushima' and r.name_ja = '児童扶養手当 面談'`);
  resourceId = resources[0].id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** From the catalogue to the form's first page (axe on each page). */
async function openForm(page: Page, label: string) {
  const base = `${world.server.origin}/t/tokushima`;
  await page.goto(`${base}/applications`);
  await page.getByRole('heading', { level: 1, name: '電子申請' }).waitFor();
  await expectNoAxeViolations(page, `procedures (${label})`);
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('空いている面談の日時を申請フォームで選んでください', { exact: false }).waitFor();
  await expectNoAxeViolations(page, `procedure (${label})`);
  await page.getByRole('link', { name: '申請をはじめる' }).click();
}

/** Page 1 (the applicant) and on to page 2, where the slot picker is. */
async function fillApplicant(page: Page, [family, given, familyKana, givenKana]: string[], email: string) {
  await page.getByRole('heading', { level: 2, name: '申込者' }).waitFor();
  await page.locator('#apply-applicant-family').fill(family);
  await page.locator('#apply-applicant-given').fill(given);
  await page.locator('#apply-applicant-familyKana').fill(familyKana);
  await page.locator('#apply-applicant-givenKana').fill(givenKana);
  await page.locator('#apply-phone').fill('088-621-5111');
  await page.locator('#apply-email').fill(email);
  await page.getByLabel('離婚', { exact: true }).check();
  await page.locator('#apply-childCount').fill('2');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await page.locator('#apply-interviewSlot-month').waitFor();
}

/** Picks a time of the test's day in the form's month → day → time selects. */
async function pickSlot(page: Page, time: string) {
  await page.locator('#apply-interviewSlot-month').selectOption(day.slice(0, 7));
  await page.locator('#apply-interviewSlot-day').selectOption(day);
  await page.locator('#apply-interviewSlot-time').selectOption(jst(day, time));
}

/** The rest of page 2, then the review page. */
async function finishAndReview(page: Page) {
  await page.getByRole('group', { name: /通訳が必要ですか/ }).getByLabel('いいえ').check();
  await page.locator('#apply-consent').check();
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await page.getByRole('heading', { level: 2, name: '入力内容の確認' }).waitFor();
}

const submissionsOf = async (email: string) => (await world.server.yakuba.db.rows<{ n: number }>(
  sql`select count(*)::int as n from applications_submissions where email = ${email}`))[0].n;

describe('application form with a reservation slot (申請 + 予約)', () => {
  it('a citizen picks a free interview time in the demo form; booking and application are made together', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE });
    await openForm(page, 'ja');
    await fillApplicant(page, ['徳島', '優子', 'トクシマ', 'ユウコ'], FIRST);

    await page.locator('#apply-interviewSlot-month').selectOption(day.slice(0, 7));
    await page.locator('#apply-interviewSlot-day').selectOption(day);
    expect(await page.locator('#apply-interviewSlot-time option', { hasText: '10:00（残り1）' }).count()).toBe(1);
    await page.locator('#apply-interviewSlot-time').selectOption(jst(day, '10:00'));
    await expectNoAxeViolations(page, 'slot picker');
    expect(await overflowsHorizontally(page)).toBe(false);
    await finishAndReview(page);
    await page.getByText(`${month}月${date}日`, { exact: false }).first().waitFor();
    await page.getByText('10:00', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'review');
    await page.getByRole('button', { name: '申請する' }).click();

    const receiptEl = page.getByTestId('receipt-number');
    await receiptEl.waitFor();
    const receipt = (await receiptEl.innerText()).trim();
    const slotShown = page.getByTestId('receipt-reservations');
    expect(await slotShown.textContent()).toMatch(new RegExp(`${month}月${date}日.*10:00`));
    await expectNoAxeViolations(page, 'receipt');

    // Staff: the booking is on the roster, and the application holds its id and number.
    const roster = await staff.send('GET', `/api/admin/reservations/resources/${resourceId}/roster?date=${day}`);
    expect(roster.statusCode, roster.body).toBe(200);
    const booked = roster.data.items.filter((b: { email: string | null }) => b.email === FIRST);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ name: '徳島 優子', kana: 'トクシマ ユウコ', status: 'confirmed', channel: 'online', startsAt: jst(day, '10:00') });
    const inbox = await staff.send('GET', `/api/admin/applications/submissions?q=${encodeURIComponent(receipt)}`);
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.data.total).toBe(1);
    const detail = await staff.send('GET', `/api/admin/applications/submissions/${inbox.data.items[0].id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.data.answers.interviewSlot).toMatchObject({ start: jst(day, '10:00'), bookingId: booked[0].id, reference: booked[0].reference });

    // Both emails through SMTP: the receipt, and the booking with its link to change or cancel.
    const received = await world.mailTo(FIRST, /申請を受け付けました/);
    expect(received.subject).toContain(receipt);
    const confirmed = await world.mailTo(FIRST, /予約が確定しました/);
    expect(confirmed.subject).toContain('10:00');
    expect(confirmed.text).toContain(booked[0].reference);
    expect(confirmed.text).toMatch(new RegExp(`${world.server.origin}/t/tokushima/reservations/manage/[A-Za-z0-9_-]+`));

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a slot taken before submitting is refused at the slot field, nothing is stored, another time goes through', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE });
    await openForm(page, 'ja, second');
    await fillApplicant(page, ['徳島', '舞', 'トクシマ', 'マイ'], SECOND);
    await pickSlot(page, '11:00');
    await finishAndReview(page);

    // Meanwhile someone books the 11:00 seat (one seat per slot) through the public booking API.
    const other = new TestClient(world.server.yakuba.app, '/t/tokushima');
    await other.me();
    const taken = await other.send('POST', `/api/reservations/resources/${resourceId}/bookings`, {
      startsAt: jst(day, '11:00'), name: '鳴門 一郎', email: 'ichiro.naruto@example.jp', phone: '088-000-1111',
    });
    expect(taken.statusCode, taken.body).toBe(201);

    await page.getByRole('button', { name: '申請する' }).click();
    // Back on the slot's page, the message at the field (and in the summary linking to it).
    const fieldError = page.locator('#apply-interviewSlot-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('この枠は満員です');
    await page.getByTestId('error-summary').getByRole('link', { name: /満員/ }).waitFor();
    // The picker reloads what is free: the taken time is no longer offered.
    await page.locator('#apply-interviewSlot-time option', { hasText: '13:00' }).waitFor({ state: 'attached' });
    expect(await page.locator('#apply-interviewSlot-time option', { hasText: '11:00' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'slot full');
    expect(await submissionsOf(SECOND)).toBe(0);

    await pickSlot(page, '13:00');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('heading', { level: 2, name: '入力内容の確認' }).waitFor();
    await page.getByRole('button', { name: '申請する' }).click();
    await page.getByTestId('receipt-number').waitFor();
    expect(await page.getByTestId('receipt-reservations').textContent()).toContain('13:00');

    // Exactly one application of the second citizen, by the staff inbox and in the database.
    const inbox = await staff.send('GET', `/api/admin/applications/submissions?q=${encodeURIComponent('舞')}`);
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.data.total).toBe(1);
    expect(await submissionsOf(SECOND)).toBe(1);
    const roster = await staff.send('GET', `/api/admin/reservations/resources/${resourceId}/roster?date=${day}`);
    const mine = roster.data.items.filter((b: { email: string | null; status: string }) => b.email === SECOND && b.status !== 'cancelled');
    expect(mine.map((b: { startsAt: string }) => b.startsAt)).toEqual([jst(day, '13:00')]);
    expect((await world.mailTo(SECOND, /予約が確定しました/)).subject).toContain('13:00');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the procedure and the slot picker in English without axe violations', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE });
    const base = `${world.server.origin}/t/tokushima`;
    await page.goto(`${base}/applications?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Online applications' }).waitFor();
    await page.getByRole('link', { name: 'Child support allowance: book an interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Child support allowance: book an interview' }).waitFor();
    await page.getByText('pick a free interview time in the form', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'procedure (en)');
    await page.getByRole('link', { name: 'Start your application' }).click();
    await page.locator('#apply-applicant-family').fill('Tokushima');
    await page.locator('#apply-applicant-given').fill('Anna');
    await page.locator('#apply-applicant-familyKana').fill('トクシマ');
    await page.locator('#apply-applicant-givenKana').fill('アンナ');
    await page.locator('#apply-phone').fill('088-621-5111');
    await page.locator('#apply-email').fill('anna@example.jp');
    await page.getByLabel('Divorce', { exact: true }).check();
    await page.locator('#apply-childCount').fill('1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#apply-interviewSlot-month').selectOption(day.slice(0, 7));
    await page.locator('#apply-interviewSlot-day').selectOption(day);
    await page.locator('#apply-interviewSlot-time').selectOption(jst(day, '14:00'));
    await expectNoAxeViolations(page, 'slot picker (en)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
