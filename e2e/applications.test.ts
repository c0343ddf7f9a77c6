import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { expectNoAxeViolations, launchBrowser, linkIn, newPage, overflowsHorizontally, screenshot, signInStaff } from './support/index.ts';
import { PDF, STAFF, startApplicationsWorld, type ApplicationsWorld } from './applications-setup.ts';
import { TestClient } from '../src/core/auth/testing.ts';
import { hashPassword } from '../src/core/auth/passwords.ts';
import { txRows } from '../src/core/db/tenant-tx.ts';

// 電子申請 end to end on a phone: a citizen applies (two pages, a repeating group of two children, a
// PDF), gets the receipt by email from a real SMTP server, staff ask for a correction of one answer,
// the citizen corrects only that, staff complete; every email goes through SMTP (see applications-setup.ts).

const PHONE_390 = { width: 390, height: 844 };
const CITIZEN = 'hanako.tokushima@example.jp';

let world: ApplicationsWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startApplicationsWorld();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

async function fillName(page: Page, id: string, [family, given, familyKana, givenKana]: string[]) {
  await page.locator(`#${id}-family`).fill(family);
  await page.locator(`#${id}-given`).fill(given);
  await page.locator(`#${id}-familyKana`).fill(familyKana);
  await page.locator(`#${id}-givenKana`).fill(givenKana);
}

describe('online applications (電子申請)', () => {
  it('a citizen applies on a phone, corrects what staff ask, and gets every email', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE_390 });
    const base = `${world.server.origin}/t/tokushima`;

    // The catalogue and the procedure's page.
    await page.goto(`${base}/applications`);
    await page.getByRole('heading', { level: 1, name: '電子申請' }).waitFor();
    await page.getByRole('link', { name: '児童手当 認定請求' }).waitFor();
    await expectNoAxeViolations(page, 'procedures');
    await page.getByRole('link', { name: '児童手当 認定請求' }).click();
    await page.getByRole('heading', { level: 1, name: '児童手当 認定請求' }).waitFor();
    await page.getByText('ログインや本人確認は必要ありません。').waitFor();
    await expectNoAxeViolations(page, 'procedure');
    await page.getByRole('link', { name: '申請をはじめる' }).click();

    // Page 1: an empty submit lists the problems at the top, each linking to its field.
    await page.getByRole('heading', { level: 2, name: '請求者' }).waitFor();
    await page.getByRole('button', { name: '次へ進む' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThanOrEqual(5);
    await expectNoAxeViolations(page, 'apply page 1 with errors');
    await screenshot(page, 'applications-apply-errors', false);
    await summary.getByRole('link', { name: /生年月日/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('apply-birthDate');

    await fillName(page, 'apply-applicant', ['徳島', '花子', 'とくしま', 'はなこ']);
    await page.locator('#apply-birthDate').fill('平成2年5月10日');
    await page.locator('#apply-birthDate').blur();
    await page.locator('#apply-birthDate-read').getByText('1990年5月10日（平成2年5月10日）').waitFor();
    expect(await page.locator('#apply-applicant-familyKana').inputValue()).toBe('トクシマ');
    await page.locator('#apply-postalCode').fill('770-0001');
    await page.getByRole('button', { name: '住所を検索' }).click();
    await page.getByText('住所に「徳島県徳島市春日町」を入力しました。').waitFor();
    expect(await page.locator('#apply-address-prefecture').inputValue()).toBe('徳島県');
    await page.locator('#apply-address-street').fill('春日町1-2-3');
    await page.locator('#apply-phone').fill('088-621-5111');
    await page.locator('#apply-email').fill(CITIZEN);
    await page.getByRole('button', { name: '次へ進む' }).click();

    // Page 2: two children in the repeating group, a PDF, the consent.
    await page.getByRole('heading', { level: 2, name: '対象となる子ども' }).waitFor();
    await page.getByRole('group', { name: '子ども 1' }).waitFor();
    await fillName(page, 'apply-children-0-name', ['徳島', '一郎', 'トクシマ', 'イチロウ']);
    await page.locator('#apply-children-0-birthDate').fill('2016-04-02');
    await page.getByRole('group', { name: '子ども 1' }).getByLabel('はい').check();
    await page.getByRole('button', { name: '子どもを追加する' }).click();
    await page.getByRole('group', { name: '子ども 2' }).waitFor();
    await fillName(page, 'apply-children-1-name', ['徳島', '二葉', 'トクシマ', 'フタバ']);
    await page.locator('#apply-children-1-birthDate').fill('R2.8.15');
    await page.getByRole('group', { name: '子ども 2' }).getByLabel('はい').check();
    await page.locator('#apply-idDocument').setInputFiles({ name: '保険証.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('保険証.pdf').waitFor();
    await page.locator('#apply-consent').check();
    await page.getByRole('button', { name: '一時保存する' }).click();
    await page.getByText('一時保存しました').waitFor();
    expect(page.url()).toContain('?draft=');
    await expectNoAxeViolations(page, 'apply page 2');
    await screenshot(page, 'applications-apply-children');
    // The saved draft opens where it was left, with the answers.
    const resumed = await context.newPage();
    await resumed.goto(await page.getByTestId('draft-link').innerText());
    await resumed.getByRole('heading', { level: 2, name: '対象となる子ども' }).waitFor();
    expect(await resumed.locator('#apply-children-1-name-given').inputValue()).toBe('二葉');
    await resumed.close();
    await page.getByRole('button', { name: '入力内容を確認する' }).click();

    // Review: every answer, the computed amount, the receipt address taken from the form.
    await page.getByRole('heading', { level: 2, name: '入力内容の確認' }).waitFor();
    await page.getByRole('heading', { level: 4, name: '子ども 2' }).waitFor();
    await page.getByText('2020年8月15日（令和2年8月15日）').waitFor();
    await page.getByText('20,000円').waitFor();
    expect(await page.locator('#apply-_email').inputValue()).toBe(CITIZEN);
    await expectNoAxeViolations(page, 'review');
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'applications-review');
    // The first answer is lost on the way back (the server did store it): the page retries with the
    // same Idempotency-Key and gets the same receipt. A double tap adds nothing either.
    const keys: string[] = [];
    await page.route('**/api/applications/procedures/*/submissions', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '申請する' }).dblclick();
    const receiptEl = page.getByTestId('receipt-number');
    await receiptEl.waitFor();
    const receipt = (await receiptEl.innerText()).trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectNoAxeViolations(page, 'receipt');
    await screenshot(page, 'applications-receipt');

    const received = await world.mailTo(CITIZEN, /申請を受け付けました/);
    expect(received.subject).toContain(receipt);
    expect(received.text).toContain('児童手当 認定請求');
    await page.unrouteAll();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const rows = await world.server.yakuba.db.rows<{ n: number }>(sql`select count(*)::int as n from applications_submissions`);
    expect(rows[0].n).toBe(1);

    // Staff: assign to themselves, ask for a correction of the phone number.
    const staff = await newPage(browser);
    await signInStaff(staff.page, world.server.origin, 'tokushima', STAFF.email, STAFF.password);
    await staff.page.goto(`${base}/admin/applications`);
    await staff.page.getByRole('link', { name: new RegExp(receipt) }).click();
    await staff.page.getByRole('heading', { level: 1, name: new RegExp(receipt) }).waitFor();
    const assign = staff.page.getByRole('form', { name: '担当者' });
    await assign.getByRole('button', { name: '自分を選ぶ' }).click();
    await assign.getByRole('button', { name: '担当者を設定する' }).click();
    await staff.page.getByRole('status').filter({ hasText: '徳島 次郎' }).waitFor();
    const ask = staff.page.getByRole('form', { name: '補正を依頼' });
    await ask.getByLabel('請求者 › 電話番号').check();
    await ask.getByLabel('対象となる子ども › 本人確認書類').check();
    await ask.getByLabel(/補正の内容/).fill('電話番号がつながりませんでした。日中に連絡のつく番号を入力してください。');
    await ask.getByRole('button', { name: '補正を依頼する' }).click();
    await staff.page.getByRole('status').filter({ hasText: '補正' }).waitFor();

    const correction = await world.mailTo(CITIZEN, /補正をお願いします/);
    expect(correction.text).toContain('電話番号がつながりませんでした');

    // The citizen follows the link, looks the application up and corrects only the phone.
    await page.goto(linkIn(correction.text, world.server.origin));
    await page.getByRole('heading', { level: 1, name: '申請状況の確認' }).waitFor();
    expect(await page.locator('#lookup-receiptNumber').inputValue()).toBe(receipt);
    await expectNoAxeViolations(page, 'status lookup');
    await page.locator('#lookup-email').fill(CITIZEN);
    await page.getByRole('button', { name: '確認する' }).click();
    await page.getByTestId('correction-message').waitFor();
    expect(await page.getByTestId('correction-message').innerText()).toContain('日中に連絡のつく番号');
    expect(await page.locator('#fix-applicant-family').count()).toBe(0); // the name stays as it is
    await page.locator('#fix-phone').fill('090-1234-5678');
    // The file already attached is named (it stays attached unless removed).
    await page.getByRole('list', { name: '添付したファイル' }).getByText('保険証.pdf').waitFor();
    await expectNoAxeViolations(page, 'correction');
    await screenshot(page, 'applications-correction');
    await page.getByRole('button', { name: '修正して再提出する' }).click();
    await page.getByText('修正した内容を送りました。').waitFor();
    expect(await page.getByTestId('status-current').innerText()).toBe('審査中');
    await expectNoAxeViolations(page, 'status after correction');
    await world.mailTo(CITIZEN, /補正を受け付けました/);
    const toStaff = await world.mailTo(STAFF.email, /補正が提出されました/);
    expect(toStaff.text).toContain(receipt);
    expect(toStaff.text).not.toContain('090-1234-5678'); // no answers in email

    // Staff complete it; the citizen is told.
    await staff.page.reload();
    await staff.page.getByText('090-1234-5678').first().waitFor();
    const change = staff.page.getByRole('form', { name: '状態を変更' });
    await change.getByLabel(/変更後の状態/).selectOption('completed');
    await change.getByLabel(/申請者へのメッセージ/).fill('認定しました。');
    await change.getByRole('button', { name: '状態を変更する' }).click();
    await staff.page.getByRole('status').filter({ hasText: '完了' }).waitFor();
    const done = await world.mailTo(CITIZEN, /「完了」/);
    expect(done.text).toContain('認定しました。');

    expect(errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
    await context.close();
  });

  it('confirms the email with a mailed code for a procedure that asks for a verified email', async () => {
    const staff = new TestClient(world.server.yakuba.app, '/t/tokushima');
    expect((await staff.login(STAFF.email, STAFF.password)).statusCode).toBe(200);
    const existing = await staff.send('GET', `/api/admin/applications/procedures/${world.procedureId}`);
    const created = await staff.send('POST', '/api/admin/applications/procedures', {
      titleJa: 'がん検診 申込', category: 'health', departmentId: existing.data.departmentId, identityLevel: 'email', languages: ['ja'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.data.id;
    const definition = { schemaVersion: 1, pages: [{ id: 'p1', title: { ja: '申込' }, sections: [{ id: 's1', fields: [{ key: 'course', type: 'text', label: { ja: '希望する検診' }, required: true }] }] }] };
    expect((await staff.send('PUT', `/api/admin/applications/procedures/${id}/draft`, { definition })).statusCode).toBe(200);
    expect((await staff.send('POST', `/api/admin/applications/procedures/${id}/publish`, {})).statusCode).toBe(200);

    const { page, context, errors } = await newPage(browser, { viewport: PHONE_390 });
    await page.goto(`${world.server.origin}/t/tokushima/applications/${id}/apply`);
    await page.locator('#apply-course').fill('胃がん検診');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('heading', { level: 2, name: '入力内容の確認' }).waitFor();
    const email = 'kenshin.tokushima@example.jp';
    await page.locator('#apply-_email').fill(email);
    // Submitting before asking for a code says what to do.
    await page.getByRole('button', { name: '申請する' }).click();
    await page.getByTestId('error-summary').getByText('確認コードを送る', { exact: false }).waitFor();
    await page.getByRole('button', { name: '確認コードを送る' }).click();
    await page.getByText(`${email} に確認コードを送りました。`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'email code');
    const mail = await world.mailTo(email, /確認コード/);
    const code = /確認コード：(\d{6})/.exec(mail.text)![1];
    await page.locator('#apply-_code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '申請する' }).click();
    await page.locator('#apply-_code-error').waitFor();
    await page.locator('#apply-_code').fill(code);
    await page.getByRole('button', { name: '申請する' }).click();
    await page.getByTestId('receipt-number').waitFor();
    await world.mailTo(email, /申請を受け付けました/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a citizen to sign in and back to the form they came for (?next=)', async () => {
    const staff = new TestClient(world.server.yakuba.app, '/t/tokushima');
    expect((await staff.login(STAFF.email, STAFF.password)).statusCode).toBe(200);
    const existing = await staff.send('GET', `/api/admin/applications/procedures/${world.procedureId}`);
    const created = await staff.send('POST', '/api/admin/applications/procedures', {
      titleJa: '講座申込', category: 'education', departmentId: existing.data.departmentId, identityLevel: 'account', languages: ['ja'],
    });
    const id: string = created.data.id;
    const definition = { schemaVersion: 1, pages: [{ id: 'p1', title: { ja: '申込' }, sections: [{ id: 's1', fields: [{ key: 'course', type: 'text', label: { ja: '希望する講座' }, required: true }] }] }] };
    expect((await staff.send('PUT', `/api/admin/applications/procedures/${id}/draft`, { definition })).statusCode).toBe(200);
    expect((await staff.send('POST', `/api/admin/applications/procedures/${id}/publish`, {})).statusCode).toBe(200);
    const tenantId = (await world.server.yakuba.db.rows<{ id: string }>(sql`select id from tenants where slug = 'tokushima'`))[0].id;
    const hash = await hashPassword('citizen password for next');
    await world.server.yakuba.platform.inTenant(tenantId, (tx) => txRows(tx, sql`insert into citizens (tenant_id, email, email_verified_at, password_hash, display_name)
      values (${tenantId}, 'koza@example.jp', now(), ${hash}, '講座 太郎')`));

    const { page, context, errors } = await newPage(browser, { viewport: PHONE_390 });
    await page.goto(`${world.server.origin}/t/tokushima/applications/${id}`);
    await page.getByRole('link', { name: 'ログイン・利用者登録へ' }).click();
    await page.waitForURL((u) => u.pathname === '/t/tokushima/account/login' && u.searchParams.get('next') === `/t/tokushima/applications/${id}/apply`);
    await page.locator('#signin-email').fill('koza@example.jp');
    await page.locator('#signin-password').fill('citizen password for next');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/t/tokushima/applications/${id}/apply`);
    await page.locator('#apply-course').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the catalogue, a procedure and the form in English and やさしい日本語 on a phone', async () => {
    const { page, context, errors } = await newPage(browser, { viewport: PHONE_390 });
    await page.goto(`${world.server.origin}/t/tokushima/applications?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Online applications' }).waitFor();
    await page.getByRole('link', { name: 'Child allowance claim' }).click();
    await page.getByRole('heading', { level: 1, name: 'Child allowance claim' }).waitFor();
    await page.getByText('No sign-in or identity check is needed.').waitFor();
    await expectNoAxeViolations(page, 'procedure (en)');
    await page.getByRole('link', { name: 'Start your application' }).click();
    await page.getByRole('heading', { level: 2, name: 'Applicant' }).waitFor();
    await page.getByLabel('Family name in katakana').waitFor();
    await page.getByText('Step 1 of 3').waitFor();
    await expectNoAxeViolations(page, 'apply (en)');
    await page.getByRole('button', { name: 'やさしい日本語' }).click();
    await page.getByRole('heading', { level: 2, name: 'もうしこむ 人' }).waitFor();
    await page.getByRole('button', { name: 'つぎへ' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoAxeViolations(page, 'apply (ja-easy)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
