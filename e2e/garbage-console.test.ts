import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ICAL from 'ical.js';
import { fileURLToPath } from 'node:url';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// ごみ in the staff console: an officer creates a category and an area with a weekly rule, publishes,
// and the public calendar and iCal feed show the rule's days; the officer moves the rule to another
// weekday, the preview lists what publishing changes, and after publishing both public views follow.

const STAFF = { email: 'gomi@tokushima.example.jp', displayName: 'ごみ 担当', password: 'garbage console password' };
const CATEGORY = '燃やせるごみ（e2e）';
const AREA = '万代地区（e2e）';
const POLYGON = JSON.stringify({ type: 'Polygon', coordinates: [[[134.55, 34.07], [134.56, 34.07], [134.56, 34.08], [134.55, 34.08], [134.55, 34.07]]] });

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, id, 'ごみ 編集と公開', ['garbage.manage']);
  await addStaff(server, id, { ...STAFF, roleIds: [role] });
});

const origin = () => suite.server.origin;
const admin = (path: string) => `${origin()}/t/tokushima/admin/garbage${path}`;
/** Waits until no loading line is left. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('p[role=status]'));
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The public calendar's dates of a category (default range: today + 62 days). */
async function calendarDays(categoryId: string): Promise<string[]> {
  const res = await fetch(`${origin()}/t/tokushima/api/garbage/areas/e2e-area/calendar`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return (JSON.parse(text).collections as { date: string; categoryId: string }[]).filter((c) => c.categoryId === categoryId).map((c) => c.date);
}

/** The all-day dates of the area's iCal feed for the category, read with a real RFC 5545 parser. */
async function feedDays(): Promise<string[]> {
  const res = await fetch(`${origin()}/t/tokushima/api/garbage/feeds/e2e-area.ics?c=e2eburn`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  for (const e of events) expect(e.startDate.isDate, 'an all-day VALUE=DATE event').toBe(true);
  return events.map((e) => e.startDate.toString().slice(0, 10));
}

/** Publishes from the overview through the confirmation dialog; returns the version shown. */
async function publish(page: Page, label: string): Promise<number> {
  await page.goto(admin(''));
  await page.getByRole('heading', { level: 1, name: 'ごみの管理' }).waitFor();
  await settled(page);
  await page.getByRole('button', { name: '公開する' }).click();
  const dialog = page.getByRole('dialog', { name: '下書きを公開しますか' });
  await dialog.waitFor();
  await expectNoAxeViolations(page, `publish dialog (${label})`);
  await dialog.getByRole('button', { name: '公開する' }).click();
  const done = page.getByText(/版 \d+ を公開しました。/);
  await done.waitFor();
  await expectNoAxeViolations(page, `published (${label})`);
  return Number(/版 (\d+)/.exec((await done.textContent()) ?? '')![1]);
}

/** Sets the rule's weekly weekdays to exactly `days` and saves the rules. */
async function setWeekdays(page: Page, days: number[]): Promise<void> {
  for (let d = 0; d < 7; d++) {
    const box = page.locator(`[id="rule-rules[0].pattern.weekdays-${d}"]`);
    await box.setChecked(days.includes(d));
  }
  await page.getByRole('button', { name: 'ルールを保存する' }).click();
  await page.getByText('ルールを保存しました。', { exact: false }).waitFor();
}

describe('garbage in the staff console', () => {
  let categoryId = '';
  let areaId = '';

  it('an officer sets up a category, an area and its weekly rule, and publishes them', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: 'ごみの管理' }).click();
    await page.getByRole('heading', { level: 1, name: 'ごみの管理' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'overview');

    // A category: the Japanese name is required, the colour goes with its hex.
    await page.getByRole('navigation', { name: 'ごみの管理のメニュー' }).getByRole('link', { name: '分別区分' }).click();
    await page.getByRole('heading', { level: 1, name: '分別区分' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'categories');
    await page.getByRole('link', { name: '分別区分を作成' }).click();
    await page.getByRole('heading', { level: 1, name: '分別区分を作成' }).waitFor();
    await page.locator('#cat-code').fill('e2eburn');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expect.poll(() => page.locator('#cat-name-ja').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new category with errors');
    await page.locator('#cat-name-ja').fill(CATEGORY);
    await page.getByText('名称の他の言語').click();
    await page.locator('#cat-name-en').fill('Burnable (e2e)');
    await page.locator('#cat-color').fill('#d4380d');
    await expect.poll(() => page.locator('output[for="cat-color"]').textContent()).toBe('#d4380d');
    await page.locator('#cat-howTo-ja').fill('朝8時30分までに指定袋で出してください。');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/admin\/garbage\/categories\/[0-9a-f-]{36}\?created=1$/);
    categoryId = /categories\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('保存しました。').waitFor();
    await expect.poll(() => page.locator('#cat-name-en').inputValue()).toBe('Burnable (e2e)');
    await expectNoAxeViolations(page, 'category edit');

    // An area: a polygon that is not closed is refused beside its field.
    await page.goto(admin('/areas'));
    await page.getByRole('heading', { level: 1, name: '収集地区' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'areas');
    await page.getByRole('link', { name: '収集地区を作成' }).click();
    await page.getByRole('heading', { level: 1, name: '収集地区を作成' }).waitFor();
    await page.locator('#area-code').fill('e2e-area');
    await page.locator('#area-name-ja').fill(AREA);
    await page.locator('#area-reading').fill('バンダイチク');
    await page.locator('#area-towns').fill('万代町\n南末広町1丁目');
    await page.locator('#area-geometry').fill(JSON.stringify({ type: 'Polygon', coordinates: [[[134.55, 34.07], [134.56, 34.07], [134.56, 34.08], [134.55, 34.08]]] }));
    await page.getByRole('button', { name: '集積場所を追加' }).click();
    await page.getByLabel('集積場所 1 の名称', { exact: true }).fill('万代町1丁目 集積所');
    await page.getByLabel('集積場所 1 の緯度').fill('34.075');
    await page.getByLabel('集積場所 1 の経度').fill('134.555');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expect.poll(() => page.locator('#area-geometry-error').textContent()).toContain('閉じて');
    await expectNoAxeViolations(page, 'new area with errors');
    await page.locator('#area-geometry').fill(POLYGON);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/admin\/garbage\/areas\/[0-9a-f-]{36}\?created=1$/);
    areaId = /areas\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('保存しました。').waitFor();
    await expect.poll(() => page.getByLabel('集積場所 1 の名称', { exact: true }).inputValue()).toBe('万代町1丁目 集積所');
    await expectNoAxeViolations(page, 'area edit');

    // Its rules: a server 400 lands on the row's field it names, then a weekly Monday rule is saved.
    await page.getByRole('link', { name: '収集ルールを編集' }).click();
    await page.getByRole('heading', { level: 1, name: `${AREA}の収集ルール` }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'rules (empty)');
    await page.getByRole('button', { name: 'ルールを追加' }).click();
    const rule = page.getByTestId('rule-0');
    await rule.getByLabel('分別区分').selectOption({ label: CATEGORY });
    await rule.getByLabel('決め方').selectOption('every_n_weeks');
    await rule.getByLabel('何週ごと').fill('9');
    await rule.getByLabel('起点の収集日').fill('2026-04-06');
    await page.getByRole('button', { name: 'ルールを保存する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expect.poll(() => page.locator('[id="rule-rules[0].pattern.interval"]').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'rules with a server error');
    await screenshot(page, 'garbage-console-rules');
    await rule.getByLabel('決め方').selectOption('weekly');
    await setWeekdays(page, [1]);
    await expect.poll(() => page.getByTestId('error-summary').count()).toBe(0);
    await expectNoAxeViolations(page, 'rules saved');

    expect(await publish(page, 'first')).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('the public calendar and the iCal feed show the published weekday', async () => {
    const days = await calendarDays(categoryId);
    expect(days.length).toBeGreaterThanOrEqual(8);
    expect(new Set(days.map(weekday))).toEqual(new Set([1]));
    const feed = await feedDays();
    expect(feed.length).toBeGreaterThanOrEqual(days.length);
    expect(new Set(feed.map(weekday))).toEqual(new Set([1]));
    for (const d of days) expect(feed).toContain(d);
  });

  it('moving the rule to Thursday shows in the preview, and after publishing in the calendar and feed', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.goto(admin(`/areas/${areaId}/rules`));
    await page.getByRole('heading', { level: 1, name: `${AREA}の収集ルール` }).waitFor();
    await settled(page);
    await setWeekdays(page, [4]);

    // The preview: this month's draft grid and the days publishing adds and removes.
    await page.getByRole('link', { name: 'プレビュー' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'プレビュー' }).waitFor();
    await page.getByTestId('month-grid').waitFor();
    await settled(page);
    await expect.poll(() => page.locator('#pv-area').inputValue()).toBe(areaId);
    const month = await page.locator('#pv-month').inputValue();
    const cells = page.locator('[data-testid="month-grid"] td[data-date]', { hasText: CATEGORY });
    const shown = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-date')!));
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(new Set(shown.map(weekday))).toEqual(new Set([4]));
    for (const d of shown) expect(d.startsWith(month)).toBe(true);
    const listed = async (id: string) => (await page.getByTestId(id).locator('li').allTextContents()).map((s) => s.slice(0, 10));
    const added = await listed('added');
    const removed = await listed('removed');
    expect(new Set(added.map(weekday))).toEqual(new Set([4]));
    expect(new Set(removed.map(weekday))).toEqual(new Set([1]));
    expect(added.length).toBe(shown.length);
    await expectNoAxeViolations(page, 'preview');
    await screenshot(page, 'garbage-console-preview');

    const version = await publish(page, 'second');
    expect(version).toBeGreaterThanOrEqual(2);
    const days = await calendarDays(categoryId);
    expect(days.length).toBeGreaterThanOrEqual(8);
    expect(new Set(days.map(weekday))).toEqual(new Set([4]));
    const feed = await feedDays();
    expect(new Set(feed.map(weekday))).toEqual(new Set([4]));
    for (const d of days) expect(feed).toContain(d);
    await context.close();
  });

  it('the other console pages pass axe, and the overview reads in English', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);

    // The dictionary: an item with a katakana reading and synonyms, found by the list's search.
    await page.goto(admin('/items/new'));
    await page.getByRole('heading', { level: 1, name: '品目を作成' }).waitFor();
    await settled(page);
    await page.locator('#item-name-ja').fill('ペットボトル（e2e）');
    await page.locator('#item-reading').fill('ぺっとぼとる');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.locator('#item-reading').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#item-reading').fill('ペットボトル');
    await page.locator('#item-synonyms').fill('PET, ぺっと');
    await page.locator('#item-categoryId').selectOption({ label: CATEGORY });
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/admin\/garbage\/items\/[0-9a-f-]{36}\?created=1$/);
    await settled(page);
    await expect.poll(() => page.locator('#item-synonyms').inputValue()).toBe('PET\nぺっと');
    await expectNoAxeViolations(page, 'item edit');
    await page.goto(admin('/items'));
    await settled(page);
    await page.locator('#items-q').fill('ペット');
    await page.getByRole('button', { name: '検索する' }).click();
    await page.getByRole('link', { name: 'ペットボトル（e2e）' }).waitFor();
    await expectNoAxeViolations(page, 'items');

    // Exceptions and suspensions: add a cancellation with a note, then delete it.
    await page.goto(admin('/changes'));
    await page.getByRole('heading', { level: 1, name: '例外と休止' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'changes');
    await page.locator('#exc-date').fill('2099-01-05');
    await page.locator('#exc-action').selectOption('cancel');
    await page.locator('#exc-note-ja').fill('台風のため中止');
    await page.getByRole('button', { name: '追加する' }).first().click();
    await page.getByRole('cell', { name: '台風のため中止' }).waitFor();
    await page.locator('#sus-from').fill('2099-12-31');
    await page.locator('#sus-to').fill('2100-01-03');
    await page.getByRole('button', { name: '追加する' }).nth(1).click();
    await page.getByRole('cell', { name: '2099-12-31 – 2100-01-03', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'changes with rows');
    await page.getByRole('button', { name: '削除する 2099-01-05' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '台風のため中止' }).count()).toBe(0);

    for (const [path, title] of [['/notices', 'お知らせ'], ['/notices/new', 'お知らせを作成'], ['/exchange', '取り込みと書き出し']] as const) {
      await page.goto(admin(path));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, title);
    }

    await page.goto(`${admin('')}?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Garbage' }).waitFor();
    await settled(page);
    await expect.poll(() => page.getByTestId('latest').textContent()).toMatch(/Version \d+/);
    await expectNoAxeViolations(page, 'overview (en)');
    await context.close();
  });

  it('a notice is written for every area and published with confirmation', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.goto(admin('/notices/new'));
    await page.getByRole('heading', { level: 1, name: 'お知らせを作成' }).waitFor();
    await settled(page);
    await page.locator('#ntc-kind').selectOption('cancellation');
    await page.locator('#ntc-allAreas').uncheck();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expectNoAxeViolations(page, 'new notice with errors');
    await page.locator('#ntc-allAreas').check();
    await page.locator('#ntc-title-ja').fill('台風のため収集を中止します（e2e）');
    await page.locator('#ntc-body-ja').fill('明日の収集はありません。');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/admin\/garbage\/notices\/[0-9a-f-]{36}\?created=1$/);
    await settled(page);
    await page.getByRole('button', { name: '公開して通知する' }).click();
    const dialog = page.getByRole('dialog', { name: 'お知らせを公開しますか' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'publish notice dialog');
    await dialog.getByRole('button', { name: '公開して通知する' }).click();
    await page.getByText(/公開しました。通知を \d+ 件送りました。/).waitFor();
    const res = await fetch(`${origin()}/t/tokushima/api/garbage/notices?area=e2e-area`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('台風のため収集を中止します（e2e）');
    await page.goto(admin('/notices'));
    await page.getByRole('link', { name: '台風のため収集を中止します（e2e）' }).waitFor();
    await expectNoAxeViolations(page, 'notices with a published one');
    await context.close();
  });

  it('5374 files are checked first, then imported, and the exports download', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.goto(admin('/exchange'));
    await page.getByRole('heading', { level: 1, name: '取り込みと書き出し' }).waitFor();
    await settled(page);
    // A standard dataset without its columns: the report names file, row and column, and import stays off.
    await page.locator('#x-std-file').setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from('名前,値\nりんご,1\n') });
    await page.getByRole('button', { name: '確認する（取り込まない）' }).nth(1).click();
    await page.getByText(/エラーが \d+ 件あります。/).waitFor();
    const findings = page.getByRole('region', { name: 'ファイルごとの指摘' });
    await findings.getByRole('cell', { name: /列「.+」がありません。/ }).first().waitFor();
    expect(await findings.getByRole('cell', { name: 'エラー', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '取り込む', exact: true }).nth(1).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'standard dry run with errors');

    const fixtures = fileURLToPath(new URL('../src/modules/garbage/exchange/fixtures/5374/', import.meta.url));
    for (const f of ['area_days', 'target', 'description', 'remarks', 'center']) await page.locator(`#x-${f}`).setInputFiles(`${fixtures}${f}.csv`);
    const importButton = page.getByRole('button', { name: '取り込む', exact: true }).first();
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '確認する（取り込まない）' }).first().click();
    await page.getByRole('heading', { name: '確認の結果' }).waitFor();
    await page.getByText('問題は見つかりませんでした。', { exact: false }).waitFor();
    await screenshot(page, 'garbage-console-import');
    await expectNoAxeViolations(page, 'import dry run');
    await importButton.click();
    await page.getByText('取り込みました。', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'imported');
    const href = await page.getByRole('link', { name: 'area_days.csv' }).getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv).toContain('本町1丁目');
    await context.close();
  });
});
