import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../core/auth/testing.ts';
import { hashPassword } from '../../core/auth/passwords.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import type { Actor, Platform, Tenant } from '../../core/platform.ts';
import { addDays, toJstDateString } from '../../core/ja/dates.ts';
import { isBusinessDay } from '../../core/ja/holidays.ts';
import type { ServiceContext } from './context.ts';
import type { ResourceInput } from './resources/schema.ts';

/** Test helpers of the reservations module: contexts, resources and mails. */

/** A staff actor with the given permissions. */
export const staffActor = (tenantId: string, permissions: string[], id: string | null = null): Actor => ({
  kind: 'staff', id, tenantId, permissions: new Set(permissions), departmentIds: [], sessionId: null,
});

/** A service context for a tenant and actor. */
export const ctxOf = (platform: Platform, tenant: Tenant, actor: Actor, now?: Date): ServiceContext => ({ platform, tenant, actor, lang: 'ja', ...(now ? { now } : {}) });

/** The first business day (JST) at least `n` days from today. */
export function businessDayAhead(n: number, from = toJstDateString(new Date())): string {
  let day = addDays(from, n);
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** The UTC ISO instant of a JST wall-clock time on a day. */
export const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

/** A 乳がん・子宮頸がん検診 session at the health centre: weekdays 9:00–12:00, 30-minute slots. */
export function checkupInput(over: Partial<ResourceInput> = {}): ResourceInput {
  return {
    kind: 'checkup', nameJa: '乳がん・子宮頸がん検診（保健センター）', nameEn: 'Breast and cervical cancer screening', venueJa: '保健センター',
    slotMinutes: 30, opensDaysAhead: 60, closesHoursBefore: 24,
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    examTypes: [
      { code: 'breast', nameJa: '乳がん検診', nameEn: 'Breast cancer screening', capacityPerSlot: 2, sex: 'female', minAge: 40, intervalFiscalYears: 2 },
      { code: 'cervical', nameJa: '子宮頸がん検診', nameEn: 'Cervical cancer screening', capacityPerSlot: 3, sex: 'female', minAge: 20, intervalFiscalYears: 2 },
    ],
    ...over,
  };
}

/** Emails queued for an address, oldest first, with their attachments (base64). */
export async function mailsTo(platform: Platform, to: string): Promise<{ subject: string; text: string; attachments?: { filename: string; contentType: string; content: string }[] }[]> {
  const rows = await platform.db.rows<{ payload: { subject: string; text: string; attachments?: { filename: string; contentType: string; content: string }[] } }>(sql`
    select payload from outbox where channel = 'email' and payload->>'to' = ${to} order by created_at, id`);
  return rows.map((r) => r.payload);
}

/** A citizen account with a verified email, signed in with its password (a browser stand-in). */
export async function signedInCitizen(app: FastifyInstance, platform: Platform, tenantId: string, email: string): Promise<{ client: TestClient; id: string }> {
  const password = 'correct horse battery staple 42';
  const hash = await hashPassword(password);
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ id: string }>(tx, sql`insert into citizens (tenant_id, email, email_verified_at, password_hash, display_name)
    values (${tenantId}, ${email}, now(), ${hash}, '住民') returning id`));
  const client = new TestClient(app);
  await client.me();
  const res = await client.send('POST', '/api/citizen/login', { email, password });
  if (res.statusCode !== 200) throw new Error(`citizen login: ${res.body}`);
  return { client, id: row!.id };
}
