import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { withSystem } from '../db/tenant-tx.ts';
import { createAuditService } from './service.ts';
import { verifyAudit } from './verify.ts';
import type { AuditEntry } from '../platform.ts';

describe('audit log with several chains per tenant', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;
  const audit = createAuditService({ chains: 4 });
  const entry = (i: number): AuditEntry => ({ tenantId, actor: { kind: 'citizen', id: `c${i}` }, action: 'test.write', targetId: `t${i}`, details: { i } });

  beforeAll(async () => {
    y = await testApp();
    const [t] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('chains', 'chains', 'chains', '362018') returning id`);
    tenantId = t.id;
    // Concurrent transactions, some writing one entry and some a batch, and one writing twice.
    await Promise.all(Array.from({ length: 40 }, (_, i) => y.platform.inTenant(tenantId, async (tx) => {
      if (i % 5 === 0) await audit.recordMany(tx, [entry(i), entry(i + 1000), entry(i + 2000)]);
      else await audit.record(tx, entry(i));
      if (i === 7) await audit.record(tx, entry(7000));
    })));
  });
  afterAll(async () => y?.close());

  it('spreads writers over chains, each numbered from 1 without gaps, and verifies them all', async () => {
    const rows = await y.db.rows<{ chain: number; n: number; max: string }>(sql`select chain, count(*)::int as n, max(seq) as max from audit_log where tenant_id = ${tenantId} group by chain`);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(40 + 8 * 2 + 1);
    for (const r of rows) expect(Number(r.max)).toBe(r.n);
    expect((await verifyAudit(y.db, tenantId))[0]).toMatchObject({ ok: true, entries: 57 });
  });

  it('keeps the entries of one transaction in one chain, in order', async () => {
    const rows = await y.db.rows<{ chain: number; seq: string; target_id: string }>(sql`select chain, seq, target_id from audit_log
      where tenant_id = ${tenantId} and target_id in ('t5', 't1005', 't2005', 't7', 't7000') order by target_id`);
    const chainOf = Object.fromEntries(rows.map((r) => [r.target_id, r]));
    expect(chainOf.t1005.chain).toBe(chainOf.t5.chain);
    expect(chainOf.t2005.chain).toBe(chainOf.t5.chain);
    expect(Number(chainOf.t1005.seq)).toBe(Number(chainOf.t5.seq) + 1);
    expect(chainOf.t7000.chain).toBe(chainOf.t7.chain);
  });

  it('names the chain and seq of a changed entry', async () => {
    const [victim] = await y.db.rows<{ chain: number; seq: string }>(sql`select chain, seq from audit_log where tenant_id = ${tenantId} order by chain desc, seq limit 1 offset 1`);
    await withSystem(y.db, async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set action = 'test.forged' where tenant_id = ${tenantId} and chain = ${victim.chain} and seq = ${victim.seq}`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    expect((await verifyAudit(y.db, tenantId))[0]).toMatchObject({ ok: false, broken: { chain: victim.chain, seq: Number(victim.seq), reason: 'changed' } });
  });
});
