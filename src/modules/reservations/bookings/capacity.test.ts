import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { twoTenants } from '../../../core/auth/testing.ts';
import { anonymousActor } from '../../../core/auth/access.ts';
import type { Tenant } from '../../../core/platform.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { businessDayAhead, ctxOf, jst, mailsTo, staffActor } from '../testing.ts';
import { createResource } from '../resources/service.ts';
import type { ResourceFull } from '../resources/repo.ts';
import { book } from './book.ts';
import { cancelByToken, confirmOffer } from './manage.ts';
import { reserveInTransaction } from '../index.ts';

/**
 * Never overbooked, enforced by the database: on PGlite here, and on PostgreSQL in CI (DATABASE_URL),
 * where the 200 transactions really run side by side on a pool of connections.
 */
describe('capacity is enforced in the database', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenant: Tenant;
  let hall: ResourceFull;
  const day = businessDayAhead(5);
  const anon = () => ctxOf(y.platform, tenant, anonymousActor(tenant.id));
  const person = (i: number) => ({ name: `市民 ${i}`, email: `p${i}@example.jp`, birthDate: '1980-01-01' });

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    hall = await createResource(ctxOf(y.platform, tenant, staffActor(tenant.id, ['*'])), {
      kind: 'facility', nameJa: '市民ホール 会議室A', slotMinutes: 60, seatsPerSlot: 3, closesHoursBefore: 1,
      hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
    });
  });
  afterAll(async () => y?.close());

  it('gives the last seat to exactly one of 200 concurrent requests', async () => {
    const startsAt = jst(day, '13:00');
    for (const i of [1, 2]) await book(anon(), { resourceId: hall.row.id, startsAt, ...person(i) }, 'online');
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => book(anon(), { resourceId: hall.row.id, startsAt, ...person(100 + i) }, 'online')));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason.status === 409 && r.reason.code === 'slot_full'), String(lost.find((r) => r.reason.status !== 409)?.reason)).toBe(true);
    const [slot] = await y.platform.inTenant(tenant.id, (tx) => txRows<{ booked: number; capacity: number }>(tx, sql`
      select booked, capacity from reservations_slots where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`));
    expect(slot).toEqual({ booked: 3, capacity: 3 });
    const [count] = await y.platform.inTenant(tenant.id, (tx) => txRows<{ n: number }>(tx, sql`
      select count(*)::int as n from reservations_bookings where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz and status = 'confirmed'`));
    expect(count!.n).toBe(3);
  });

  it('refuses a seat too many even from SQL that skips the service', async () => {
    const startsAt = jst(day, '14:00');
    const insert = (i: number) => y.platform.inTenant(tenant.id, (tx) => tx.execute(sql`insert into reservations_bookings
      (tenant_id, reference, resource_id, exam_key, starts_at, ends_at, status, channel, contact_name, name_key, manage_token_hash)
      values (${tenant.id}, ${`RAW${i}`}, ${hall.row.id}, '', ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '1 hour', 'confirmed', 'staff', 'x', 'x', ${`hash${i}`})`));
    for (const i of [1, 2, 3]) await insert(i);
    await expect(insert(4)).rejects.toThrow();
    // Changing a cancelled booking back to confirmed is refused the same way.
    await y.platform.inTenant(tenant.id, (tx) => tx.execute(sql`update reservations_bookings set status = 'cancelled' where reference = 'RAW1'`));
    await insert(5);
    await expect(y.platform.inTenant(tenant.id, (tx) => tx.execute(sql`update reservations_bookings set status = 'confirmed' where reference = 'RAW1'`))).rejects.toThrow();
  });

  it('puts people on a waiting list and offers a cancelled seat to the first, who confirms it', async () => {
    const startsAt = jst(day, '15:00');
    const made = [];
    for (const i of [1, 2, 3]) made.push(await book(anon(), { resourceId: hall.row.id, startsAt, ...person(300 + i) }, 'online'));
    await expect(book(anon(), { resourceId: hall.row.id, startsAt, ...person(304) }, 'online')).rejects.toMatchObject({ status: 409, code: 'slot_full' });
    const w1 = await book(anon(), { resourceId: hall.row.id, startsAt, ...person(304), waitlist: true }, 'online');
    const w2 = await book(anon(), { resourceId: hall.row.id, startsAt, ...person(305), waitlist: true }, 'online');
    expect([w1.booking.status, w2.booking.status]).toEqual(['waitlisted', 'waitlisted']);
    await cancelByToken(anon(), made[0]!.token!);
    const offer = (await mailsTo(y.platform, 'p304@example.jp')).at(-1)!;
    expect(offer.subject).toContain('空きが出ました');
    const token = /\/reservations\/manage\/([A-Za-z0-9_-]+)/.exec(offer.text)![1]!;
    await expect(confirmOffer(anon(), w1.token!)).rejects.toMatchObject({ status: 404 }); // the offer came with a new link
    expect((await confirmOffer(anon(), token)).status).toBe('confirmed');
    const w2now = await y.platform.inTenant(tenant.id, (tx) => txRows<{ status: string }>(tx, sql`select status from reservations_bookings where id = ${w2.booking.id}`));
    expect(w2now[0]!.status).toBe('waitlisted');
  });

  it('answers a retry with the same Idempotency-Key with the same booking, and a different body with 422', async () => {
    const startsAt = jst(day, '16:00');
    const input = { resourceId: hall.row.id, startsAt, ...person(400), idempotencyKey: 'key-0123456789' };
    const [a, b] = await Promise.all([book(anon(), input, 'online'), book(anon(), input, 'online')]);
    expect(a.booking.id).toBe(b.booking.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await expect(book(anon(), { ...input, name: '別人' }, 'online')).rejects.toMatchObject({ status: 422 });
  });

  it('books inside a caller\'s transaction (an application needing a slot): both commit or neither', async () => {
    const startsAt = jst(day, '11:00');
    await expect(y.platform.inTenant(tenant.id, async (tx) => {
      const made = await reserveInTransaction(tx, anon(), { resourceId: hall.row.id, startsAt, ...person(500) }, 'online');
      expect(made.booking.status).toBe('confirmed');
      throw new Error('the application was refused');
    })).rejects.toThrow('the application was refused');
    const rows = await y.db.rows(sql`select 1 from reservations_bookings where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
    expect(rows).toHaveLength(0);
    expect(await mailsTo(y.platform, 'p500@example.jp')).toEqual([]);
    const made = await y.platform.inTenant(tenant.id, (tx) => reserveInTransaction(tx, anon(), { resourceId: hall.row.id, startsAt, ...person(500) }, 'online'));
    expect(made.created).toBe(true);
  });

  it('recounts seats correctly when a backup is restored with triggers on, in either table order', async () => {
    const startsAt = jst(day, '09:00');
    for (const i of [600, 601]) await book(anon(), { resourceId: hall.row.id, startsAt, ...person(i) }, 'online');
    const seats = () => y.db.rows<{ booked: number; capacity: number }>(sql`select booked, capacity from reservations_slots where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
    expect(await seats()).toEqual([{ booked: 2, capacity: 3 }]);
    for (const bookingsFirst of [true, false]) {
      await y.db.rows(sql`create table if not exists zz_saved_b as select * from reservations_bookings where false`);
      await y.db.rows(sql`create table if not exists zz_saved_s as select * from reservations_slots where false`);
      await y.db.rows(sql`insert into zz_saved_b select * from reservations_bookings where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
      await y.db.rows(sql`insert into zz_saved_s select * from reservations_slots where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
      await y.db.rows(sql`delete from reservations_bookings where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
      await y.db.rows(sql`delete from reservations_slots where resource_id = ${hall.row.id} and starts_at = ${startsAt}::timestamptz`);
      const loadB = () => y.db.rows(sql`insert into reservations_bookings select * from zz_saved_b`);
      const loadS = () => y.db.rows(sql`insert into reservations_slots select * from zz_saved_s`);
      if (bookingsFirst) { await loadB(); await loadS(); } else { await loadS(); await loadB(); }
      expect(await seats(), `bookings first: ${bookingsFirst}`).toEqual([{ booked: 2, capacity: 3 }]);
      await y.db.rows(sql`delete from zz_saved_b`);
      await y.db.rows(sql`delete from zz_saved_s`);
    }
  });
});
