// `npm run bench:reservations`: booking throughput under contention and month-calendar latency on
// PostgreSQL, each beside a baseline measured in the same run.
// 1. 64 clients race for 500 seats of one slot through the booking service (rules, trigger-kept seat
//    counter with its CHECK, confirmation email with .ics in the outbox, event, audit entry) until the
//    slot is full: bookings/s, beside raw single-row INSERTs from 64 clients of the same pool into a bare table.
// 2. A month of free slots for a checkup venue with 10 exam types (15-minute slots, some booked):
//    p50/p99 of one exam type's month (what the phone calendar asks), goal p99 < 20 ms, beside a bare
//    `select 1` round trip.
// In-process (no HTTP), so the figures are the service and the database. PostgreSQL: DATABASE_URL,
// else postgres://postgres@127.0.0.1:5432/test; a fresh database is made and dropped.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Database } from '../src/core/db/connection.ts';
import { createTenant } from '../src/core/seed/tenants.ts';
import { anonymousActor, systemActor } from '../src/core/auth/access.ts';
import { book } from '../src/modules/reservations/bookings/book.ts';
import { createResource } from '../src/modules/reservations/resources/service.ts';
import { monthOf } from '../src/modules/reservations/slots/service.ts';
import { businessDayAhead, ctxOf, jst } from '../src/modules/reservations/testing.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const SEATS = Number(process.env.BENCH_SEATS ?? 500);
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'yakuba-bench-res-'));
const dbName = `yakuba_bench_${randomBytes(5).toString('hex')}`;
const dbUrl = (() => { const u = new URL(BASE_URL); u.pathname = `/${dbName}`; return u.toString(); })();
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(query);
  await c.end();
}

/** The same pool inserting one row per statement from 64 clients, `total` rows: the database's own pace. */
async function rawInserts(db: Database, total: number): Promise<number> {
  await db.rows(sql`create table bench_raw (id bigserial primary key, tenant_id uuid, starts_at timestamptz, name text, created_at timestamptz default now())`);
  let left = total;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (left-- > 0) await db.rows(sql`insert into bench_raw (tenant_id, starts_at, name) values (gen_random_uuid(), now(), ${'市民'})`);
  }));
  return total / ((performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  await admin(`CREATE DATABASE ${dbName}`);
  const db = await openDatabase({ databaseUrl: dbUrl, poolSize: CLIENTS });
  const y = await buildApp({ db, config: { logLevel: 'silent', jobsEnabled: false, secretKey: 'bench-secret-key-0123456789abcdef0123456789', dataDir: work } });
  try {
    const t = await createTenant(y.platform, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018' });
    const tenant = (await y.tenants.bySlugName('tokushima')) ?? { id: t.id, slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018', settings: {} };
    const sys = ctxOf(y.platform, tenant, systemActor(tenant.id));
    const day = businessDayAhead(5);

    // 1. Contention for one slot of SEATS seats.
    const hall = await createResource(sys, { kind: 'facility', nameJa: 'ベンチ会場', slotMinutes: 60, seatsPerSlot: SEATS, hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })) });
    let n = 0;
    let full = 0;
    let other = '';
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const i = n++;
        try {
          await book(ctxOf(y.platform, tenant, anonymousActor(tenant.id)), { resourceId: hall.row.id, startsAt: jst(day, '10:00'), name: `市民 ${i}`, email: `b${i}@example.jp`, birthDate: '1980-01-01' }, 'online');
        } catch (err) {
          if ((err as { code?: string }).code === 'slot_full') { full++; return; }
          other ||= String(err);
          return;
        }
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    const [{ booked }] = await db.rows<{ booked: number }>(sql`select booked from reservations_slots where resource_id = ${hall.row.id}`);
    const bookingsPerSecond = booked / seconds;
    const raw = await rawInserts(db, Math.max(SEATS * 4, 2000));
    console.log(`bookings: ${booked}/${SEATS} seats taken by ${CLIENTS} clients in ${seconds.toFixed(2)} s = ${bookingsPerSecond.toFixed(0)} bookings/s (${full} refused as full${other ? `; other error: ${other}` : ''})`);
    console.log(`raw INSERT: ${raw.toFixed(0)} rows/s from ${CLIENTS} connections; booking/raw = ${(bookingsPerSecond / raw).toFixed(3)}`);
    if (booked !== SEATS) throw new Error(`expected exactly ${SEATS} seats booked, got ${booked}`);

    // 2. Month calendar of a venue with 10 exam types.
    const venue = await createResource(sys, {
      kind: 'checkup', nameJa: '総合検診会場', slotMinutes: 15, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
      examTypes: Array.from({ length: 10 }, (_, i) => ({ code: `exam${i}`, nameJa: `検診${i}`, capacityPerSlot: 5 })),
    });
    for (let i = 0; i < 200; i++) {
      const exam = venue.examTypes[i % 10]!;
      await book(sys, { resourceId: venue.row.id, examTypeId: exam.id, startsAt: jst(day, `${String(9 + (i % 8)).padStart(2, '0')}:${['00', '15', '30', '45'][i % 4]}`), name: `受診者 ${i}`, phone: '088-000-0000' }, 'staff').catch(() => undefined);
    }
    const month = day.slice(0, 7);
    const anon = ctxOf(y.platform, tenant, anonymousActor(tenant.id));
    const times: number[] = [];
    const pings: number[] = [];
    for (let i = 0; i < 300; i++) {
      const exam = venue.examTypes[i % 10]!;
      let s = performance.now();
      await monthOf(anon, venue.row.id, month, exam.id);
      times.push(performance.now() - s);
      s = performance.now();
      await db.rows(sql`select 1`);
      pings.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    pings.sort((a, b) => a - b);
    console.log(`month of slots (10 exam types, 15-min slots): p50 ${pct(times, 0.5).toFixed(2)} ms, p99 ${pct(times, 0.99).toFixed(2)} ms (goal < 20 ms); select 1: p50 ${pct(pings, 0.5).toFixed(2)} ms; ratio p50 ${(pct(times, 0.5) / pct(pings, 0.5)).toFixed(1)}×`);
  } catch (err) {
    console.error('bench failed:', err);
    process.exitCode = 1;
  } finally {
    await y.close();
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
