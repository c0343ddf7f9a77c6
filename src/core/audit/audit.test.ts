import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { withSystem } from '../db/tenant-tx.ts';
import type { Actor } from '../platform.ts';
import { verifyAudit } from './verify.ts';
import { searchAudit } from './search.ts';

const staff = (tenantId: string, permissions: string[]): Actor => ({
  kind: 'staff', id: 'staff-1', tenantId, permissions: new Set(permissions), departmentIds: [], sessionId: 's',
});

/** The database's own message of a failed query (Drizzle wraps it). */
async function failure(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return `${(err as Error).message} ${((err as Error).cause as Error | undefined)?.message ?? ''}`; }
  return 'no error';
}

describe('audit log', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  const ids: Record<string, string> = {};

  async function tenant(slug: string, entries: number): Promise<string> {
    const [t] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values (${slug}, ${slug}, ${slug}, '362018') returning id`);
    ids[slug] = t.id;
    for (let i = 0; i < entries; i++) {
      await y.platform.inTenant(t.id, (tx) => y.platform.audit.record(tx, {
        tenantId: t.id, actor: { kind: 'staff', id: `u${i}` }, action: i % 2 ? 'auth.login' : 'core.role.update',
        targetType: 'user', targetId: `target-${i}`, personalData: i % 2 === 0, details: { n: i, name: '徳島 太郎', nested: { b: 1, a: [1, 'x'] } }, ip: '127.0.0.1',
      }));
    }
    return t.id;
  }

  /** Runs SQL as the owner with the append-only trigger off, as an attacker with database access would. */
  async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
    await withSystem(y.db, async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
  }

  const reportOf = async (slug: string) => (await verifyAudit(y.db, ids[slug]))[0];

  beforeAll(async () => {
    y = await testApp();
    await tenant('intact', 5);
    await tenant('changed', 5);
    await tenant('removed', 5);
    await tenant('tail', 5);
    await tenant('search', 6);
  });
  afterAll(async () => y?.close());

  it('chains entries per tenant with consecutive seqs and verifies them', async () => {
    const rows = await y.db.rows<{ seq: string; prev_hash: string; hash: string }>(sql`select seq, prev_hash, hash from audit_log where tenant_id = ${ids.intact} order by seq`);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    const all = await verifyAudit(y.db);
    expect(all.every((r) => r.ok)).toBe(true);
    expect(await reportOf('intact')).toMatchObject({ ok: true, entries: 5 });
  });

  it('rolls the entry back with the transaction that wrote it', async () => {
    await expect(y.platform.inTenant(ids.intact, async (tx) => {
      await y.platform.audit.record(tx, { tenantId: ids.intact, actor: { kind: 'system', id: null }, action: 'test.rollback' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await reportOf('intact')).toMatchObject({ ok: true, entries: 5 });
  });

  it('refuses UPDATE and DELETE, even by the owner, and the app role lacks the privilege', async () => {
    expect(await failure(y.db.rows(sql`update audit_log set action = 'x' where tenant_id = ${ids.intact}`))).toMatch(/append-only/);
    expect(await failure(y.db.rows(sql`delete from audit_log where tenant_id = ${ids.intact}`))).toMatch(/append-only/);
    expect(await failure(y.platform.inTenant(ids.intact, (tx) => tx.execute(sql`update audit_log set action = 'x'`)))).toMatch(/permission denied/);
    expect(await failure(y.platform.inTenant(ids.intact, (tx) => tx.execute(sql`delete from audit_log`)))).toMatch(/permission denied/);
  });

  it('keeps tenants apart under RLS', async () => {
    const seen = await y.platform.inTenant(ids.intact, (tx) => tx.execute(sql`select count(*)::int as n from audit_log where tenant_id = ${ids.changed}`));
    expect((seen as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  });

  it('detects a changed entry', async () => {
    await tamper(sql`update audit_log set details = '{"n": 99}'::jsonb where tenant_id = ${ids.changed} and seq = 3`);
    expect(await reportOf('changed')).toMatchObject({ ok: false, slug: 'changed', broken: { seq: 3, reason: 'changed' }, entries: 2 });
  });

  it('detects a removed entry', async () => {
    await tamper(sql`delete from audit_log where tenant_id = ${ids.removed} and seq = 2`);
    expect(await reportOf('removed')).toMatchObject({ ok: false, broken: { seq: 2, reason: 'removed' } });
  });

  it('detects a removed tail', async () => {
    await tamper(sql`delete from audit_log where tenant_id = ${ids.tail} and seq >= 4`);
    expect(await reportOf('tail')).toMatchObject({ ok: false, broken: { seq: 4, reason: 'tail_removed' } });
    expect(await reportOf('intact')).toMatchObject({ ok: true });
  });

  it('searches with filters, newest first, and audits the search', async () => {
    const t = ids.search;
    const forbidden = searchAudit(y.platform, staff(t, []), t, { limit: 50, offset: 0 });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });
    const admin = staff(t, ['core.audit.read']);
    const logins = await searchAudit(y.platform, admin, t, { action: 'auth.', limit: 50, offset: 0 });
    expect(logins.total).toBe(3);
    expect(logins.items.map((i) => i.seq)).toEqual([6, 4, 2]);
    expect(logins.items[0]).toMatchObject({ action: 'auth.login', actor: { kind: 'staff', id: 'u5' }, target: { type: 'user', id: 'target-5' } });
    const personal = await searchAudit(y.platform, admin, t, { personalDataOnly: true, action: 'core.role', limit: 2, offset: 1 });
    expect(personal.total).toBe(3);
    expect(personal.items.map((i) => i.seq)).toEqual([3, 1]);
    const text = await searchAudit(y.platform, admin, t, { q: 'target-4', limit: 50, offset: 0 });
    expect(text.items.map((i) => i.seq)).toEqual([5]);
    const byActor = await searchAudit(y.platform, admin, t, { actorId: 'u0', from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000), limit: 50, offset: 0 });
    expect(byActor.items.map((i) => i.seq)).toEqual([1]);
    const none = await searchAudit(y.platform, admin, t, { to: new Date('2000-01-01'), limit: 50, offset: 0 });
    expect(none.total).toBe(0);
    const reads = await searchAudit(y.platform, admin, t, { action: 'core.audit.read', limit: 50, offset: 0 });
    expect(reads.total).toBe(5); // the five searches above; this one is written after its own query
    expect(reads.items[0]).toMatchObject({ actor: { id: 'staff-1' }, personalData: true });
    expect((await reportOf('search')).ok).toBe(true);
  });

  it('guards the admin route (deny by default for the anonymous)', async () => {
    await y.tenants.reload();
    const res = await y.app.inject('/t/search/api/admin/core/audit');
    expect(res.statusCode).toBe(401);
  });
});
