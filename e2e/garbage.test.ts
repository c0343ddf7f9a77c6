import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { expectNoAxeViolations, newPage, overflowsHorizontally, PHONE, screenshot, useBrowserSuite } from './support/index.ts';
import { NOTICE, OTHER_NOTICE, seedGarbage } from './garbage-setup.ts';
import { nextCollections } from '../src/modules/garbage/engine/index.ts';
import type { GarbageBundle } from '../src/modules/garbage/engine/types.ts';
import { toJstDateString } from '../src/core/ja/dates.ts';

// ごみ end to end on a phone: a resident finds their area by address, sees the next collection per
// category and the month calendar, looks items up in hiragana and romaji, turns reminders on (the
// server stores one push subscription per topic), then loses the network and still has the calendar
// and the dictionary from the service worker's copy. Headless Chromium has no push service, so the
// page's PushManager is replaced by a stand-in that returns a subscription with real P-256 keys for
// an https endpoint of ours, as the browser vendor's service would.

const suite = useBrowserSuite(async (server) => { await seedGarbage(server); });

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const PUSH = { endpoint: 'https://push.example.net/wpush/v2/garbage-e2e-device-1', p256dh: ecdh.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') };

/** Replaces the Push API (no push service in headless Chromium); the subscription survives reloads like a real one. */
function fakePush(p: typeof PUSH): void {
  const keys = { p256dh: p.p256dh, auth: p.auth };
  const make = () => ({
    endpoint: p.endpoint, expirationTime: null, options: { userVisibleOnly: true, applicationServerKey: null },
    getKey: () => null, toJSON: () => ({ endpoint: p.endpoint, expirationTime: null, keys }),
    unsubscribe: async () => { localStorage.removeItem('e2e.push'); return true; },
  });
  PushManager.prototype.subscribe = async function () { localStorage.setItem('e2e.push', '1'); return make() as unknown as PushSubscription; };
  PushManager.prototype.getSubscription = async function () { return (localStorage.getItem('e2e.push') ? make() : null) as unknown as PushSubscription; };
}

describe('garbage (ごみ) on a phone', () => {
  it('chooses an area by address, sees the next dates, searches, subscribes to reminders and works offline', async () => {
    const { context, page, errors } = await newPage(suite.browser, { viewport: PHONE, serviceWorkers: 'allow' });
    const origin = suite.server.origin;
    const base = `${origin}/t/tokushima`;
    await context.grantPermissions(['notifications'], { origin });
    await context.addInitScript(fakePush, PUSH);

    // What the calendar should say, from the published bundle and the same engine.
    const bundle = await (await fetch(`${base}/api/garbage/bundle`)).json() as GarbageBundle;
    const area = bundle.areas.find((a) => a.code === 'shinmachi')!;
    const burnable = bundle.categories.find((c) => c.code === 'burnable')!;
    const today = toJstDateString(new Date());
    const next = nextCollections({ rules: bundle.rules, exceptions: bundle.exceptions, suspensions: bundle.suspensions, holidays: new Set(bundle.holidays) }, area.id, today);
    const nextBurnable = next.find((n) => n.categoryId === burnable.id)!.next.date;
    const [, nm, nd] = nextBurnable.split('-').map(Number);

    // No area yet: the ways to choose one, the map's areas are links with their names.
    await page.goto(`${base}/garbage`);
    await page.getByRole('heading', { level: 2, name: '地区を選んでください' }).waitFor();
    await page.getByRole('group', { name: '収集地区の地図' }).getByRole('link', { name: '東富田地区' }).waitFor();
    await expectNoAxeViolations(page, 'garbage area chooser');
    await screenshot(page, 'garbage-choose-area');
    expect(await overflowsHorizontally(page)).toBe(false);

    // By address: 万代町3丁目 is in 新町地区 (which lists 万代町).
    await page.getByLabel('町名・住所').fill('万代町3丁目');
    await page.getByRole('button', { name: '探す', exact: true }).click();
    await page.getByText('1件の地区が見つかりました。').waitFor();
    await page.getByRole('link', { name: /^新町地区/ }).first().click();
    await page.getByText('あなたの地区：新町地区').waitFor();
    await expect.poll(() => page.getByTestId('next-burnable').textContent()).toContain(`${nm}月${nd}日`);
    if (nextBurnable.slice(0, 7) === today.slice(0, 7)) {
      await expect.poll(() => page.locator(`td[data-date="${nextBurnable}"]`).textContent()).toContain('燃やせるごみ');
    }
    await page.getByRole('heading', { name: '収集カレンダー' }).waitFor();
    // The city's live notices for this area, not the neighbour's.
    await page.getByRole('heading', { level: 3, name: NOTICE }).waitFor();
    expect(await page.getByText(OTHER_NOTICE).count()).toBe(0);
    await expectNoAxeViolations(page, 'garbage area calendar');
    await screenshot(page, 'garbage-calendar');
    expect(await overflowsHorizontally(page)).toBe(false);
    // The choice is remembered.
    await page.reload();
    await page.getByText('あなたの地区：新町地区').waitFor();
    // …and the portal's home page shows the next collections of that area.
    await page.goto(base);
    await page.getByRole('heading', { level: 2, name: 'ごみの収集日（新町地区）' }).waitFor();
    await expect.poll(() => page.locator('section[aria-labelledby="garbage-home"]').textContent()).toContain(`${nm}月${nd}日`);
    await expectNoAxeViolations(page, 'portal home with the next collections');
    await page.getByRole('link', { name: '収集カレンダー' }).click();
    await page.getByText('あなたの地区：新町地区').waitFor();

    // The dictionary: hiragana, romaji, a fee, and what the city does not collect.
    await page.getByRole('link', { name: '分別辞典' }).click();
    const box = page.getByRole('searchbox', { name: '捨てたいもの' });
    await box.fill('ぺっとぼとる');
    await page.getByRole('heading', { level: 2, name: 'ペットボトル' }).waitFor();
    await expect.poll(() => page.getByTestId('garbage-hit').first().textContent()).toContain('缶');
    await box.fill('namagomi');
    await page.getByRole('heading', { level: 2, name: '生ごみ' }).waitFor();
    await expect.poll(() => page.getByTestId('garbage-hit').first().textContent()).toContain('燃やせるごみ');
    await box.fill('jitensha');
    await page.getByText('手数料 500円').waitFor();
    await box.fill('てれび');
    await page.getByText('市では収集しません').waitFor();
    await box.fill('ぺっとぼとる');
    await page.getByRole('heading', { level: 2, name: 'ペットボトル' }).waitFor();
    await expectNoAxeViolations(page, 'garbage dictionary');
    await screenshot(page, 'garbage-dictionary');

    // Only settled queries reach the server, and only to be counted (the answers come from the bundle).
    await expect.poll(async () => Number((await suite.server.yakuba.db.rows<{ n: string | null }>(
      sql`select sum(value) as n from garbage_counters where metric = 'searches'`))[0]?.n ?? 0), { timeout: 5000 }).toBeGreaterThanOrEqual(1);

    // Reminders: both categories, the evening before and the morning of, and city notices.
    await page.getByRole('link', { name: 'お知らせ設定' }).click();
    await page.getByRole('heading', { level: 1, name: '収集日のお知らせ' }).waitFor();
    await page.getByRole('checkbox', { name: '当日の朝 6:30' }).check();
    await expectNoAxeViolations(page, 'garbage reminders');
    await screenshot(page, 'garbage-reminders');
    await page.getByRole('button', { name: 'この内容でお知らせを受け取る' }).click();
    await page.getByText('お知らせを設定しました。').waitFor();
    const rows = await suite.server.yakuba.db.rows<{ audience: string; endpoint: string; p256dh: string }>(
      sql`select audience, endpoint, p256dh from push_subscriptions where endpoint = ${PUSH.endpoint} order by audience`);
    expect(rows.map((r) => r.audience)).toEqual([
      'topic:garbage.shinmachi.burnable.eve', 'topic:garbage.shinmachi.burnable.morn',
      'topic:garbage.shinmachi.cans.eve', 'topic:garbage.shinmachi.cans.morn', 'topic:garbage.shinmachi.notices',
    ]);
    expect(rows[0]!.p256dh).toBe(PUSH.p256dh);
    // The calendar feed for the same categories, as webcal:// of this origin.
    const add = page.getByRole('link', { name: 'カレンダーに追加' });
    expect(await add.getAttribute('href')).toBe(`webcal://${new URL(origin).host}/t/tokushima/api/garbage/feeds/shinmachi.ics?c=burnable,cans&lang=ja`);
    const feed = await fetch(await page.getByLabel('カレンダーのURL').inputValue());
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain(`DTSTART;VALUE=DATE:${nextBurnable.replaceAll('-', '')}`);
    // Dropping the morning reminder leaves only those topics.
    await page.getByRole('checkbox', { name: '当日の朝 6:30' }).uncheck();
    await page.getByRole('button', { name: 'この内容に変える' }).click();
    await page.getByText('お知らせを設定しました。').waitFor();
    await expect.poll(async () => (await suite.server.yakuba.db.rows<{ audience: string }>(
      sql`select audience from push_subscriptions where endpoint = ${PUSH.endpoint} order by audience`)).map((r) => r.audience))
      .toEqual(['topic:garbage.shinmachi.burnable.eve', 'topic:garbage.shinmachi.cans.eve', 'topic:garbage.shinmachi.notices']);

    // Offline: once the service worker controls the page, its copies of the app, bundle and notices serve a reload.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.goto(`${base}/garbage/search`);
    await page.goto(`${base}/garbage`);
    await page.getByText('あなたの地区：新町地区').waitFor();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.getByText(/保存したデータを表示しています（\d+月\d+日/).waitFor();
    await page.getByRole('heading', { name: '収集カレンダー' }).waitFor();
    await expect.poll(() => page.getByTestId('next-burnable').textContent()).toContain(`${nm}月${nd}日`);
    await page.getByRole('table').waitFor();
    await page.getByRole('heading', { level: 3, name: NOTICE }).waitFor();
    await expectNoAxeViolations(page, 'garbage calendar offline');
    await page.getByRole('link', { name: '分別辞典' }).click();
    await page.getByRole('searchbox', { name: '捨てたいもの' }).fill('ぺっとぼとる');
    await page.getByRole('heading', { level: 2, name: 'ペットボトル' }).waitFor();
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds the area from the location on the phone, and explains when location is refused', async () => {
    const base = `${suite.server.origin}/t/tokushima`;
    const here = await newPage(suite.browser, { viewport: PHONE });
    await here.context.grantPermissions(['geolocation'], { origin: suite.server.origin });
    await here.context.setGeolocation({ latitude: 34.0705, longitude: 134.5690 });
    await here.page.goto(`${base}/garbage`);
    await here.page.getByRole('button', { name: '現在地から探す' }).click();
    await here.page.getByText('あなたの地区：東富田地区').waitFor();
    await here.context.close();

    const refused = await newPage(suite.browser, { viewport: PHONE });
    await refused.context.clearPermissions();
    await refused.page.goto(`${base}/garbage`);
    await refused.page.getByRole('button', { name: '現在地から探す' }).click();
    await refused.page.getByText('位置情報の利用が許可されていません').waitFor();
    await expectNoAxeViolations(refused.page, 'garbage location refused');
    // The map works from the keyboard: each area is a link with its name.
    await refused.page.getByRole('group', { name: '収集地区の地図' }).getByRole('link', { name: '新町地区' }).focus();
    await refused.page.keyboard.press('Enter');
    await refused.page.getByText('あなたの地区：新町地区').waitFor();
    await refused.context.close();
  });

  it('speaks English and Korean (axe in both)', async () => {
    const base = `${suite.server.origin}/t/tokushima`;
    const en = await newPage(suite.browser, { viewport: PHONE });
    await en.page.goto(`${base}/garbage/search?lang=en`);
    await en.page.getByRole('searchbox', { name: 'What to throw away' }).fill('bicycle');
    await en.page.getByRole('heading', { level: 2, name: 'Bicycle' }).waitFor();
    await en.page.getByText('Fee: 500 yen').waitFor();
    await en.page.getByText('Bulky waste').first().waitFor();
    await expectNoAxeViolations(en.page, 'garbage dictionary (en)');
    await screenshot(en.page, 'garbage-dictionary-en');
    expect(en.errors).toEqual([]);
    await en.context.close();

    const ko = await newPage(suite.browser, { viewport: PHONE, locale: 'ko-KR' });
    await ko.page.goto(`${base}/garbage?lang=ko`);
    await ko.page.getByRole('heading', { level: 2, name: '지역을 선택하세요' }).waitFor();
    await ko.page.getByRole('link', { name: /^Shinmachi/ }).first().click();
    await ko.page.getByRole('heading', { name: '수거 달력' }).waitFor();
    // Texts the city gave only in Japanese fall back to it, marked as Japanese for screen readers.
    await ko.page.locator('span[lang="ja"]', { hasText: '指定袋で朝8時30分までに' }).first().waitFor();
    await ko.page.locator('span[lang="en"]', { hasText: 'Burnable' }).first().waitFor();
    await expectNoAxeViolations(ko.page, 'garbage calendar (ko)');
    await screenshot(ko.page, 'garbage-calendar-ko');
    expect(ko.errors).toEqual([]);
    await ko.context.close();
  });
});
