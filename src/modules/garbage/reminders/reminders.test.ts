import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import type { Tenant } from '../../../core/platform.ts';
import { ADMIN, smallCity } from '../testing.ts';
import { dueSlots, sendReminders } from './job.ts';

// 2027-03-01 is a Monday; the small city collects 燃やせるごみ on Mondays and Thursdays.
const at = (jst: string) => new Date(`${jst}+09:00`);

describe('garbage: reminders', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let tenant: Tenant;
  const pushes = () => y.db.rows<{ audience: string; title: string; body: string; url: string }>(sql`select payload->>'audience' as audience, payload->>'title' as title,
    payload->>'body' as body, payload->>'url' as url from outbox where channel = 'push' order by created_at`);

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
    await smallCity(admin);
    await admin.send('POST', `${ADMIN}/publish`, {});
  });
  afterAll(async () => y?.close());

  it('knows which slots are due in JST', () => {
    expect(dueSlots(at('2027-02-28T06:29:00'))).toEqual([]);
    expect(dueSlots(at('2027-02-28T06:30:00'))).toEqual([{ slot: 'morn', day: '2027-02-28', collectionDay: '2027-02-28' }]);
    expect(dueSlots(at('2027-02-28T11:59:00')).map((s) => s.slot)).toEqual(['morn']);
    expect(dueSlots(at('2027-02-28T12:00:00'))).toEqual([]);
    expect(dueSlots(at('2027-02-28T19:00:00'))).toEqual([{ slot: 'eve', day: '2027-02-28', collectionDay: '2027-03-01' }]);
    // 19:00 JST is 10:00 UTC: the JST day decides, not the UTC one.
    expect(dueSlots(new Date('2027-02-28T10:00:00Z')).find((s) => s.slot === 'eve')!.collectionDay).toBe('2027-03-01');
  });

  it('pushes the evening-before reminder once per day, to the area and category topic', async () => {
    expect(await sendReminders(y.platform, at('2027-02-28T07:00:00'))).toBe(0); // Sunday morning: nothing collected
    expect(await sendReminders(y.platform, at('2027-02-28T18:55:00'))).toBe(0);
    expect(await pushes()).toEqual([]);
    expect(await sendReminders(y.platform, at('2027-02-28T19:02:00'))).toBe(1);
    expect(await sendReminders(y.platform, at('2027-02-28T19:07:00'))).toBe(0);
    const list = await pushes();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ audience: 'topic:garbage.shinmachi.burnable.eve', url: '/t/tokushima/garbage' });
    expect(list[0]!.title).toBe('明日（3月1日）は燃やせるごみの収集日です');
    expect(list[0]!.body).toContain('新町地区');
  });

  it('pushes the morning-of reminder after 06:30, and runs are claimed once even when raced', async () => {
    expect(await sendReminders(y.platform, at('2027-03-01T06:00:00'))).toBe(0);
    const results = await Promise.all([sendReminders(y.platform, at('2027-03-01T06:31:00')), sendReminders(y.platform, at('2027-03-01T06:36:00'))]);
    expect(results.sort()).toEqual([0, 1]);
    const morn = (await pushes()).filter((p) => p.audience.endsWith('.morn'));
    expect(morn.map((p) => p.audience)).toEqual(['topic:garbage.shinmachi.burnable.morn']);
    expect(morn[0]!.title).toContain('今日');
    const runs = await y.platform.inTenant(tenant.id, (tx) => tx.execute(sql`select day::text as day, slot, sent from garbage_reminder_runs order by day, slot`));
    expect((runs as unknown as { rows: unknown[] }).rows).toEqual([
      { day: '2027-02-28', slot: 'eve', sent: 1 }, { day: '2027-02-28', slot: 'morn', sent: 0 }, { day: '2027-03-01', slot: 'morn', sent: 1 },
    ]);
  });
});
