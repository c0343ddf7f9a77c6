import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addRole, addStaff, addTenant, expectNoAxeViolations, newPage, signInStaff, TOKUSHIMA, useBrowserSuite } from './support/index.ts';

// 予約 staff extras: draw a lottery by hand, the venue-wide day roster, the warning when a newly
// closed day still holds bookings, and the same pages in English.

const STAFF = { email: 'yoyaku2@tokushima.example.jp', displayName: '予約 担当二', password: 'reservations staff more password' };
const VENUE = 'e2e会館';

const suite = useBrowserSuite(async (server) => {
  const { id } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, id, '予約 設定と受付', ['reservations.manage', 'reservations.process']);
  await addStaff(server, id, { ...STAFF, roleIds: [role] });
});

const origin = () => suite.server.origin;
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('p[role=status]'));

/** Calls the tenant API from the signed-in page (session cookie and CSRF header like the console). */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; data: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = decodeURIComponent(/(?:^|; )yakuba_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '');
    const res = await fetch(`/t/tokushima/api${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, data: res.status === 204 ? null : await res.json() };
  }, { method, path, body });
}

const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' }));
const facility = { kind: 'facility', nameJa: 'e2e会議室', venueJa: VENUE, slotMinutes: 60, opensDaysAhead: 60, closesHoursBefore: 0, hours };

describe('reservations staff extras in the console', () => {
  it('draws a lottery, shows the venue roster and warns about bookings on a newly closed day, in Japanese and English', async () => {
    const { page, context } = await newPage(suite.browser);
    await signInStaff(page, origin(), 'tokushima', STAFF.email, STAFF.password);
    const past = new Date(Date.now() - 3600_000).toISOString();
    const lottery = await call(page, 'POST', '/admin/reservations/resources', { ...facility, nameJa: 'e2e抽選ホール', venueJa: '', lottery: { entriesUntil: past, slotsUntil: '2030-01-31' } });
    expect(lottery.status, JSON.stringify(lottery.data)).toBe(201);
    const room = await call(page, 'POST', '/admin/reservations/resources', facility);
    expect(room.status, JSON.stringify(room.data)).toBe(201);
    const slots = await call(page, 'GET', `/reservations/resources/${room.data.id}/slots?month=${new Date(Date.now() + 9 * 3600_000 + 3 * 86400_000).toISOString().slice(0, 7)}`);
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const day = (slots.data.days as { date: string; closed: string | null; slots: { startsAt: string; free: number }[] }[]).find((d) => d.date > today && !d.closed && d.slots.some((s) => s.free > 0))!;
    const booked = await call(page, 'POST', `/admin/reservations/resources/${room.data.id}/bookings`, { name: '阿波 花子', phone: '088-000-1111', startsAt: day.slots[0]!.startsAt });
    expect(booked.status, JSON.stringify(booked.data)).toBe(201);

    // Draw now.
    await page.goto(`${origin()}/t/tokushima/admin/reservations/${lottery.data.id}`);
    await settled(page);
    await page.getByRole('button', { name: '抽選する' }).click();
    await page.getByText('抽選しました。当選 0件、落選 0件。').waitFor();
    await expectNoAxeViolations(page, 'lottery drawn');

    // The venue roster, linked from the list.
    await page.goto(`${origin()}/t/tokushima/admin/reservations`);
    await page.getByRole('link', { name: '会場別の当日名簿' }).click();
    await page.getByRole('heading', { level: 1, name: '会場別の当日名簿' }).waitFor();
    await page.locator('#venue-roster-date').fill(day.date);
    await page.getByRole('button', { name: '表示' }).click();
    await page.getByRole('heading', { level: 2, name: 'e2e会議室' }).waitFor();
    await page.getByText('阿波 花子').waitFor();
    await expectNoAxeViolations(page, 'venue roster');

    // Closing the booked day warns with a link to that day's roster.
    await page.goto(`${origin()}/t/tokushima/admin/reservations/${room.data.id}`);
    await settled(page);
    await page.locator('#res-closedDates').fill(`${day.date} 臨時休館`);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('休みにした日に予約が残っています。').waitFor();
    const link = page.getByRole('link', { name: `${day.date}：1件（名簿を開く）` });
    expect(await link.getAttribute('href')).toContain(`/roster?date=${day.date}`);
    await expectNoAxeViolations(page, 'closed-day warning');

    // The same staff pages in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${origin()}/t/tokushima/admin/reservations`);
    await page.getByRole('heading', { level: 1, name: 'Reservations' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'resources (en)');
    await page.getByRole('link', { name: 'Day roster by venue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Day roster by venue' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'venue roster (en)');
    await page.goto(`${origin()}/t/tokushima/admin/reservations/${room.data.id}/roster?date=${day.date}`);
    await page.getByRole('heading', { level: 1, name: /e2e会議室/ }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'roster (en)');
    await context.close();
  });
});
