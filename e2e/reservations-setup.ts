import { expect } from 'vitest';
import { TestClient } from '../src/core/auth/testing.ts';
import { addRole, addStaff, addTenant, TOKUSHIMA, type E2eServer } from './support/index.ts';
import { startServerWithMail } from './support/mail.ts';
import { sql } from 'drizzle-orm';
import { signedInCitizen } from '../src/modules/reservations/testing.ts';

// Set-up of the 予約 browser test: a server that sends email through a real SMTP server, a
// reservations officer, and a checkup session the test defines through the staff API.

/** The reservations officer (manage + process). */
export const STAFF = { email: 'kenshin@tokushima.example.jp', password: 'checkup staff password 42', name: '徳島 健太' };
/** The resource's name (distinct from any seeded one). */
export const RESOURCE = '乳がん検診（e2e 保健センター）';

/** One attachment of a raw MIME message, decoded (base64 or quoted-printable). */
export function attachment(raw: string, filename: string): string {
  const at = raw.indexOf(filename);
  expect(at, `attachment ${filename}`).toBeGreaterThan(0);
  const start = raw.lastIndexOf('\n--', at);
  const headEnd = raw.slice(start).search(/\r?\n\r?\n/) + start;
  const head = raw.slice(start, headEnd);
  const end = raw.indexOf('\n--', headEnd + 2);
  const body = raw.slice(headEnd, end).trim();
  const cte = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

/** What the test runs against. */
export interface ReservationsWorld {
  server: E2eServer;
  staff: TestClient;
  resourceId: string;
  /** Delivers the outbox through SMTP; the newest message to `to` whose subject matches, decoded, with its raw source. */
  mailTo(to: string, subject: RegExp): Promise<{ subject: string; text: string; raw: string }>;
  close(): Promise<void>;
}

/**
 * Starts SMTP and the app (BASE_URL = its origin, so emailed links open it), adds Tokushima with a
 * reservations officer, and creates a 乳がん検診 session (weekdays 9:00–12:00, 30-minute slots, one seat
 * each, women aged 40+, once every two 年度) through the staff API.
 */
export async function startReservationsWorld(): Promise<ReservationsWorld> {
  const world = await startServerWithMail();
  const { server } = world;
  const yakuba = server.yakuba;

  const { id: tenantId } = await addTenant(server, TOKUSHIMA);
  const role = await addRole(server, tenantId, '検診予約 担当', ['reservations.manage', 'reservations.process']);
  await addStaff(server, tenantId, { email: STAFF.email, displayName: STAFF.name, password: STAFF.password, roleIds: [role] });
  const staff = new TestClient(yakuba.app, '/t/tokushima');
  expect((await staff.login(STAFF.email, STAFF.password)).statusCode).toBe(200);
  const created = await staff.send('POST', '/api/admin/reservations/resources', {
    kind: 'checkup', nameJa: RESOURCE, nameEn: 'Breast cancer screening (e2e)', venueJa: '徳島市保健センター', descriptionJa: 'マンモグラフィによる検診です。',
    slotMinutes: 30, opensDaysAhead: 60, closesHoursBefore: 24,
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    examTypes: [{ code: 'breast', nameJa: '乳がん検診', nameEn: 'Breast cancer screening', capacityPerSlot: 1, sex: 'female', minAge: 40, intervalFiscalYears: 2 }],
  });
  expect(created.statusCode, created.body).toBe(201);

  return {
    server, staff, resourceId: created.data.id,
    mailTo: world.mailTo,
    close: world.close,
  };
}

/** The password of the citizens addCitizen makes (that of signedInCitizen). */
export const CITIZEN_PASSWORD = 'correct horse battery staple 42';

/**
 * A resource through the staff API (weekdays 9:00–12:00, one-hour slots, two seats each, bookable 60 days
 * ahead): a facility, or with `lottery` a 特定健診 session whose slots up to `slotsUntil` are drawn by lottery,
 * entries closing at `entriesUntil` (a checkup, so entries carry the date of birth that tells one person's entries apart).
 */
export async function addResource(world: ReservationsWorld, names: { ja: string; en: string }, lottery?: { entriesUntil: string; slotsUntil: string }): Promise<string> {
  const created = await world.staff.send('POST', '/api/admin/reservations/resources', {
    kind: lottery ? 'checkup' : 'facility', nameJa: names.ja, nameEn: names.en, venueJa: '徳島市保健センター', slotMinutes: 60, seatsPerSlot: 2, opensDaysAhead: 60, closesHoursBefore: 1,
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    ...(lottery ? { lottery, examTypes: [{ code: 'tokutei', nameJa: '特定健診', nameEn: 'Specific health checkup', capacityPerSlot: 2, minAge: 40 }] } : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.data.id;
}

/** A citizen account of Tokushima with a verified email and CITIZEN_PASSWORD, to sign in with in the browser. */
export async function addCitizen(world: ReservationsWorld, email: string): Promise<void> {
  const yakuba = world.server.yakuba;
  const [tenant] = await yakuba.db.rows<{ id: string }>(sql`select id from tenants where slug = 'tokushima'`);
  await signedInCitizen(yakuba.app, yakuba.platform, tenant!.id, email);
}
