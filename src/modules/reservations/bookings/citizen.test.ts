import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import type { Tenant } from '../../../core/platform.ts';
import { businessDayAhead, checkupInput, jst, mailsTo, signedInCitizen } from '../testing.ts';

describe('signed-in citizens and bookings that need approval', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let tenant: Tenant;
  const day = businessDayAhead(8);

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
  });
  afterAll(async () => y?.close());

  it('books with the account: its email, its list, and the interval rule follows the account whatever the name', async () => {
    const checkup = (await admin.send('POST', '/api/admin/reservations/resources', checkupInput())).data;
    const cervical = checkup.examTypes.find((e: { code: string }) => e.code === 'cervical').id;
    const { client } = await signedInCitizen(y.app, y.platform, tenant.id, 'momo@example.jp');
    const made = await client.send('POST', `/api/reservations/resources/${checkup.id}/bookings`, { startsAt: jst(day, '09:00'), examTypeId: cervical, name: '吉野　桃', birthDate: '1992-03-03', sex: 'female' });
    expect(made.statusCode, made.body).toBe(201);
    expect((await mailsTo(y.platform, 'momo@example.jp')).at(-1)!.subject).toContain('予約が確定しました');
    const mine = await client.send('GET', '/api/reservations/me/bookings');
    expect(mine.data.items.map((b: { reference: string }) => b.reference)).toEqual([made.data.reference]);
    const again = await client.send('POST', `/api/reservations/resources/${checkup.id}/bookings`, { startsAt: jst(day, '10:00'), examTypeId: cervical, name: 'よしの もも', birthDate: '1992-03-04', sex: 'female' });
    expect(again.data.error).toMatchObject({ code: 'ineligible', field: 'examTypeId' });
    const anon = new TestClient(y.app);
    await anon.me();
    expect((await anon.send('GET', '/api/reservations/me/bookings')).statusCode).toBe(401);
  });

  it('holds a provisional seat until staff approve it, then confirms by email', async () => {
    const interview = (await admin.send('POST', '/api/admin/reservations/resources', {
      kind: 'interview', nameJa: '児童扶養手当 面談', slotMinutes: 45, bufferAfterMinutes: 15, approvalRequired: true, limitPerPerson: 1,
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    })).data;
    const citizen = new TestClient(y.app);
    await citizen.me();
    const body = { startsAt: jst(day, '10:00'), name: '藍住　光', email: 'hikari@example.jp', phone: '088-111-2222' };
    const made = await citizen.send('POST', `/api/reservations/resources/${interview.id}/bookings`, body);
    expect(made.data).toMatchObject({ status: 'provisional', canConfirm: false });
    expect((await mailsTo(y.platform, 'hikari@example.jp')).at(-1)!.subject).toContain('仮予約');
    const second = await citizen.send('POST', `/api/reservations/resources/${interview.id}/bookings`, { ...body, startsAt: jst(day, '11:00') });
    expect(second.data.error).toMatchObject({ code: 'limit', field: 'startsAt' });
    expect((await citizen.send('POST', `/api/reservations/bookings/${made.data.manageToken}/confirm`, {})).statusCode).toBe(409);
    const roster = await admin.send('GET', `/api/admin/reservations/resources/${interview.id}/roster?date=${day}`);
    const approved = await admin.send('POST', `/api/admin/reservations/bookings/${roster.data.items[0].id}/approve`, {});
    expect(approved.data.status).toBe('confirmed');
    expect((await mailsTo(y.platform, 'hikari@example.jp')).at(-1)!.subject).toContain('予約が確定しました');
  });
});
