import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { txRows } from '../db/tenant-tx.ts';

describe('batched outbox writes', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;

  beforeAll(async () => {
    y = await testApp();
    const [t] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('many', 'many', 'many', '362018') returning id`);
    tenantId = t.id;
  });
  afterAll(async () => y?.close());

  it('queues several emails and events with one call each, ids in input order', async () => {
    const rows = await y.platform.inTenant(tenantId, async (tx) => {
      const ids = await y.platform.notify.emailMany(tx, ['a@example.jp', 'b@example.jp'].map((to) => ({ tenantId, to, subject: `to ${to}`, text: 'x' })));
      await y.platform.events.publishMany(tx, tenantId, [{ name: 'test.one', payload: { n: 1 } }, { name: 'test.two', payload: { n: 2 } }]);
      const stored = await txRows<{ id: string; channel: string; payload: { to?: string; name?: string } }>(tx, sql`select id, channel, payload from outbox order by created_at, id`);
      return { ids, stored };
    });
    const byId = new Map(rows.stored.map((r) => [r.id, r]));
    expect(rows.ids.map((id) => byId.get(id)?.payload.to)).toEqual(['a@example.jp', 'b@example.jp']);
    expect(rows.stored.filter((r) => r.channel === 'event').map((r) => r.payload.name).sort()).toEqual(['test.one', 'test.two']);
  });

  it('refuses the whole batch when one address is malformed, storing nothing', async () => {
    await expect(y.platform.inTenant(tenantId, (tx) => y.platform.notify.emailMany(tx, [
      { tenantId, to: 'ok@example.jp', subject: 's', text: 't' }, { tenantId, to: 'not an address', subject: 's', text: 't' },
    ]))).rejects.toThrow();
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from outbox where payload->>'to' = 'ok@example.jp'`);
    expect(n).toBe(0);
  });
});
