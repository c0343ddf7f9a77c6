import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';
import { TestClient } from '../src/core/auth/testing.ts';

// 予約 in the staff console: an officer creates a facility with its rules, takes a phone booking on
// the day roster, checks the caller in, undoes it and cancels through the confirmation dialog,
// downloads the roster as CSV (UTF-8 with BOM and CP932) and turns on the staff iCal feed.

const STAFF = { email: 'yoyaku@tokushima.example.jp', displayName: '予約 担当', password: 'reservations console password' };
const NAME = '市民活動センター 会議室B（e2e）';
const CALLER = '阿波 太郎';

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, id, '予約 設定と受付', ['reservations.manage', 'reservations.process']);
  await addStaff(server, id, { ...STAFF, roleIds: [role] });
});

const origin = () => suite.server.origin;
/** Waits until no loading line is left. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('p[role=status]'));

/** The first open day after today with a free slot, read from the public calendar (this month or the next). */
const openDay = (resourceId: string) => openDayOf(resourceId, null);

/** The same for one exam of a checkup. */
async function openDayOf(resourceId: string, examTypeId: string | null): Promise<string> {
  const client = new TestClient(suite.server.yakuba.app, '/t/tokushima');
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  for (const offset of [0, 1]) {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + offset);
    const res = await client.send('GET', `/api/reservations/resources/${resourceId}/slots?month=${d.toISOString().slice(0, 7)}${examTypeId ? `&examTypeId=${examTypeId}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const day = (res.data.days as { date: string; closed: string | null; slots: { free: number }[] }[])
      .find((x) => x.date > today && !x.closed && x.slots.some((s) => s.free > 0));
    if (day) return day.date;
  }
  throw new Error('no open day');
}

describe('reservations in the staff console', () => {
  let resourceId = '';
  let date = '';

  it('an officer creates a resource with its rules', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '予約の管理' }).click();
    await page.getByRole('heading', { level: 1, name: '予約の管理' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'resources');

    await page.getByRole('link', { name: '予約対象を作成' }).click();
    await page.getByRole('heading', { level: 1, name: '予約対象を作成' }).waitFor();
    // A malformed opening window is refused beside its field.
    await page.locator('#res-hours1').fill('9時から');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expect.poll(() => page.locator('#res-nameJa').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new resource with errors');

    await page.locator('#res-nameJa').fill(NAME);
    await page.locator('#res-venueJa').fill('市民活動センター');
    await page.locator('#res-hours1').fill('09:00-12:00, 13:00-16:00');
    await page.locator('#res-seatsPerSlot').fill('2');
    await page.locator('#res-slotMinutes').fill('60');
    await page.locator('#res-closedDates').fill('2030-01-15 設備点検');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/admin\/reservations\/[0-9a-f-]{36}\?created=1$/);
    resourceId = /reservations\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('保存しました。').waitFor();
    await settled(page);
    await expect.poll(() => page.locator('#res-seatsPerSlot').inputValue()).toBe('2');
    await expect.poll(() => page.locator('#res-closedDates').inputValue()).toBe('2030-01-15 設備点検');
    await expectNoAxeViolations(page, 'resource edit');

    // The list shows it with its roster link.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '予約の管理' }).click();
    await page.getByRole('link', { name: NAME, exact: true }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(NAME) }).innerText()).toMatch(/施設・部屋[\s\S]*市民活動センター[\s\S]*2/);
    await context.close();
  });

  it('takes a phone booking on the roster, checks it in, cancels, exports CSV and makes the iCal feed', async () => {
    expect(resourceId).not.toBe('');
    date = await openDay(resourceId);
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    // The roster opens on today (JST); the date picker moves to the booking day.
    await page.goto(`${origin()}/t/tokushima/admin/reservations/${resourceId}/roster`);
    await page.getByRole('heading', { level: 1, name: `${NAME}の名簿` }).waitFor();
    await expect.poll(() => page.locator('#roster-date').inputValue()).toBe(new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10));
    await page.locator('#roster-date').fill(date);
    await page.getByRole('button', { name: '表示' }).click();
    await page.waitForURL((u) => u.searchParams.get('date') === date);
    await settled(page);
    await page.getByText('この日の予約はありません。').waitFor();
    await expectNoAxeViolations(page, 'roster (empty)');

    // The phone booking: the first free slot, the caller's name, phone and date of birth.
    const slot = page.locator('#pb-startsAt');
    await expect.poll(() => slot.locator('option').count()).toBeGreaterThan(1);
    await slot.selectOption({ index: 1 });
    await page.locator('#pb-name').fill(CALLER);
    await page.locator('#pb-kana').fill('アワ タロウ');
    await page.locator('#pb-phone').fill('088-621-5111');
    await page.locator('#pb-birthDate').fill('1960-04-01');
    await page.getByRole('button', { name: '予約する' }).click();
    await page.getByText(/予約しました（予約番号 /).waitFor();
    const row = page.getByRole('row', { name: new RegExp(CALLER) });
    await expect.poll(() => row.innerText()).toMatch(/予約済み[\s\S]*職員[\s\S]*088-621-5111/);
    await expectNoAxeViolations(page, 'roster with a booking');

    await page.getByRole('button', { name: `受付：${CALLER}` }).click();
    await expect.poll(() => row.getByTestId('roster-status').innerText()).toBe('受付済み');
    await page.getByRole('button', { name: `元に戻す：${CALLER}` }).click();
    await expect.poll(() => row.getByTestId('roster-status').innerText()).toBe('予約済み');

    // CSV: UTF-8 with a BOM and Japanese headers, and CP932 for Excel.
    const utf8 = await page.request.get(await page.getByRole('link', { name: 'CSV（UTF-8）' }).getAttribute('href').then((h) => `${origin()}${h}`));
    expect(utf8.status()).toBe(200);
    const bytes = await utf8.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split(/\r?\n/)[0]).toBe('予約番号,日付,開始,終了,種類,状態,受付方法,氏名,フリガナ,生年月日,性別,電話番号,メールアドレス,備考');
    expect(text).toContain(CALLER);
    expect(text).toContain(date);
    const sjis = await page.request.get(await page.getByRole('link', { name: /Shift_JIS/ }).getAttribute('href').then((h) => `${origin()}${h}`));
    const sjisBytes = await sjis.body();
    expect(sjisBytes[0]).not.toBe(0xef);
    expect(new TextDecoder('shift_jis').decode(sjisBytes)).toContain(`予約番号,日付`);
    expect(new TextDecoder('shift_jis').decode(sjisBytes)).toContain(CALLER);

    // The staff calendar feed: a secret URL with a copy button, serving the bookings.
    await page.getByRole('button', { name: 'URLを作成する' }).click();
    const url = await page.locator('#feed-url').inputValue();
    expect(url).toMatch(/\/t\/tokushima\/api\/reservations\/feeds\/[^/]+\.ics$/);
    await page.getByRole('button', { name: 'コピー' }).waitFor();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await expectNoAxeViolations(page, 'roster with the feed URL');

    // Cancelling asks first; the seat is freed at once.
    await page.getByRole('button', { name: `取消：${CALLER}` }).click();
    const dialog = page.getByRole('dialog', { name: '予約を取り消しますか' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'cancel dialog');
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await expect.poll(() => row.getByTestId('roster-status').innerText()).toBe('取消済み');
    await context.close();
  });

  it('edits a checkup with exam types and books a phone caller for one exam', async () => {
    const api = new TestClient(suite.server.yakuba.app, '/t/tokushima');
    expect((await api.login(STAFF.email, STAFF.password)).statusCode).toBe(200);
    const created = await api.send('POST', '/api/admin/reservations/resources', {
      kind: 'checkup', nameJa: '子宮頸がん検診（e2e）', venueJa: '徳島市保健センター', slotMinutes: 30, opensDaysAhead: 90, closesHoursBefore: 24,
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '11:00' })),
      examTypes: [{ code: 'cervical', nameJa: '子宮頸がん検診', capacityPerSlot: 2, sex: 'female', minAge: 20, intervalFiscalYears: 2 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const checkupId = created.data.id as string;
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.goto(`${origin()}/t/tokushima/admin/reservations/${checkupId}`);
    await page.getByRole('heading', { level: 1, name: '子宮頸がん検診（e2e）' }).waitFor();
    await expect.poll(() => page.locator('#res-exams\\.0\\.code').inputValue()).toBe('cervical');
    await expectNoAxeViolations(page, 'checkup edit');
    // Saving keeps every rule the editor did not touch (it round-trips what the API gave; empty ages stay empty).
    await page.locator('#res-exams\\.0\\.capacity').fill('3');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const after = await api.send('GET', `/api/admin/reservations/resources/${checkupId}`);
    expect(after.data.examTypes[0]).toMatchObject({ code: 'cervical', capacityPerSlot: 3, sex: 'female', minAge: 20, intervalFiscalYears: 2 });
    expect(after.data.examTypes[0].maxAge).toBeNull();
    expect(after.data.hours).toHaveLength(5);

    const day = await openDayOf(checkupId, after.data.examTypes[0].id as string);
    await page.goto(`${origin()}/t/tokushima/admin/reservations/${checkupId}/roster?date=${day}`);
    await page.getByRole('heading', { level: 1, name: '子宮頸がん検診（e2e）の名簿' }).waitFor();
    await settled(page);
    await expect.poll(() => page.locator('#pb-startsAt option').count()).toBeGreaterThan(1);
    await page.locator('#pb-startsAt').selectOption({ index: 1 });
    await page.locator('#pb-name').fill('眉山 花子');
    await page.locator('#pb-birthDate').fill('1980-06-01');
    await page.locator('#pb-sex').selectOption('female');
    await page.getByRole('button', { name: '予約する' }).click();
    await page.getByText(/予約しました（予約番号 /).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /眉山 花子/ }).innerText()).toMatch(/子宮頸がん検診[\s\S]*予約済み/);
    await expectNoAxeViolations(page, 'checkup roster');
    await context.close();
  });
});
