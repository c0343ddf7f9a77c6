import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import { dayOfWeek } from '../../../core/ja/dates.ts';
import { businessDayAhead, checkupInput, jst } from '../testing.ts';
import { bookingsOnClosedDays } from './closed-days.ts';

const PW = 'correct horse battery';

describe('closed-day warnings when staff save a resource', () => {
  it('flags days closed by an override or by a weekday left without hours, not open ones', () => {
    const hours = [{ weekday: 1, opens: '09:00', closes: '12:00' }];
    const perDay = [{ day: '2026-12-07', n: 2 }, { day: '2026-12-08', n: 1 }, { day: '2026-12-14', n: 3 }];
    // 12-07 and 12-14 are Mondays (open), 12-08 a Tuesday (no hours).
    expect(bookingsOnClosedDays({ hours, dayOverrides: [{ date: '2026-12-14', closed: true }] }, perDay)).toEqual([{ date: '2026-12-08', count: 1 }, { date: '2026-12-14', count: 3 }]);
    expect(bookingsOnClosedDays({ hours, dayOverrides: [{ date: '2026-12-08', closed: false }] }, perDay)).toEqual([]);
  });

  describe('PUT /resources/:id', () => {
    let y: Awaited<ReturnType<typeof testApp>>;
    let admin: TestClient;
    beforeAll(async () => {
      y = await testApp();
      await twoTenants(y.platform);
      await y.tenants.reload();
      const tenant = (await y.tenants.bySlugName('tokushima'))!;
      ({ admin } = await signedInAdminAndStaff(y, tenant.id, PW));
    });
    afterAll(async () => y?.close());

    it('returns bookingsOnClosedDays when a new closed day holds live bookings, and keeps the bookings', async () => {
      const input = checkupInput();
      const res = (await admin.send('POST', '/api/admin/reservations/resources', input)).data;
      const day = businessDayAhead(3);
      const booked = await admin.send('POST', `/api/admin/reservations/resources/${res.id}/bookings`, { name: '眉山　和子', phone: '088-000-0000', birthDate: '1970-05-05', sex: 'female', startsAt: jst(day, '09:00'), examTypeId: res.examTypes[0].id });
      expect(booked.statusCode, booked.body).toBe(201);
      const plain = await admin.send('PUT', `/api/admin/reservations/resources/${res.id}`, input);
      expect(plain.statusCode, plain.body).toBe(200);
      expect(plain.data.warnings).toBeUndefined();
      const closed = await admin.send('PUT', `/api/admin/reservations/resources/${res.id}`, { ...input, dayOverrides: [{ date: day, closed: true, note: '停電' }] });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.data.warnings).toEqual({ bookingsOnClosedDays: [{ date: day, count: 1 }] });
      const noHours = await admin.send('PUT', `/api/admin/reservations/resources/${res.id}`, { ...input, hours: input.hours.filter((h) => h.weekday !== dayOfWeek(day)) });
      expect(noHours.data.warnings).toEqual({ bookingsOnClosedDays: [{ date: day, count: 1 }] });
    });
  });
});
