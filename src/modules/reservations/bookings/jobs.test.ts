import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { twoTenants } from '../../../core/auth/testing.ts';
import { anonymousActor } from '../../../core/auth/access.ts';
import { addDays, toJstDateString } from '../../../core/ja/dates.ts';
import type { Tenant } from '../../../core/platform.ts';
import { ctxOf, jst, mailsTo, staffActor } from '../testing.ts';
import { createResource } from '../resources/service.ts';
import type { ResourceFull } from '../resources/repo.ts';
import type { ResourceInput } from '../resources/schema.ts';
import { book } from './book.ts';
import { cancelByToken } from './manage.ts';
import { lapseOffers, remindTomorrow } from './jobs.ts';
import { enterLottery } from '../lottery/enter.ts';
import { drawDue, drawNow } from '../lottery/draw.ts';

const everyDay: ResourceInput = {
  kind: 'facility', nameJa: '中央公民館 和室', venueJa: '中央公民館', slotMinutes: 60, seatsPerSlot: 1, closesHoursBefore: 1, closeOnHolidays: false, closeOnNewYear: false,
  hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
};

describe('jobs: reminders, lapsed offers, lottery draw', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenant: Tenant;
  let room: ResourceFull;
  const tomorrow = addDays(toJstDateString(new Date()), 1);
  const anon = () => ctxOf(y.platform, tenant, anonymousActor(tenant.id));
  const person = (i: number) => ({ name: `住民 ${i}`, email: `j${i}@example.jp`, birthDate: '1990-01-01' });
  const statusOf = async (id: string) => (await y.db.rows<{ status: string }>(sql`select status from reservations_bookings where id = ${id}`))[0]!.status;

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    room = await createResource(ctxOf(y.platform, tenant, staffActor(tenant.id, ['*'])), everyDay);
  });
  afterAll(async () => y?.close());

  it('reminds tomorrow\'s bookings once, by email', async () => {
    await book(anon(), { resourceId: room.row.id, startsAt: jst(tomorrow, '16:00'), ...person(1) }, 'online');
    expect(await remindTomorrow(y.platform)).toBe(1);
    expect(await remindTomorrow(y.platform)).toBe(0);
    const mail = (await mailsTo(y.platform, 'j1@example.jp')).at(-1)!;
    expect(mail.subject).toContain('明日のご予約');
    expect(mail.text).toContain(`${tomorrow} 16:00`);
  });

  it('also pushes the reminder to a signed-in citizen\'s devices', async () => {
    const citizenId = randomUUID();
    const ctx = { ...anon(), actor: { ...anonymousActor(tenant.id), kind: 'citizen' as const, id: citizenId } };
    await book(ctx, { resourceId: room.row.id, startsAt: jst(tomorrow, '15:00'), ...person(5) }, 'online');
    expect(await remindTomorrow(y.platform)).toBe(1);
    const [push] = await y.db.rows<{ payload: { audience: string; title: string; body: string } }>(sql`select payload from outbox where channel = 'push'`);
    expect(push!.payload).toMatchObject({ audience: `citizen:${citizenId}`, title: '明日のご予約' });
    expect(push!.payload.body).toContain('15:00');
  });

  it('passes an unconfirmed offer on to the next person when it lapses', async () => {
    const day = addDays(tomorrow, 3);
    const held = await book(anon(), { resourceId: room.row.id, startsAt: jst(day, '10:00'), ...person(2) }, 'online');
    const w1 = await book(anon(), { resourceId: room.row.id, startsAt: jst(day, '10:00'), ...person(3), waitlist: true }, 'online');
    const w2 = await book(anon(), { resourceId: room.row.id, startsAt: jst(day, '10:00'), ...person(4), waitlist: true }, 'online');
    await cancelByToken(anon(), held.token!);
    expect(await statusOf(w1.booking.id)).toBe('provisional');
    expect(await lapseOffers(y.platform)).toBe(0);
    expect(await lapseOffers(y.platform, new Date(Date.now() + 25 * 3600_000))).toBe(1);
    expect(await statusOf(w1.booking.id)).toBe('cancelled');
    expect(await statusOf(w2.booking.id)).toBe('provisional');
    expect((await mailsTo(y.platform, 'j4@example.jp')).at(-1)!.subject).toContain('空きが出ました');
  });

  it('takes lottery entries, refuses first-come booking before the draw, then draws with a stored seed', async () => {
    const day = addDays(tomorrow, 10);
    const hall = await createResource(ctxOf(y.platform, tenant, staffActor(tenant.id, ['*'])), {
      ...everyDay, nameJa: '市民体育館 アリーナ', seatsPerSlot: 2, lottery: { entriesUntil: new Date(Date.now() + 3600_000).toISOString(), slotsUntil: day },
    });
    const startsAt = jst(day, '09:00');
    await expect(book(anon(), { resourceId: hall.row.id, startsAt, ...person(10) }, 'online')).rejects.toMatchObject({ status: 409, code: 'lottery' });
    for (const i of [10, 11, 12, 13, 14]) await enterLottery(anon(), { resourceId: hall.row.id, startsAt, ...person(i) });
    await expect(enterLottery(anon(), { resourceId: hall.row.id, startsAt, ...person(10) })).rejects.toMatchObject({ status: 409, code: 'duplicate' });
    // Without a date of birth (facility lotteries do not ask) the same name still enters once.
    const { birthDate: _b, ...noBirth } = person(15);
    await enterLottery(anon(), { resourceId: hall.row.id, startsAt: jst(day, '11:00'), ...noBirth });
    await expect(enterLottery(anon(), { resourceId: hall.row.id, startsAt: jst(day, '11:00'), ...noBirth })).rejects.toMatchObject({ status: 409, code: 'duplicate' });
    expect(await drawDue(y.platform)).toBe(0); // entries still open
    expect(await drawDue(y.platform, new Date(Date.now() + 2 * 3600_000))).toBe(1);
    const results = await y.db.rows<{ status: string }>(sql`select status from reservations_lottery_entries where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
    expect(results.filter((r) => r.status === 'won')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'lost')).toHaveLength(3);
    const [seat] = await y.db.rows<{ booked: number }>(sql`select booked from reservations_slots where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
    expect(seat!.booked).toBe(2);
    const [drawn] = await y.db.rows<{ lottery_seed: string | null }>(sql`select lottery_seed from reservations_resources where id = ${hall.row.id}`);
    expect(drawn!.lottery_seed).toMatch(/^[0-9a-f]{32}$/);
    const subjects = (await Promise.all([10, 11, 12, 13, 14].map(async (i) => (await mailsTo(y.platform, `j${i}@example.jp`)).at(-1)!.subject)));
    expect(subjects.filter((s) => s.includes('当選'))).toHaveLength(2);
    expect((await book(anon(), { resourceId: hall.row.id, startsAt: jst(day, '10:00'), ...person(20) }, 'online')).booking.status).toBe('confirmed');
  });

  it('lets a manager draw a lottery by hand once its entries have closed, once', async () => {
    const manager = ctxOf(y.platform, tenant, staffActor(tenant.id, ['reservations.manage']));
    const closed = await createResource(manager, { ...everyDay, nameJa: '抽選済み予定の会場', lottery: { entriesUntil: new Date(Date.now() - 60_000).toISOString(), slotsUntil: addDays(tomorrow, 5) } });
    const open = await createResource(manager, { ...everyDay, nameJa: '受付中の会場', lottery: { entriesUntil: new Date(Date.now() + 3600_000).toISOString(), slotsUntil: addDays(tomorrow, 5) } });
    await expect(drawNow(ctxOf(y.platform, tenant, staffActor(tenant.id, [])), closed.row.id)).rejects.toMatchObject({ status: 403 });
    await expect(drawNow(manager, open.row.id)).rejects.toMatchObject({ status: 409, code: 'lottery_not_due' });
    expect(await drawNow(manager, closed.row.id)).toEqual({ won: 0, lost: 0 });
    await expect(drawNow(manager, closed.row.id)).rejects.toMatchObject({ status: 409 });
  });
});
