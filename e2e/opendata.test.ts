import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { expectNoAxeViolations, newPage, overflowsHorizontally, PHONE, screenshot, useBrowserSuite } from './support/index.ts';
import { AED_DOWNLOADS, AED_ROWS, DISASTER, seedOpendata, TOTAL } from './opendata-setup.ts';

// オープンデータ on a phone: a citizen finds the catalog from the home page, pages and sorts it, narrows
// it to the 防災 group (the count follows, Back undoes it), searches for AED, opens the AED list and sees
// its table preview (paged), its map (one circle per row), its download count and download, and the API
// panel whose calls answer when fetched. Then the same in English and やさしい日本語. axe on every page.

const suite = useBrowserSuite(async (server) => { await seedOpendata(server); });

/** No request leaves this machine: 地理院タイル are refused (the map is supplementary and works without). */
async function offlineTiles(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
}

describe('open data catalog (オープンデータ) on a phone', () => {
  it('searches and filters the catalog, then previews a dataset as a table and a map and shows its API calls', async () => {
    const { context, page, errors } = await newPage(suite.browser, { viewport: PHONE });
    await offlineTiles(context);
    const base = `${suite.server.origin}/t/tokushima`;
    const count = page.getByTestId('opendata-count');
    const results = page.getByTestId('opendata-result');

    // The home page lists the newest datasets and leads to the catalog.
    await page.goto(base);
    await page.getByRole('heading', { level: 2, name: '新しいオープンデータ' }).waitFor();
    await page.getByRole('link', { name: 'オープンデータをすべて見る' }).click();
    await page.getByRole('heading', { level: 1, name: 'オープンデータ' }).waitFor();
    await expect.poll(() => count.textContent()).toBe(`${TOTAL} 件`);
    expect(await results.count()).toBe(20);
    await expectNoAxeViolations(page, 'open data catalog');
    await screenshot(page, 'opendata-catalog');
    expect(await overflowsHorizontally(page)).toBe(false);

    // Paging and sorting live in the URL.
    await page.getByRole('link', { name: '次のページ' }).click();
    await page.getByText('2 / 2 ページ').waitFor();
    await expect.poll(() => results.count()).toBe(TOTAL - 20);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.goBack();
    await page.getByText('1 / 2 ページ').waitFor();
    await page.getByLabel('並べ替え').selectOption({ label: '名前順' });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('title_string asc');
    await expect.poll(() => results.first().getByRole('heading').textContent()).toBe('AED設置箇所一覧');

    // Narrow to the 防災 group: the count follows; Back and Forward undo and redo it.
    await page.locator('summary', { hasText: '絞り込み' }).click();
    const groups = page.getByRole('group', { name: '分類' });
    // By keyboard: Space ticks it, and focus stays on the box while the results change.
    await groups.getByRole('checkbox', { name: `防災（${DISASTER}）` }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => count.textContent()).toBe(`${DISASTER} 件`);
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('分類');
    expect(new URL(page.url()).searchParams.getAll('groups')).toEqual(['disaster']);
    expect(await groups.getByRole('checkbox', { name: `防災（${DISASTER}）` }).isChecked()).toBe(true);
    await page.getByRole('group', { name: '組織' }).getByRole('checkbox', { name: /^防災対策課/ }).waitFor();
    await expectNoAxeViolations(page, 'open data catalog filtered');
    await screenshot(page, 'opendata-catalog-filtered');
    await page.goBack();
    await expect.poll(() => count.textContent()).toBe(`${TOTAL} 件`);
    await page.goForward();
    await expect.poll(() => count.textContent()).toBe(`${DISASTER} 件`);

    // Keywords within the filter.
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('AED');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => count.textContent()).toBe('1 件');
    expect(new URL(page.url()).searchParams.get('q')).toBe('AED');

    // The dataset: what it is, its file with the download count, a real download.
    await page.getByRole('link', { name: 'AED設置箇所一覧' }).click();
    await page.getByRole('heading', { level: 1, name: 'AED設置箇所一覧' }).waitFor();
    await page.getByText('毎年4月に更新します。').waitFor();
    await page.getByText(`ダウンロード数 ${AED_DOWNLOADS}`).waitFor();
    await page.getByRole('link', { name: 'クリエイティブ・コモンズ 表示 4.0 国際' }).waitFor();
    const href = await page.getByTestId('opendata-resource').getByRole('link', { name: /ダウンロード/ }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^${suite.server.origin}/t/tokushima/`));
    const download = await fetch(href!);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('名称,所在地,緯度,経度');

    // The table preview: 20 rows a page, captioned, in a labelled scrollable region.
    const table = page.getByRole('region', { name: 'AED設置箇所一覧（CSV）の表（横にスクロールできます）' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(20);
    expect(await table.locator('tbody tr').first().textContent()).toContain('徳島市役所');
    await table.getByText(`全${AED_ROWS}行のうち 1〜20行目`).waitFor();
    await page.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(AED_ROWS - 20);
    await table.getByText(`全${AED_ROWS}行のうち 21〜${AED_ROWS}行目`).waitFor();
    await page.getByRole('button', { name: '前へ' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(20);

    // The map: one circle per row (tiles refused here), a popup with the row's 名称.
    const map = page.getByRole('region', { name: 'AED設置箇所一覧（CSV）の地図' });
    await expect.poll(() => map.locator('path.leaflet-interactive').count()).toBe(AED_ROWS);
    await map.getByRole('link', { name: '地理院タイル' }).waitFor();
    // Circles overlap at this zoom, so the first one is clicked as an element, not at a screen point.
    await map.locator('path.leaflet-interactive').first().dispatchEvent('click');
    await expect.poll(() => map.locator('.leaflet-popup-content').textContent()).toBe('徳島市役所');

    // The API panel: the calls shown answer when fetched.
    await page.locator('summary', { hasText: 'API で使う' }).click();
    const calls = page.getByTestId('opendata-api-call');
    await expect.poll(() => calls.count()).toBe(3);
    const show = (await calls.nth(0).textContent())!;
    expect(show).toBe(`GET ${base}/api/3/action/package_show?id=aed-locations`);
    const shown = await (await fetch(show.slice(4))).json() as { success: boolean; result: { name: string; resources: { id: string }[] } };
    expect(shown.success).toBe(true);
    expect(shown.result.name).toBe('aed-locations');
    const rows = (await calls.nth(1).textContent())!;
    expect(rows).toBe(`GET ${base}/api/3/action/datastore_search?resource_id=${shown.result.resources[0]!.id}&limit=5`);
    const answered = await (await fetch(rows.slice(4))).json() as { success: boolean; result: { records: unknown[]; total: number } };
    expect(answered.success).toBe(true);
    expect(answered.result.records).toHaveLength(5);
    expect(answered.result.total).toBe(AED_ROWS);
    expect(await calls.nth(2).textContent()).toBe(`curl '${base}/api/3/action/package_show?id=aed-locations'`);
    expect(await page.getByRole('link', { name: 'JSON-LD 形式' }).getAttribute('href')).toBe('/t/tokushima/dataset/aed-locations.jsonld');
    expect(await page.getByRole('link', { name: 'Turtle 形式' }).getAttribute('href')).toBe('/t/tokushima/dataset/aed-locations.ttl');
    const jsonld = await fetch(`${suite.server.origin}/t/tokushima/dataset/aed-locations.jsonld`);
    expect(jsonld.status).toBe(200);
    expect(jsonld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    await expectNoAxeViolations(page, 'open data dataset with its API panel');
    await screenshot(page, 'opendata-dataset');
    expect(await overflowsHorizontally(page)).toBe(false);

    // A tag leads back to the catalog, filtered by it.
    await page.getByRole('link', { name: '医療', exact: true }).click();
    await expect.poll(() => count.textContent()).toBe('1 件');
    expect(new URL(page.url()).searchParams.getAll('tags')).toEqual(['医療']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English (titles, facets, licence) and やさしい日本語, and says when a dataset is unknown', async () => {
    const base = `${suite.server.origin}/t/tokushima`;
    const en = await newPage(suite.browser, { viewport: PHONE });
    await offlineTiles(en.context);
    await en.page.goto(`${base}/opendata?lang=en&groups=disaster`);
    await expect.poll(() => en.page.getByTestId('opendata-count').textContent()).toBe(`${DISASTER} datasets`);
    await en.page.getByRole('link', { name: /^AED locations/ }).waitFor();
    await en.page.getByRole('link', { name: /^Designated emergency evacuation sites/ }).waitFor();
    await en.page.getByRole('group', { name: 'Category' }).getByRole('checkbox', { name: `Disaster prevention (${DISASTER})` }).waitFor();
    await en.page.getByRole('group', { name: 'Organisation' }).getByRole('checkbox', { name: `Disaster Management Division (${DISASTER})` }).waitFor();
    await expectNoAxeViolations(en.page, 'open data catalog (en)');
    await screenshot(en.page, 'opendata-catalog-en');
    await en.page.getByRole('link', { name: /^AED locations/ }).click();
    await en.page.getByRole('heading', { level: 1, name: 'AED locations' }).waitFor();
    await en.page.getByText('Updated every April.').waitFor();
    await en.page.getByText(/^Downloads: \d+$/).waitFor(); // 12, plus the download of the test before
    await en.page.getByRole('link', { name: 'Creative Commons Attribution 4.0' }).waitFor();
    await expect.poll(() => en.page.locator('path.leaflet-interactive').count()).toBe(AED_ROWS);
    await expectNoAxeViolations(en.page, 'open data dataset (en)');
    expect(en.errors).toEqual([]);
    await en.context.close();

    const easy = await newPage(suite.browser, { viewport: PHONE });
    await easy.page.goto(`${base}/opendata?lang=ja-easy`);
    await easy.page.getByRole('searchbox', { name: 'さがす ことば' }).waitFor();
    await expect.poll(() => easy.page.getByTestId('opendata-count').textContent()).toBe(`${TOTAL} 件`);
    await expectNoAxeViolations(easy.page, 'open data catalog (やさしい日本語)');

    await easy.page.goto(`${base}/opendata/dataset/no-such-dataset?lang=ja`);
    await easy.page.getByRole('heading', { level: 1, name: 'データセットが見つかりません' }).waitFor();
    await expectNoAxeViolations(easy.page, 'open data dataset not found');
    expect(easy.errors).toEqual([]);
    await easy.context.close();
  });
});
