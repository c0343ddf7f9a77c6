import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { testApp } from '../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../core/auth/testing.ts';
import type { Tenant } from '../../core/platform.ts';
import { businessDayAhead, checkupInput, jst, mailsTo } from './testing.ts';

const PW = 'correct horse battery';

describe('reservations: set up, book, email with .ics, cancel (API)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let plain: TestClient;
  let citizen: TestClient;
  let tenant: Tenant;
  let resource: { id: string; examTypes: { id: string; code: string }[] };
  const day = businessDayAhead(7);

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin, plain } = await signedInAdminAndStaff(y, tenant.id, PW));
    citizen = new TestClient(y.app);
    await citizen.me();
    const res = await admin.send('POST', '/api/admin/reservations/resources', checkupInput());
    expect(res.statusCode, res.body).toBe(201);
    resource = res.data;
  });
  afterAll(async () => y?.close());

  it('lets only managers create resources, and names the field of bad rules', async () => {
    expect((await plain.send('POST', '/api/admin/reservations/resources', checkupInput())).statusCode).toBe(403);
    const bad = await admin.send('POST', '/api/admin/reservations/resources', checkupInput({ hours: [{ weekday: 1, opens: '12:00', closes: '09:00' }] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.field).toBe('hours[0].closes');
    const noExam = await admin.send('POST', '/api/admin/reservations/resources', checkupInput({ examTypes: [] }));
    expect(noExam.data.error.field).toBe('examTypes');
    const room = await admin.send('POST', '/api/admin/reservations/resources', { kind: 'meeting_room', nameJa: '第1会議室', slotMinutes: 60, hours: [{ weekday: 1, opens: '09:00', closes: '17:00' }] });
    expect(room.data.staffOnly).toBe(true);
    const list = await citizen.send('GET', '/api/reservations/resources');
    expect(list.data.items.map((r: { name: string }) => r.name)).toEqual(['乳がん・子宮頸がん検診（保健センター）']);
    expect((await citizen.send('GET', `/api/reservations/resources/${room.data.id}`)).statusCode).toBe(404);
  });

  it('shows a month of slots in JST with free seats per exam', async () => {
    const breast = resource.examTypes.find((e) => e.code === 'breast')!;
    const res = await citizen.send('GET', `/api/reservations/resources/${resource.id}/slots?month=${day.slice(0, 7)}&examTypeId=${breast.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.data.days.find((x: { date: string }) => x.date === day);
    expect(d.slots.map((s: { time: string }) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(d.slots[0]).toMatchObject({ startsAt: jst(day, '09:00'), capacity: 2, free: 2, state: 'open' });
    expect((await citizen.send('GET', `/api/reservations/resources/${resource.id}/slots?month=${day.slice(0, 7)}`)).data.error.field).toBe('examTypeId');
    expect((await citizen.send('GET', `/api/reservations/resources/${resource.id}/slots?month=2026-13&examTypeId=${breast.id}`)).statusCode).toBe(400);
  });

  it('books without an account, emails a valid .ics and a cancel link, and cancelling frees the seat at once', async () => {
    const breast = resource.examTypes.find((e) => e.code === 'breast')!;
    const body = { startsAt: jst(day, '10:00'), examTypeId: breast.id, name: '徳島　花子', email: 'hanako@example.jp', birthDate: '1975-06-01', sex: 'female' };
    const res = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({ status: 'confirmed', examName: '乳がん検診', startsAt: jst(day, '10:00'), canCancel: true });
    const [mail] = await mailsTo(y.platform, 'hanako@example.jp');
    expect(mail!.subject).toContain('予約が確定しました');
    expect(mail!.text).toContain(`${day} 10:00`);
    const link = /\/reservations\/manage\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    expect(link).toBe(res.data.manageToken);
    const ics = Buffer.from(mail!.attachments![0]!.content, 'base64').toString('utf8');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(jst(day, '10:00'));
    expect(event.endDate.toJSDate().toISOString()).toBe(jst(day, '10:30'));
    expect(event.summary).toContain('乳がん検診');
    expect(event.location).toBe('保健センター');

    const slotsOf = async () => (await citizen.send('GET', `/api/reservations/resources/${resource.id}/slots?month=${day.slice(0, 7)}&examTypeId=${breast.id}`))
      .data.days.find((x: { date: string }) => x.date === day).slots.find((s: { time: string }) => s.time === '10:00');
    expect((await slotsOf()).free).toBe(1);
    const view = await citizen.send('GET', `/api/reservations/bookings/${link}`);
    expect(view.data).toMatchObject({ reference: res.data.reference, status: 'confirmed' });
    const cancel = await citizen.send('POST', `/api/reservations/bookings/${link}/cancel`, {});
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.data.status).toBe('cancelled');
    expect((await slotsOf()).free).toBe(2);
    expect((await citizen.send('POST', `/api/reservations/bookings/${link}/cancel`, {})).statusCode).toBe(409);
    expect((await mailsTo(y.platform, 'hanako@example.jp')).at(-1)!.subject).toContain('取り消しました');
  });

  it('answers a slot outside the window, an ineligible applicant and a wrong time with a clear 4xx', async () => {
    const breast = resource.examTypes.find((e) => e.code === 'breast')!;
    const base = { examTypeId: breast.id, name: '阿波　次郎', email: 'jiro@example.jp', birthDate: '1960-01-01', sex: 'female' };
    const far = businessDayAhead(90);
    const tooEarly = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...base, startsAt: jst(far, '09:00') });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.data.error).toMatchObject({ code: 'outside_window', field: 'startsAt' });
    const wrongTime = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...base, startsAt: jst(day, '09:10') });
    expect(wrongTime.data.error).toMatchObject({ code: 'no_such_slot', field: 'startsAt' });
    const young = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...base, startsAt: jst(day, '09:00'), birthDate: '2000-01-01' });
    expect(young.statusCode).toBe(422);
    expect(young.data.error).toMatchObject({ code: 'ineligible', field: 'birthDate', details: [{ rule: 'min_age', minAge: 40 }] });
    expect(young.data.error.message).toContain('40歳以上');
    const man = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...base, startsAt: jst(day, '09:00'), sex: 'male' });
    expect(man.data.error).toMatchObject({ code: 'ineligible', field: 'sex' });
    const noContact = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...base, email: undefined, startsAt: jst(day, '09:00') });
    expect(noContact.data.error.field).toBe('email');
  });

  it('moves a booking to another slot in one step, and keeps it when the new slot is refused', async () => {
    const cervical = resource.examTypes.find((e) => e.code === 'cervical')!;
    const body = { startsAt: jst(day, '11:00'), examTypeId: cervical.id, name: '新町　三枝', email: 'saegusa@example.jp', birthDate: '1990-02-03', sex: 'female' };
    const made = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, body);
    const moved = await citizen.send('POST', `/api/reservations/bookings/${made.data.manageToken}/change`, { startsAt: jst(day, '11:30') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.data).toMatchObject({ startsAt: jst(day, '11:30'), status: 'confirmed', examName: '子宮頸がん検診' });
    expect((await citizen.send('GET', `/api/reservations/bookings/${made.data.manageToken}`)).data.status).toBe('cancelled');
    const refused = await citizen.send('POST', `/api/reservations/bookings/${moved.data.manageToken}/change`, { startsAt: jst(day, '11:45') });
    expect(refused.data.error.code).toBe('no_such_slot');
    expect((await citizen.send('GET', `/api/reservations/bookings/${moved.data.manageToken}`)).data).toMatchObject({ status: 'confirmed', startsAt: jst(day, '11:30') });
  });

  it('refuses a second screening of the same kind in the interval, for the same name and birth date', async () => {
    const cervical = resource.examTypes.find((e) => e.code === 'cervical')!;
    const body = { examTypeId: cervical.id, name: '佐古　四葉', email: 'yotsuba@example.jp', birthDate: '1985-07-07', sex: 'female' };
    expect((await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...body, startsAt: jst(day, '09:00') })).statusCode).toBe(201);
    const again = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...body, name: '佐古 四葉', startsAt: jst(day, '09:30') });
    expect(again.statusCode).toBe(422);
    expect(again.data.error).toMatchObject({ code: 'ineligible', field: 'examTypeId', details: [{ rule: 'interval', years: 2 }] });
    const retry = await citizen.send('POST', `/api/reservations/resources/${resource.id}/bookings`, { ...body, startsAt: jst(day, '09:00') });
    expect(retry.statusCode).toBe(422); // the interval rule speaks first; a duplicate of the same slot is refused either way
  });
});
