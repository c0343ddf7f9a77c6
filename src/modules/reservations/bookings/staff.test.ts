import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import type { Tenant } from '../../../core/platform.ts';
import { businessDayAhead, checkupInput, ctxOf, jst, staffActor } from '../testing.ts';
import { act, roster } from './staff.ts';

const PW = 'correct horse battery';

describe('staff: roster, counter actions, phone bookings, CSV, iCalendar feed, meeting rooms', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let plain: TestClient;
  let citizen: TestClient;
  let tenant: Tenant;
  let checkup: { id: string; examTypes: { id: string; code: string }[] };
  const day = businessDayAhead(3);
  const woman = { name: '眉山　和子', kana: 'ビザン カズコ', phone: '088-000-0000', birthDate: '1970-05-05', sex: 'female' };

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin, plain } = await signedInAdminAndStaff(y, tenant.id, PW));
    citizen = new TestClient(y.app);
    await citizen.me();
    checkup = (await admin.send('POST', '/api/admin/reservations/resources', checkupInput({ examTypes: [{ code: 'breast', nameJa: '乳がん検診', capacityPerSlot: 1, sex: 'female', minAge: 40 }] }))).data;
  });
  afterAll(async () => y?.close());

  it('books a phone caller against the same capacity as online, and lists both on the roster', async () => {
    const examTypeId = checkup.examTypes[0]!.id;
    const phone = await admin.send('POST', `/api/admin/reservations/resources/${checkup.id}/bookings`, { ...woman, startsAt: jst(day, '09:00'), examTypeId });
    expect(phone.statusCode, phone.body).toBe(201);
    const online = await citizen.send('POST', `/api/reservations/resources/${checkup.id}/bookings`, { ...woman, name: '別の人', startsAt: jst(day, '09:00'), examTypeId });
    expect(online.statusCode).toBe(409);
    expect(online.data.error).toMatchObject({ code: 'slot_full', field: 'startsAt' });
    expect((await plain.send('GET', `/api/admin/reservations/resources/${checkup.id}/roster?date=${day}`)).statusCode).toBe(403);
    const list = await admin.send('GET', `/api/admin/reservations/resources/${checkup.id}/roster?date=${day}`);
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({ channel: 'staff', name: '眉山　和子', examName: '乳がん検診', phone: '088-000-0000', status: 'confirmed' });
  });

  it('checks in at the counter, refuses a no-show before the start and a double check-in', async () => {
    const item = (await admin.send('GET', `/api/admin/reservations/resources/${checkup.id}/roster?date=${day}`)).data.items[0];
    expect((await admin.send('POST', `/api/admin/reservations/bookings/${item.id}/no-show`, {})).statusCode).toBe(409);
    const done = await admin.send('POST', `/api/admin/reservations/bookings/${item.id}/check-in`, {});
    expect(done.data).toMatchObject({ status: 'checked_in' });
    expect(done.data.checkedInAt).not.toBeNull();
    expect((await admin.send('POST', `/api/admin/reservations/bookings/${item.id}/check-in`, {})).data.error.code).toBe('invalid_transition');
    expect((await admin.send('POST', `/api/admin/reservations/bookings/${item.id}/undo`, {})).data.status).toBe('confirmed');
    expect((await admin.send('POST', `/api/admin/reservations/bookings/${item.id}/fly`, {})).statusCode).toBe(400);
  });

  it('limits PROCESS staff to their departments\' resources', async () => {
    const other = staffActor(tenant.id, ['reservations.process']);
    const [dept] = await y.db.rows<{ id: string }>(sql`insert into departments (tenant_id, code, name_ja) values (${tenant.id}, 'kenko', '健康増進課') returning id`);
    const put = await admin.send('PUT', `/api/admin/reservations/resources/${checkup.id}`, checkupInput({ departmentId: dept!.id, examTypes: [{ code: 'breast', nameJa: '乳がん検診', capacityPerSlot: 1, sex: 'female', minAge: 40 }] }));
    expect(put.statusCode, put.body).toBe(200);
    await expect(roster(ctxOf(y.platform, tenant, other), checkup.id, day)).rejects.toMatchObject({ status: 403 });
    const mine = await roster(ctxOf(y.platform, tenant, { ...other, departmentIds: [dept!.id] }), checkup.id, day);
    expect(mine.bookings).toHaveLength(1);
    await expect(act(ctxOf(y.platform, tenant, other), mine.bookings[0]!.id, 'check-in')).rejects.toMatchObject({ status: 403 });
  });

  it('keeps an explicit null in a number-or-null field null (JSON bodies are not type-coerced)', async () => {
    const created = await admin.send('POST', '/api/admin/reservations/resources', checkupInput({
      examTypes: [{ code: 'cervical', nameJa: '子宮頸がん検診', capacityPerSlot: 2, sex: 'female', minAge: 20, maxAge: null, intervalFiscalYears: null }],
    }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.examTypes[0]).toMatchObject({ minAge: 20, maxAge: null, intervalFiscalYears: null });
    const text = await admin.send('POST', '/api/admin/reservations/resources', checkupInput({ slotMinutes: '30' as unknown as number }));
    expect(text.statusCode).toBe(400);
  });

  it('exports the roster as CSV in UTF-8 with BOM and in CP932', async () => {
    const utf8 = await admin.send('GET', `/api/admin/reservations/resources/${checkup.id}/bookings.csv?date=${day}`);
    expect(utf8.statusCode).toBe(200);
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(utf8.body).toContain('予約番号');
    expect(utf8.body).toContain('眉山　和子');
    const sjis = await admin.send('GET', `/api/admin/reservations/resources/${checkup.id}/bookings.csv?date=${day}&encoding=cp932`);
    expect(iconv.decode(sjis.rawPayload, 'cp932')).toContain('ビザン カズコ');
  });

  it('serves an iCalendar feed of the bookings at a secret URL that can be turned off', async () => {
    const on = await admin.send('POST', `/api/admin/reservations/resources/${checkup.id}/feed`, { enabled: true });
    const path = new URL(on.data.url, 'http://x').pathname;
    const res = await y.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(jst(day, '09:00'));
    expect(events[0]!.summary).toContain('眉山');
    await admin.send('POST', `/api/admin/reservations/resources/${checkup.id}/feed`, { enabled: false });
    expect((await y.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('lists a venue\'s day across its resources', async () => {
    const res = await admin.send('GET', `/api/admin/reservations/roster?date=${day}&venue=${encodeURIComponent('保健センター')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.items.map((i: { resourceName: string; name: string }) => [i.resourceName, i.name])).toEqual([['乳がん・子宮頸がん検診（保健センター）', '眉山　和子']]);
    expect((await plain.send('GET', `/api/admin/reservations/roster?date=${day}&venue=${encodeURIComponent('保健センター')}`)).data.items).toEqual([]);
  });

  it('lets any staff member book a meeting room, never citizens', async () => {
    const room = (await admin.send('POST', '/api/admin/reservations/resources', { kind: 'meeting_room', nameJa: '本庁舎 第1会議室', slotMinutes: 60, closesHoursBefore: 0, hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' })) })).data;
    const slots = await plain.send('GET', `/api/reservations/resources/${room.id}/slots?month=${day.slice(0, 7)}`);
    expect(slots.statusCode).toBe(200);
    const made = await plain.send('POST', `/api/admin/reservations/resources/${room.id}/bookings`, { name: '一般職員', startsAt: jst(day, '10:30'), note: '課内会議' });
    expect(made.statusCode, made.body).toBe(201);
    expect((await citizen.send('POST', `/api/reservations/resources/${room.id}/bookings`, { name: 'x', email: 'x@example.jp', startsAt: jst(day, '11:30') })).statusCode).toBe(404);
    expect((await citizen.send('GET', `/api/reservations/resources/${room.id}/slots?month=${day.slice(0, 7)}`)).statusCode).toBe(404);
    const bookingId = (await admin.send('GET', `/api/admin/reservations/resources/${room.id}/roster?date=${day}`)).data.items[0].id;
    await expect(act(ctxOf(y.platform, tenant, staffActor(tenant.id, [], randomUUID())), bookingId, 'cancel')).rejects.toMatchObject({ status: 403 });
    expect((await plain.send('POST', `/api/admin/reservations/bookings/${bookingId}/cancel`, {})).data.status).toBe('cancelled');
  });
});
