import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { startTestSmtp } from '../notify/smtp-test-server.ts';

const WORKER = fileURLToPath(new URL('./outbox-worker.fixture.ts', import.meta.url));
const MESSAGES = 200;

/** Starts one app process and resolves once it has booted. */
function startWorker(databaseUrl: string, smtpUrl: string): Promise<{ child: ChildProcessWithoutNullStreams; result: Promise<{ sent: number; failed: number }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, databaseUrl, smtpUrl], { stdio: 'pipe', env: { ...process.env, LOG_LEVEL: 'silent' } });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return new Promise((resolve, reject) => {
    const result = new Promise<{ sent: number; failed: number }>((done, fail) => {
      child.on('exit', (code) => {
        if (code !== 0) return fail(new Error(`worker exited ${code}: ${err}`));
        done(JSON.parse(out.trim().split('\n').pop()!));
      });
    });
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.startsWith('ready\n')) resolve({ child, result });
    });
    child.on('exit', (code) => reject(new Error(`worker exited ${code} before ready: ${err}`)));
  });
}

describe.skipIf(!process.env.DATABASE_URL)('job runner across processes (PostgreSQL)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    y = await testApp();
  });
  afterAll(async () => {
    await y?.close();
    await smtp?.close();
  });

  it('two app processes drain 200 queued emails and every message arrives exactly once', async () => {
    const [{ id: tenantId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('matsusaka', '松阪市', 'Matsusaka', '242047') returning id`);
    const ids: string[] = [];
    await y.platform.inTenant(tenantId, async (tx) => {
      for (let i = 0; i < MESSAGES; i++) ids.push(await y.platform.notify.email(tx, { tenantId, to: `resident${i}@example.jp`, subject: `通知 ${i}`, text: `${i}` }));
    });
    const url = (y.db as { url?: string }).url!;
    const workers = await Promise.all([startWorker(url, smtp.url), startWorker(url, smtp.url)]);
    for (const w of workers) w.child.stdin.end('go\n');
    const results = await Promise.all(workers.map((w) => w.result));

    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(MESSAGES);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    // Both processes did part of the work: the test really ran them side by side.
    expect(results.every((r) => r.sent > 0)).toBe(true);
    const counts = new Map<string, number>();
    for (const m of smtp.received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    expect(smtp.received).toHaveLength(MESSAGES);
    for (const id of ids) expect(counts.get(`<${id}@yakuba.outbox>`)).toBe(1);
    const [{ sent }] = await y.db.rows<{ sent: number }>(sql`select count(*)::int as sent from outbox where status = 'sent' and delivered_via = 'smtp'`);
    expect(sent).toBe(MESSAGES);
  }, 120_000);
});
