import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { txRows } from '../db/tenant-tx.ts';
import type { Manifest } from '../modules/manifest.ts';
import { JobRunner } from './runner.ts';

const calls: { module: string; tenant: string | undefined; role: string; payload: Record<string, unknown> }[] = [];
let flaky = true;
let jobRuns = 0;

/** Two modules that listen to the same event; one fails on its first delivery. */
const listener = (id: string, failFirst: boolean): Manifest => ({
  id,
  title: { ja: id, en: id },
  events: {
    'testing.happened': async ({ tx, tenantId }, payload) => {
      if (failFirst && flaky) { flaky = false; throw new Error('not now'); }
      const [row] = await txRows<{ tenant: string; role: string }>(tx, sql`select current_setting('app.tenant_id', true) as tenant, current_user as role`);
      expect(row.tenant).toBe(tenantId);
      calls.push({ module: id, tenant: row.tenant, role: row.role, payload });
    },
  },
  jobs: failFirst ? [] : [{ name: 'tick', everyMs: 60_000, run: async () => { jobRuns += 1; } }],
});

describe('job runner: events and scheduled jobs', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;

  beforeAll(async () => {
    y = await testApp({ modules: [listener('alpha', false), listener('beta', true)] });
    [{ id: tenantId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('tokushima', '徳島市', 'Tokushima', '362018') returning id`);
  });
  afterAll(async () => y?.close());

  it('delivers an event to every module handler in a tenant transaction, retrying only the handler that failed', async () => {
    const runner = new JobRunner(y.platform, { backoffMs: () => 0 });
    await y.platform.inTenant(tenantId, (tx) => y.platform.events.publish(tx, tenantId, 'testing.happened', { applicationId: 'A-1' }));
    expect(await runner.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect(calls.map((c) => c.module)).toEqual(['alpha']);
    expect(await runner.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(calls.map((c) => c.module)).toEqual(['alpha', 'beta']);
    expect(calls.every((c) => c.role === 'yakuba_app' && c.tenant === tenantId && c.payload.applicationId === 'A-1')).toBe(true);
    const [row] = await y.db.rows<{ status: string; attempts: number; delivered_via: string }>(sql`select status, attempts, delivered_via from outbox where channel = 'event'`);
    expect(row).toEqual({ status: 'sent', attempts: 2, delivered_via: 'handlers' });
  });

  it('refuses a malformed event name', async () => {
    await expect(y.platform.inTenant(tenantId, (tx) => y.platform.events.publish(tx, tenantId, 'Bad Name', {}))).rejects.toThrow(/dotted/);
  });

  it('reclaims a message whose worker died mid-send once its lease expires', async () => {
    const dying = new JobRunner(y.platform, { workerId: 'dying', leaseMs: 1000 });
    await y.platform.inTenant(tenantId, (tx) => y.platform.events.publish(tx, tenantId, 'testing.happened', { applicationId: 'A-2' }));
    // Claim as the dying worker without sending, as if the process was killed.
    await y.db.rows(sql`update outbox set status = 'sending', locked_by = 'dying', locked_until = now() + interval '1 hour' where status = 'pending'`);
    const other = new JobRunner(y.platform, { workerId: 'other' });
    expect(await other.runOnce()).toEqual({ sent: 0, failed: 0 });
    await y.db.rows(sql`update outbox set locked_until = now() - interval '1 second' where locked_by = 'dying'`);
    expect(await other.runOnce()).toEqual({ sent: 1, failed: 0 });
    await dying.stop();
  });

  it('runs a scheduled job in one runner at a time, once per interval', async () => {
    const a = new JobRunner(y.platform, { workerId: 'a' });
    const b = new JobRunner(y.platform, { workerId: 'b' });
    const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    expect([...ranA, ...ranB].sort()).toEqual(['alpha.tick', 'core.files.sweep', 'core.sessions.purge']);
    expect(jobRuns).toBe(1);
    expect(await a.runDueJobs()).toEqual([]); // not due again for a minute
    await y.db.rows(sql`update job_locks set last_run_at = now() - interval '2 minutes' where name = 'alpha.tick'`);
    expect(await b.runDueJobs()).toEqual(['alpha.tick']);
    expect(jobRuns).toBe(2);
  });

  it('polls on its own when started', async () => {
    const runner = new JobRunner({ ...y.platform, config: { ...y.platform.config, jobsEnabled: true, jobIntervalMs: 20 } });
    await y.platform.inTenant(tenantId, (tx) => y.platform.events.publish(tx, tenantId, 'testing.happened', { applicationId: 'A-3' }));
    runner.start();
    for (let i = 0; i < 100 && !calls.some((c) => c.payload.applicationId === 'A-3' && c.module === 'beta'); i++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(calls.filter((c) => c.payload.applicationId === 'A-3').map((c) => c.module)).toEqual(['alpha', 'beta']);
  });
});
