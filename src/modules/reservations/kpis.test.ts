import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { twoTenants } from '../../core/auth/testing.ts';
import { anonymousActor } from '../../core/auth/access.ts';
import type { Tenant } from '../../core/platform.ts';
import { reservations } from './index.ts';
import { businessDayAhead, ctxOf, jst, staffActor } from './testing.ts';
import { listPublic, listForStaff } from './resources/service.ts';
import { monthOf } from './slots/service.ts';
import { book } from './bookings/book.ts';

describe('demo resources and KPIs', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenant: Tenant;
  const admin = () => ctxOf(y.platform, tenant, staffActor(tenant.id, ['*'], null));

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('matsusaka'))!;
    await y.platform.inTenant(tenant.id, (tx) => reservations.seed!({ tx, tenantId: tenant.id, platform: y.platform }, tenant));
  });
  afterAll(async () => y?.close());

  it('seeds a checkup with two exam types, a facility, interviews, a meeting room and a vehicle', async () => {
    const all = await listForStaff(admin());
    expect(all.map((r) => r.row.kind).sort()).toEqual(['checkup', 'facility', 'interview', 'meeting_room', 'vehicle']);
    const pub = await listPublic(ctxOf(y.platform, tenant, anonymousActor(tenant.id)));
    expect(pub.map((r) => r.row.kind).sort()).toEqual(['checkup', 'facility', 'interview']);
    const checkup = pub.find((r) => r.row.kind === 'checkup')!;
    expect(checkup.row.venue_ja).toBe('健康センターはるる');
    expect(checkup.examTypes.map((e) => e.code)).toEqual(['breast', 'cervical']);
    const day = businessDayAhead(10);
    const month = await monthOf(ctxOf(y.platform, tenant, anonymousActor(tenant.id)), checkup.row.id, day.slice(0, 7), checkup.examTypes[0]!.id);
    expect(month.days.find((d) => d.date === day)!.slots.map((s) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00']);
    const jan = await monthOf(ctxOf(y.platform, tenant, anonymousActor(tenant.id)), checkup.row.id, '2031-01', checkup.examTypes[0]!.id);
    expect(jan.days.find((d) => d.date === '2031-01-13')).toMatchObject({ closed: 'holiday', note: '成人の日', slots: [] });
    expect(jan.days.find((d) => d.date === '2031-01-02')).toMatchObject({ closed: 'new_year', note: null });
    expect(jan.days.find((d) => d.date === '2031-01-06')!.slots.every((s) => s.state === 'not_yet_open')).toBe(true);
  });

  it('counts bookings per resource and the share made online', async () => {
    const from = new Date(Date.now() - 60_000);
    const facility = (await listPublic(admin())).find((r) => r.row.kind === 'facility')!;
    const day = businessDayAhead(5);
    await book(ctxOf(y.platform, tenant, anonymousActor(tenant.id)), { resourceId: facility.row.id, startsAt: jst(day, '10:00'), name: '松阪 一郎', phone: '0598-00-0000' }, 'online');
    await book(admin(), { resourceId: facility.row.id, startsAt: jst(day, '11:00'), name: '松阪 二郎', phone: '0598-00-0001' }, 'staff');
    const q = { tenantId: tenant.id, from, to: new Date(Date.now() + 60_000) };
    const kpi = (id: string) => reservations.kpis!.find((k) => k.id === id)!;
    const values = await y.platform.inTenant(tenant.id, async (tx) => ({
      total: await kpi('reservations.bookings').compute(tx, q),
      online: await kpi('reservations.bookings.online').compute(tx, q),
      share: await kpi('reservations.online_share').compute(tx, q),
      parts: await kpi('reservations.bookings').breakdown!(tx, q),
    }));
    expect(values).toMatchObject({ total: 2, online: 1, share: 50 });
    expect(values.parts).toEqual([{ key: facility.row.id, label: { ja: '市民活動センター 会議室A', en: 'Civic activity centre, room A' }, value: 2 }]);
    const before = await y.platform.inTenant(tenant.id, (tx) => kpi('reservations.bookings').compute(tx, { ...q, to: from }));
    expect(before).toBe(0);
  });
});
