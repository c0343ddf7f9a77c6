import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';
import { createDepartments } from '../src/core/seed/tenants.ts';
import { TestClient } from '../src/core/auth/testing.ts';

// 電子申請 in the staff console: a builder makes a procedure and its form with the keyboard-friendly
// builder, previews and publishes it; a citizen applies through the HTTP API; the owning department
// processes the application and exports it, while another department never sees it.

const PASSWORD = 'applications console password';
const BUILDER = { email: 'kosodate@tokushima.example.jp', displayName: '子育て 花子' };
const OTHER = { email: 'zeimu@tokushima.example.jp', displayName: '税務 次郎' };
const OVERSEER = { email: 'soumu@tokushima.example.jp', displayName: '総務 三郎' };
const TITLE = '一時預かり保育の申込';
let tenantId = '';

const suite = useBrowserSuite(async (server) => {
  tenantId = (await addTenant(server, TOKUSHIMA)).id;
  const depts = await server.yakuba.platform.inTenant(tenantId, (tx) => createDepartments(tx, tenantId, [
    ['kosodate', '子育て支援課', 'Child Support'], ['zeimu', '税務課', 'Taxation'],
  ]));
  const builder = await addRole(server, tenantId, '電子申請 作成と処理', ['applications.manage', 'applications.process']);
  const processor = await addRole(server, tenantId, '電子申請 処理', ['applications.process']);
  await addStaff(server, tenantId, { ...BUILDER, password: PASSWORD, roleIds: [builder], departmentIds: [depts.get('kosodate')!] });
  await addStaff(server, tenantId, { ...OTHER, password: PASSWORD, roleIds: [processor], departmentIds: [depts.get('zeimu')!] });
  const overseer = await addRole(server, tenantId, '電子申請 全課の処理', ['applications.process_all']);
  await addStaff(server, tenantId, { ...OVERSEER, password: PASSWORD, roleIds: [overseer], departmentIds: [] });
});

const origin = () => suite.server.origin;
/** Waits until no loading line is left. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('p[role=status]'));

/** Adds a field of a type to the list whose add button is `addId`, then names it. */
async function addField(page: Page, addId: string, type: string, loc: string, label: string, key: string, required = false) {
  await page.locator(`#${addId}`).click();
  await page.locator(`#${addId}-menu-${type}`).click();
  await page.locator(`#bf-${loc}-label-ja`).fill(label);
  await page.locator(`#bf-${loc}-key`).fill(key);
  if (required) await page.locator(`#bf-${loc}-required`).check();
}

describe('applications in the staff console', () => {
  let procedureId = '';
  let receipt = '';

  it('a builder creates a procedure, builds its form, previews and publishes it', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', BUILDER.email, PASSWORD);
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '手続きとフォーム' }).click();
    await page.getByRole('heading', { level: 1, name: '手続きとフォーム' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'procedures');

    // The catalogue entry.
    await page.getByRole('link', { name: '手続きを作成' }).click();
    await page.getByRole('heading', { level: 1, name: '手続きを作成' }).waitFor();
    await page.locator('#proc-titleJa').fill(TITLE);
    await page.locator('#proc-summaryJa').fill('保護者の病気や用事のとき、保育所でお子さんをお預かりします。');
    await page.locator('#proc-titleEn').fill('Temporary childcare');
    await page.locator('#proc-category').selectOption('childcare');
    await page.locator('#proc-departmentId').selectOption({ label: '子育て支援課' });
    await expectNoAxeViolations(page, 'new procedure');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/admin\/applications\/procedures\/[0-9a-f-]{36}\?created=1$/);
    procedureId = /procedures\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('保存しました。').waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'procedure edit');

    // The form: page 1 asks a required name, a radio, and a field shown only for one answer.
    await page.getByRole('link', { name: 'フォームを編集' }).first().click();
    await page.getByRole('heading', { level: 1, name: `フォームの作成：${TITLE}` }).waitFor();
    await page.locator('#bp-0-title-ja').fill('申請者について');
    // The add menu works from the keyboard: Enter opens it on the first type, Escape closes it and returns.
    await page.locator('#ba-0-0').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ba-0-0-menu-text');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ba-0-0');
    await addField(page, 'ba-0-0', 'text', '0-0-0', '保護者の氏名', 'parentName', true);
    await addField(page, 'ba-0-0', 'radio', '0-0-1', 'きょうだいも預けますか', 'siblings', true);
    await addField(page, 'ba-0-0', 'textarea', '0-0-2', 'きょうだいの年齢', 'siblingAges');
    await page.locator('#bf-0-0-2-showIf-mode-simple').check();
    await page.locator('#bf-0-0-2-showIf-field').selectOption('siblings');
    await page.locator('#bf-0-0-2-showIf-op').selectOption('eq');
    await page.locator('#bf-0-0-2-showIf-value').selectOption('yes');
    await expectNoAxeViolations(page, 'form builder with a field open');
    await screenshot(page, 'applications-builder');

    // Order with the keyboard: move the last field up and back down with the up/down buttons.
    await page.locator('#bf-0-0-2-up').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#bf-0-0-1-edit').getAttribute('aria-label')).toContain('きょうだいの年齢');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bf-0-0-1-up');
    await page.locator('#bf-0-0-1-down').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#bf-0-0-2-edit').getAttribute('aria-label')).toContain('きょうだいの年齢');

    // Page 2: a repeating group; until it has a field the live check names the problem and links to it.
    await page.locator('#bpages-add').click();
    await page.locator('#bp-1-title-ja').fill('お子さん');
    await addField(page, 'ba-1-0', 'group', '1-0-0', 'お預かりするお子さん', 'children');
    const problems = page.getByTestId('builder-problems');
    await problems.getByText('繰り返し項目には1つ以上の項目が必要です。', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'form builder with a problem');
    await page.locator('#bf-1-0-0-edit').click();
    await problems.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ba-1-0-0');
    await addField(page, 'ba-1-0-0', 'text', '1-0-0-0', 'お子さんの名前', 'childName', true);
    await page.getByText('フォームに問題は見つかりませんでした。').waitFor();

    // A skip rule on page 1 (no siblings → straight to review) and a computed fee (children × 3,000円).
    await page.locator('#bpl-0').click();
    await page.getByText('ページの詳しい設定', { exact: false }).click();
    await page.locator('#bp-0-next-add').click();
    await page.locator('#bp-0-next-0-if-field').selectOption('siblings');
    await page.locator('#bp-0-next-0-if-value').selectOption('no');
    await page.locator('#bp-0-next-0-goTo').selectOption('review');
    await page.locator('#bcomputed-add').click();
    await page.locator('#bc-0-label-ja').fill('利用料の目安');
    await page.locator('#bc-0-key').fill('fee');
    await page.locator('#bc-0-format').selectOption('yen');
    await page.locator('#bc-0-expr-amount').fill('3000');
    await expectNoAxeViolations(page, 'form builder with a skip rule and a computed value');

    // Deleting a page asks with the app's dialog (cancel keeps it, 削除 removes it).
    await page.locator('#bpages-add').click();
    await page.locator('#bpl-2-del').click();
    const del = page.getByRole('dialog', { name: 'ページと、その中の項目をすべて削除しますか' });
    await del.waitFor();
    await expectNoAxeViolations(page, 'delete page dialog');
    await del.getByRole('button', { name: 'キャンセル' }).click();
    expect(await page.locator('#bpl-2').count()).toBe(1);
    await page.locator('#bpl-2-del').click();
    await del.getByRole('button', { name: '削除' }).click();
    await expect.poll(() => page.locator('#bpl-2').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bpages-add');
    // Leaving by a link with unsaved changes asks first; staying keeps the builder.
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '電子申請の受付' }).click();
    const leave = page.getByRole('dialog', { name: '保存していない変更があります' });
    await leave.waitFor();
    await expectNoAxeViolations(page, 'leave dialog');
    await leave.getByRole('button', { name: 'キャンセル' }).click();
    expect(page.url()).toMatch(/\/form$/);
    await page.locator('#bpl-0').click();
    await page.locator('#bp-0-title-ja').waitFor();

    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByText('第1版の下書きを保存しました。').waitFor();

    // Preview: the citizen's form, its validation and its conditional field.
    await page.getByRole('tab', { name: 'プレビュー' }).click();
    await page.getByRole('heading', { level: 2, name: 'プレビュー' }).waitFor();
    await page.getByRole('button', { name: '次へ進む' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('保護者の氏名');
    await expectNoAxeViolations(page, 'preview with errors');
    expect(await page.locator('#preview-siblingAges').count()).toBe(0);
    await page.locator('#preview-parentName').fill('徳島 花子');
    await page.locator('#preview-siblings--no').check();
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.locator('#preview-step').getByText('確認画面').waitFor();
    await page.getByRole('button', { name: '戻る' }).click();
    await page.locator('#preview-siblings--yes').check();
    await page.locator('#preview-siblingAges').waitFor();
    await page.getByRole('group', { name: 'フォームの言語' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.getByRole('heading', { level: 3, name: 'お子さん' }).waitFor();
    await page.locator('#preview-children-0-childName').fill('徳島 はると');
    await expectNoAxeViolations(page, 'preview page 2');
    await page.getByRole('group', { name: 'フォームの言語' }).getByRole('button', { name: '日本語', exact: true }).click();
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.getByText('利用料の目安：3,000円').waitFor();
    await expectNoAxeViolations(page, 'preview review step');

    // The tabs follow the arrow keys.
    await page.getByRole('tab', { name: 'プレビュー' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: '編集' }).getAttribute('aria-selected')).toBe('true');
    await page.locator('#bp-0-title-ja').waitFor();

    // Publish (asked first).
    await page.getByRole('button', { name: '公開する' }).click();
    const dialog = page.getByRole('dialog', { name: 'フォームを公開しますか' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'publish dialog');
    await dialog.getByRole('button', { name: '公開する' }).click();
    await page.getByText('公開しました。これからの申請は第1版で受け付けます。').waitFor();

    // Citizens find it in the catalogue.
    await page.goto(`${origin()}/t/tokushima/applications`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the owning department processes and exports the application; another department never sees it', async () => {
    // A citizen applies through the public HTTP API.
    const citizen = new TestClient(suite.server.yakuba.app);
    await citizen.me();
    const proc = await citizen.send('GET', `/api/applications/procedures/${procedureId}`);
    expect(proc.statusCode).toBe(200);
    const res = await citizen.send('POST', `/api/applications/procedures/${procedureId}/submissions`, {
      versionId: proc.data.form.versionId, email: 'hanako@example.jp', submitToken: 'e2e-console-1',
      answers: { parentName: '徳島 花子', siblings: 'yes', siblingAges: '5歳', children: [{ childName: '徳島 はると' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    receipt = res.data.receiptNumber;

    const { page, context, errors } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', BUILDER.email, PASSWORD);
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '電子申請の受付' }).click();
    await page.getByRole('heading', { level: 1, name: '電子申請の受付' }).waitFor();
    await page.getByRole('link', { name: receipt }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'inbox');
    await screenshot(page, 'applications-inbox');

    // Exports: CSV with a BOM, CSV for Excel in CP932, JSON.
    const csvLink = page.getByRole('link', { name: `CSV（UTF-8）：${TITLE}` });
    const utf8 = await context.request.get(`${origin()}${await csvLink.getAttribute('href')}`);
    expect(utf8.status()).toBe(200);
    expect(utf8.headers()['content-type']).toMatch(/text\/csv/);
    expect(utf8.headers()['content-disposition']).toMatch(/attachment/);
    const utf8Bytes = await utf8.body();
    expect([...utf8Bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8Bytes.toString('utf8')).toContain(receipt);
    expect(utf8Bytes.toString('utf8')).toContain('保護者の氏名');
    const cp932 = await context.request.get(`${origin()}${await page.getByRole('link', { name: `CSV（Excel用）：${TITLE}` }).getAttribute('href')}`);
    expect(cp932.status()).toBe(200);
    const sjis = await cp932.body();
    expect([...sjis.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('shift_jis').decode(sjis)).toContain('保護者の氏名');
    expect(sjis.includes(Buffer.from('保護者の氏名', 'utf8'))).toBe(false);
    const json = await context.request.get(`${origin()}${await page.getByRole('link', { name: `JSON：${TITLE}` }).getAttribute('href')}`);
    expect(json.status()).toBe(200);
    expect(JSON.parse((await json.body()).toString('utf8')).submissions[0].answers.parentName).toBe('徳島 花子');

    // The application: answers by page, then status changes and assignment.
    await page.getByRole('link', { name: receipt }).click();
    await page.getByRole('heading', { level: 1, name: `受付番号 ${receipt}` }).waitFor();
    await page.getByText('徳島 はると').waitFor();
    await expectNoAxeViolations(page, 'submission');
    await screenshot(page, 'applications-submission');
    // A correction is asked for one field, with a message; without a field the form says so first.
    await page.locator('#corr-message').fill('きょうだいの年齢を「満○歳」の形で書いてください。');
    await page.getByRole('button', { name: '補正を依頼する' }).click();
    await page.locator('#corr-correctionFields-error').waitFor();
    await expectNoAxeViolations(page, 'correction form with an error');
    await page.locator('#corr-correctionFields-siblingAges').check();
    await page.getByRole('button', { name: '補正を依頼する' }).click();
    await page.getByText('補正を依頼しました。申請者にメールで知らせました。').waitFor();
    await page.getByText('補正する項目：きょうだいの年齢').waitFor();
    await page.locator('#msg-message').fill('補正の期限は今週金曜日です。');
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByText('メッセージを送信しました。').waitFor();
    await page.locator('#status-status').selectOption('reviewing');
    await page.locator('#status-note').fill('保育所の空き状況を確認中');
    await page.getByRole('button', { name: '状態を変更する' }).click();
    await page.getByText('状態を「審査中」に変更しました。').waitFor();
    await page.locator('#assign-staffId').selectOption({ label: `${BUILDER.displayName}（自分）` });
    await page.getByRole('button', { name: '担当者を設定する' }).click();
    await page.getByText(`担当者を${BUILDER.displayName}さんにしました。`).waitFor();
    await page.locator('#status-status').selectOption('completed');
    await page.locator('#status-message').fill('ご利用いただけます。当日は母子手帳をお持ちください。');
    await page.getByRole('button', { name: '状態を変更する' }).click();
    await page.getByText('状態を「完了」に変更しました。').waitFor();
    await page.getByText('保育所の空き状況を確認中').waitFor();
    await page.getByText('この申請は処理が終わっているため、状態を変更できません。').waitFor();
    await expectNoAxeViolations(page, 'submission completed');

    // A paper application taken at the counter, typed in by staff with the same form.
    await page.getByRole('link', { name: '電子申請の受付' }).first().click();
    await page.getByRole('link', { name: `窓口で受け付けた紙の申請を入力：${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: '窓口で受け付けた申請の入力' }).waitFor();
    await page.locator('#counter-parentName').waitFor();
    await page.getByRole('button', { name: '申請として登録する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expectNoAxeViolations(page, 'counter entry with errors');
    await page.locator('#counter-parentName').fill('眉山 太郎');
    await page.locator('#counter-siblings--yes').check();
    await page.locator('#counter-siblingAges').fill('3歳');
    await page.locator('#counter-children-0-childName').fill('眉山 ゆい');
    // The first answer is lost on the way back (the server stored it): pressing again reuses the
    // Idempotency-Key, so the server answers the same receipt instead of entering it twice.
    const counterKeys: string[] = [];
    await page.route('**/api/admin/applications/procedures/*/counter-submissions', async (route) => {
      counterKeys.push(route.request().headers()['idempotency-key']);
      if (counterKeys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '申請として登録する' }).click();
    await page.getByTestId('error-summary').getByText('処理できませんでした', { exact: false }).waitFor();
    await page.getByRole('button', { name: '申請として登録する' }).click();
    const counterReceipt = await page.getByTestId('counter-receipt-number').innerText();
    expect(counterReceipt).toMatch(/^[0-9A-Z]{4}-?[0-9A-Z]{4}$/);
    await page.unrouteAll();
    expect(counterKeys).toHaveLength(2);
    expect(counterKeys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(counterKeys[1]).toBe(counterKeys[0]);
    const counted = await suite.server.yakuba.db.rows<{ n: number }>(sql`select count(*)::int as n from applications_submissions where channel = 'counter'`);
    expect(counted[0].n).toBe(1);
    await expectNoAxeViolations(page, 'counter entry done');
    await page.getByRole('link', { name: '受付一覧で見る' }).click();
    await page.getByRole('link', { name: counterReceipt }).waitFor();
    expect(await page.locator('tbody tr').filter({ hasText: counterReceipt }).innerText()).toContain('窓口');
    expect(errors).toEqual([]);
    await context.close();

    // Another department's processor: not in their inbox, and the detail is not found.
    const other = await newPage(suite.browser);
    await signInStaff(other.page, origin(), 'tokushima', OTHER.email, PASSWORD);
    await other.page.goto(`${origin()}/t/tokushima/admin/applications`);
    await other.page.getByRole('heading', { level: 1, name: '電子申請の受付' }).waitFor();
    await other.page.getByText('条件に合う申請はありません。').waitFor();
    expect(await other.page.getByRole('link', { name: receipt }).count()).toBe(0);
    await expectNoAxeViolations(other.page, 'inbox of another department');
    await settled(other.page);
    expect(await other.page.getByRole('link', { name: `CSV（UTF-8）：${TITLE}` }).count()).toBe(0);
    const found = await other.context.request.get(`${origin()}/t/tokushima/api/admin/applications/submissions?q=${receipt}`);
    expect((await found.json()).total).toBe(0);
    const csv = await other.context.request.get(`${origin()}/t/tokushima/api/admin/applications/procedures/${procedureId}/submissions.csv`);
    expect([403, 404]).toContain(csv.status());
    await other.context.close();

    // Staff holding only applications.process_all reach the inbox from the menu and see every department's applications.
    const all = await newPage(suite.browser);
    await signInStaff(all.page, origin(), 'tokushima', OVERSEER.email, PASSWORD);
    await all.page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: '電子申請の受付' }).click();
    await all.page.getByRole('heading', { level: 1, name: '電子申請の受付' }).waitFor();
    await all.page.getByRole('link', { name: receipt }).waitFor();
    await all.page.locator('#inbox-procedure').locator('option', { hasText: TITLE }).waitFor({ state: 'attached' });
    expect(all.errors).toEqual([]);
    await all.context.close();
  });

  it('exports a procedure as JSON and imports it as a new draft procedure', async () => {
    const { page, context, errors } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', BUILDER.email, PASSWORD);
    await page.goto(`${origin()}/t/tokushima/admin/applications/procedures/${procedureId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settled(page);
    const exported = await context.request.get(`${origin()}${await page.getByRole('link', { name: 'JSONを書き出す' }).getAttribute('href')}`);
    expect(exported.status()).toBe(200);
    const data = await exported.json();
    expect(data.format).toBe('yakuba.form/1');

    await page.getByRole('link', { name: '手続きとフォーム' }).first().click();
    await page.getByRole('heading', { level: 1, name: '手続きとフォーム' }).waitFor();
    await settled(page);
    await page.locator('#import-department').selectOption({ label: '子育て支援課' });
    await page.locator('#import-file').setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await page.getByRole('button', { name: '読み込んで手続きを作成' }).click();
    await page.getByText('「shared.json」はJSONとして読めませんでした。').waitFor();
    await expectNoAxeViolations(page, 'import error');
    await page.locator('#import-file').setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
    await page.getByRole('button', { name: '読み込んで手続きを作成' }).click();
    await page.waitForURL((u) => /procedures\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.includes(procedureId));
    await page.getByRole('heading', { level: 2, name: /公開の状態/ }).waitFor();
    await page.getByText('まだ公開していません。', { exact: false }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'imported procedure');
    expect(errors).toEqual([]);
    await context.close();
  });
});
