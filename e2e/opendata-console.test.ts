import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { insertOrg } from '../src/modules/opendata/testing.ts';
import { txRows } from '../src/core/db/tenant-tx.ts';
import { jsonb } from '../src/core/db/params.ts';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, screenshot, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// オープンデータ in the staff console: an officer creates a dataset for the AED standard template, uploads
// a CSV the standard check refuses (a bad 全国地方公共団体コード check digit, a latitude outside Japan), reads
// the report by row and column, is refused 「公開する」 with the reason, replaces the file with a fixed one,
// and publishes; an anonymous CKAN client then reads the dataset. The officer also creates and revokes
// an API token.

const STAFF = { email: 'opendata@tokushima.example.jp', displayName: 'オープンデータ 担当', password: 'open data console password' };
const NAME = 'aed-locations-e2e';
const TITLE = 'AED設置箇所一覧（e2e）';
const RESOURCE = 'AED設置箇所一覧';

const HEADER = '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,住所,緯度,経度,電話番号,開始時間,終了時間';
const ROW1 = '362018,1,徳島市,徳島市役所本庁舎,トクシマシヤクショホンチョウシャ,徳島県徳島市幸町2-5,34.0702,134.5548,088-621-5111,08:30,17:15';
// Row 3 of the file (the header is row 1): 362019 fails the check digit of 36201 (it is 8).
const ROW2_BAD = '362019,2,徳島市,徳島市立図書館,トクシマシリツトショカン,徳島県徳島市寺島本町西1-5,34.0745,134.5508,088-654-4421,09:30,20:00';
// Row 4: latitude 14.07 is south of Japan (20–46) and not a longitude either.
const ROW3_BAD = '362018,3,徳島市,徳島市消防局,トクシマシショウボウキョク,徳島県徳島市幸町3-1,14.0700,134.5530,088-656-1191,00:00,23:59';
const ROW2 = ROW2_BAD.replace(/^362019/, '362018');
const ROW3 = ROW3_BAD.replace(',14.0700,', ',34.0700,');
const csv = (...rows: string[]) => ({ name: 'aed.csv', mimeType: 'text/csv', buffer: Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8') });

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, id, 'オープンデータ 管理', ['opendata.manage']);
  await addStaff(server, id, { ...STAFF, roleIds: [role] });
  await insertOrg(server.yakuba.platform, id, 'bosai', { ja: '防災対策課', en: 'Disaster Prevention Division' });
  await server.yakuba.platform.inTenant(id, (tx) => txRows(tx, sql`insert into opendata_groups (tenant_id, name, title)
    values (${id}, 'health', ${jsonb({ ja: '健康・医療', en: 'Health' })})`));
});

const origin = () => suite.server.origin;
const admin = (path: string) => `${origin()}/t/tokushima/admin/opendata${path}`;
/** Waits until no loading line is left. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('p[role=status]'));
/** The problem rows of the check report as [行, 列, 値, 内容]. */
const problems = (page: Page) => page.getByTestId('check-report').locator('tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

/** An anonymous CKAN call (no cookie, no token), as a harvester makes it. */
async function anonymous(path: string): Promise<{ status: number; body: { success: boolean; result?: Record<string, unknown> } }> {
  const res = await fetch(`${origin()}/t/tokushima/api/3/action/${path}`);
  return { status: res.status, body: await res.json() };
}

describe('open data in the staff console', () => {
  it('an officer creates a dataset, fixes the file the standard check refused, and publishes it', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.getByRole('navigation', { name: '職員メニュー' }).getByRole('link', { name: 'オープンデータ' }).click();
    await page.getByRole('heading', { level: 1, name: 'オープンデータ' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'datasets (empty)');

    // The form: the Japanese title is required; the URL name follows the English title.
    await page.getByRole('link', { name: 'データセットを作成' }).click();
    await page.getByRole('heading', { level: 1, name: 'データセットを作成' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'new dataset');
    await page.getByRole('button', { name: '下書きとして保存する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expect.poll(() => page.locator('#ds-title_ja').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new dataset with errors');
    await page.locator('#ds-title_ja').fill(TITLE);
    await page.locator('#ds-title_en').fill('AED locations (e2e)');
    await expect.poll(() => page.locator('#ds-name').inputValue()).toBe(NAME);
    await page.locator('#ds-notes_ja').fill('市内の AED の設置場所です。');
    await expect.poll(() => page.locator('#ds-owner_org').inputValue()).not.toBe('');
    await expect.poll(() => page.locator('#ds-license_id').inputValue()).toBe('CC-BY-4.0');
    await page.locator('#ds-tags').fill('AED, 防災');
    await page.getByLabel('健康・医療').check();
    await page.locator('#ds-template_id').selectOption('aed');
    await page.getByRole('button', { name: '下書きとして保存する' }).click();
    await page.waitForURL(`**/admin/opendata/dataset/${NAME}?created=1`);
    await page.getByText('保存しました。').waitFor();
    await settled(page);
    await expect.poll(() => page.getByTestId('error-summary').count()).toBe(0);
    await expectNoAxeViolations(page, 'dataset (draft, no files)');

    // A CSV with two problems: the report names each row and column.
    await page.locator('#up-upload').setInputFiles(csv(ROW1, ROW2_BAD, ROW3_BAD));
    await expect.poll(() => page.locator('#up-name').inputValue()).toBe('aed');
    await page.locator('#up-name').fill(RESOURCE);
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.getByText(`「${RESOURCE}」は基準チェックで 2 件の問題が見つかりました。`, { exact: false }).waitFor();
    await page.getByTestId('check-report').locator('tbody tr').nth(1).waitFor();
    const found = await problems(page);
    expect(found).toEqual([
      ['3', '全国地方公共団体コード', '362019', expect.stringContaining('全国地方公共団体コード')],
      ['4', '緯度', '14.0700', expect.stringContaining('日本の範囲')],
    ]);
    await expect.poll(() => page.locator('#publish-reason').textContent()).toContain('基準チェックに合格していない');
    await expectNoAxeViolations(page, 'dataset with a failed check');
    await screenshot(page, 'opendata-console-check');

    // 「公開する」 is refused by the server, with its reason.
    await page.getByRole('button', { name: '公開する' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '公開できませんでした。' });
    await refusal.waitFor();
    expect((await refusal.locator('li').allTextContents()).join(' ').length).toBeGreaterThan(0);
    // Still a draft: anonymous clients cannot read it (CKAN answers 403, or 404 for what they may not know of).
    expect([403, 404]).toContain((await anonymous(`package_show?id=${NAME}`)).status);
    await expectNoAxeViolations(page, 'publish refused');

    // The fixed file replaces the old one and passes.
    await page.getByRole('button', { name: /ファイルを差し替える/ }).click();
    const dialog = page.getByRole('dialog', { name: `「${RESOURCE}」のファイルを差し替える` });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'replace dialog');
    await dialog.locator('#replace-file').setInputFiles(csv(ROW1, ROW2, ROW3));
    await dialog.getByRole('button', { name: '差し替える' }).click();
    await page.getByText(`「${RESOURCE}」は基準チェックに合格しました（3 行）。`).waitFor();
    await expect.poll(() => page.getByTestId('check-report').count()).toBe(0);
    await expect.poll(() => page.getByRole('region', { name: 'データセットのファイル' }).textContent()).toContain('合格（3 行）');
    await expectNoAxeViolations(page, 'dataset with a passing file');

    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByText('公開しました。', { exact: false }).waitFor();
    await page.getByRole('button', { name: '非公開にする' }).waitFor();
    await expectNoAxeViolations(page, 'published');

    // A file added by mistake goes again, after a confirmation.
    await page.locator('#up-upload').setInputFiles({ name: 'memo.json', mimeType: 'application/json', buffer: Buffer.from('{"memo": "誤り"}') });
    await page.locator('#up-name').fill('誤ったファイル');
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.getByText('「誤ったファイル」を追加しました。').waitFor();
    await page.getByRole('button', { name: /削除する.*誤ったファイル/ }).click();
    const confirm = page.getByRole('dialog', { name: 'ファイルを削除しますか' });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'delete file dialog');
    await confirm.getByRole('button', { name: '削除する' }).click();
    await page.getByText('「誤ったファイル」を削除しました。').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'データセットのファイル' }).textContent()).not.toContain('誤ったファイル');

    // The list shows it public, and the staff console speaks English on request.
    await page.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: 'オープンデータ' }).click();
    await page.getByRole('heading', { level: 1, name: 'オープンデータ' }).waitFor();
    await settled(page);
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await expect.poll(() => row.textContent()).toContain('公開');
    expect(await row.textContent()).not.toMatch(/下書き|非公開/);
    await expect.poll(() => row.textContent()).toContain('防災対策課');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'AED locations (e2e)' }).textContent()).toContain('Disaster Prevention Division');
    await expectNoAxeViolations(page, 'datasets in English');
    await page.getByRole('button', { name: '日本語', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'オープンデータ' }).waitFor();

    // A second dataset with the same URL name: the server's 409 names the field, the summary links to it.
    await page.goto(admin('/new'));
    await page.getByRole('heading', { level: 1, name: 'データセットを作成' }).waitFor();
    await settled(page);
    await page.locator('#ds-title_ja').fill('重複する名前');
    await page.locator('#ds-name').fill(NAME);
    await page.getByRole('button', { name: '下書きとして保存する' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await summary.getByRole('link', { name: /^URL 名：/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ds-name');
    await expectNoAxeViolations(page, 'duplicate name refused');
    await context.close();
  });

  it('an anonymous CKAN client reads the published dataset', async () => {
    const { status, body } = await anonymous(`package_show?id=${NAME}`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.success).toBe(true);
    const pkg = body.result as { name: string; state: string; private: boolean; license_id: string; template_id: string; tags: { name: string }[]; resources: { check: { ok: boolean; rows: number } | null }[] };
    expect(pkg).toMatchObject({ name: NAME, state: 'active', private: false, license_id: 'CC-BY-4.0', template_id: 'aed' });
    expect(pkg.tags.map((t) => t.name).sort()).toEqual(['AED', '防災']);
    expect(pkg.resources).toHaveLength(1);
    expect(pkg.resources[0]!.check).toMatchObject({ ok: true, rows: 3 });
  });

  it('an officer creates an API token, sees it once, and revokes it', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    await page.goto(admin('/tokens'));
    await page.getByRole('heading', { level: 1, name: 'APIトークン' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'tokens (none)');
    await page.getByRole('button', { name: '作成する' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expectNoAxeViolations(page, 'token without a name');
    await page.locator('#tok-name').fill('ハーベスター（e2e）');
    await page.locator('#tok-expiry').selectOption('30');
    await page.getByRole('button', { name: '作成する' }).click();
    const secret = page.getByTestId('new-token');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token.length).toBeGreaterThan(20);
    await page.getByText('このトークンは今だけ表示されます', { exact: false }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'あなたのトークン' }).textContent()).toContain('ハーベスター（e2e）');
    await expectNoAxeViolations(page, 'token created');
    await screenshot(page, 'opendata-console-tokens');

    // The token is a working credential of this staff member (CKAN's Authorization header).
    const orgs = async (authorization: string) => {
      const res = await fetch(`${origin()}/t/tokushima/api/3/action/organization_list_for_user`, { headers: { authorization } });
      const body = await res.json() as { result?: { name: string }[] };
      return { status: res.status, names: (body.result ?? []).map((o) => o.name) };
    };
    expect(await orgs(token)).toEqual({ status: 200, names: ['bosai'] });

    await page.getByRole('button', { name: /無効にする/ }).click();
    const dialog = page.getByRole('dialog', { name: 'トークンを無効にしますか' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'revoke dialog');
    await dialog.getByRole('button', { name: '無効にする' }).click();
    await page.getByText('トークン「ハーベスター（e2e）」を無効にしました。').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'あなたのトークン' }).textContent()).toContain('トークンはありません。');
    await expect.poll(() => secret.count()).toBe(0);
    await expectNoAxeViolations(page, 'token revoked');
    // A revoked token is refused, or at most worth an anonymous caller (who may publish for no one).
    const revoked = await orgs(token);
    if (revoked.status === 200) expect(revoked.names).toEqual([]);
    else expect(revoked.status).toBe(403);
    await context.close();
  });
});
