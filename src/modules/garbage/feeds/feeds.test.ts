import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import { dayOfWeek } from '../../../core/ja/dates.ts';
import type { Tenant } from '../../../core/platform.ts';
import { ADMIN, PUBLIC, smallCity, weekly } from '../testing.ts';
import { feedClientHash } from './clients.ts';

interface Ev { uid: string; start: string; dateOnly: boolean; summary: string; lastModified: string }

function parse(text: string): { name: string; ttl: string; events: Ev[] } {
  const comp = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(comp.getFirstPropertyValue('x-wr-calname')),
    ttl: String(comp.getFirstPropertyValue('x-published-ttl')),
    events: comp.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return { uid: e.uid, start: e.startDate.toString(), dateOnly: e.startDate.isDate, summary: e.summary, lastModified: String(v.getFirstPropertyValue('last-modified')) };
    }),
  };
}

describe('garbage: iCal feed', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let tenant: Tenant;
  let city: Awaited<ReturnType<typeof smallCity>>;
  const get = (url: string, ua = 'Calendar/1.0') => y.app.inject({ method: 'GET', url: `/t/tokushima${PUBLIC}${url}`, headers: { 'user-agent': ua } });

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
    city = await smallCity(admin);
  });
  afterAll(async () => y?.close());

  it('answers 404 before the first publication and for an unknown area', async () => {
    expect((await get('/feeds/shinmachi.ics')).statusCode).toBe(404);
    expect((await admin.send('POST', `${ADMIN}/publish`, {})).statusCode).toBe(201);
    expect((await get('/feeds/nowhere.ics')).statusCode).toBe(404);
    expect((await get('/feeds/shinmachi.txt')).statusCode).toBe(400);
  });

  it('is valid iCalendar with all-day events on the right JST days, stable UIDs and a 12-hour TTL', async () => {
    const res = await get('/feeds/shinmachi.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('DTSTART;VALUE=DATE:');
    const cal = parse(res.body);
    expect(cal.name).toContain('新町地区');
    expect(cal.ttl).toBe('PT12H');
    expect(cal.events.length).toBeGreaterThan(100);
    expect(cal.events.every((e) => e.dateOnly && e.summary === '燃やせるごみ')).toBe(true);
    // Monday and Thursday in JST: an all-day date is the calendar day itself, whatever the phone's zone.
    expect(cal.events.every((e) => [1, 4].includes(dayOfWeek(e.start)))).toBe(true);
    expect(new Set(cal.events.map((e) => e.uid)).size).toBe(cal.events.length);
    const again = parse((await get('/feeds/shinmachi.ics')).body);
    expect(again.events.map((e) => e.uid)).toEqual(cal.events.map((e) => e.uid));
    expect(parse((await get('/feeds/shinmachi.ics?c=cans')).body).events).toEqual([]);
    expect(parse((await get('/feeds/shinmachi.ics?lang=en&c=burnable,cans')).body).events[0]!.summary).toBe('Burnable');
    const english = await y.app.inject({ method: 'GET', url: `/t/tokushima${PUBLIC}/feeds/shinmachi.ics`, headers: { 'accept-language': 'en', 'user-agent': 'Calendar/1.0' } });
    expect(parse(english.body).events[0]!.summary).toBe('燃やせるごみ');
  });

  it('changes after a new publication, keeping the UID of an unchanged (area, category, date)', async () => {
    const before = parse((await get('/feeds/shinmachi.ics')).body);
    await admin.send('PUT', `${ADMIN}/areas/${city.area}/rules`, { rules: [weekly(city.burnable, [1])] });
    await admin.send('POST', `${ADMIN}/publish`, {});
    const after = parse((await get('/feeds/shinmachi.ics')).body);
    expect(after.events.every((e) => dayOfWeek(e.start) === 1)).toBe(true);
    expect(after.events.length).toBeLessThan(before.events.length);
    const monday = before.events.find((e) => dayOfWeek(e.start) === 1)!;
    expect(after.events.find((e) => e.start === monday.start)!.uid).toBe(monday.uid);
    const published = (await admin.send('GET', `${ADMIN}/publications`)).data.items[0].publishedAt as string;
    expect(after.events[0]!.lastModified).toBe(published.replace(/\.\d+Z$/, 'Z'));
  });

  it('counts distinct clients per month as salted hashes only', async () => {
    await get('/feeds/shinmachi.ics', 'Other/2.0');
    const rows = await y.platform.inTenant(tenant.id, (tx) => tx.execute(sql`select client_hash from garbage_feed_clients`));
    const hashes = (rows as unknown as { rows: { client_hash: string }[] }).rows.map((r) => r.client_hash);
    expect(hashes).toHaveLength(2);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(feedClientHash('s', '2027-01-01', '1.2.3.4', 'ua')).not.toBe(feedClientHash('s', '2027-02-01', '1.2.3.4', 'ua'));
  });
});
