/**
 * "A submission that returned a receipt number is never lost, including when the server process is
 * killed right after answering." The real server runs as a child process on an embedded PGlite data
 * directory (and on PostgreSQL when DATABASE_URL is set); citizens submit concurrently over HTTP; the
 * process gets SIGKILL the moment the last awaited receipt arrives, with more submissions still in
 * flight; it is started again on the same data, and every receipt handed out must be there.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../../app.ts';
import { openDatabase } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { createTenant, createRole } from '../../../core/seed/tenants.ts';
import { createStaffUser } from '../../../core/admin/users/create.ts';
import type { FormDefinition } from '../engine/types.ts';
import { PROCESS_ALL } from '../policy.ts';

const SERVER = fileURLToPath(new URL('../../../server.ts', import.meta.url));
const SECRET = 'durability-secret-key-0123456789abcdef';
const PASSWORD = 'durability password 12345';
const ANSWERED = 40; // receipts awaited before the kill
const IN_FLIGHT = 12; // more submissions sent at the same time, unanswered when the process dies

const form: FormDefinition = {
  schemaVersion: 1,
  pages: [{ id: 'p', title: { ja: '申込' }, sections: [{ id: 's', fields: [
    { key: 'name', type: 'name', label: { ja: '氏名' }, required: true },
    { key: 'course', type: 'select', label: { ja: '講座' }, required: true, options: [{ value: 'a', label: { ja: '午前の部' } }, { value: 'b', label: { ja: '午後の部' } }] },
    { key: 'note', type: 'textarea', label: { ja: '備考' }, maxLength: 200 },
  ] }] }],
};

type Target = { dataDir: string } | { databaseUrl: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Migrates the database and creates the tenant, a procedure with a live form, and a staff member who may read every submission. */
async function prepare(target: Target): Promise<{ procedureId: string; versionId: string }> {
  const db = await openDatabase(target);
  const y = await buildApp({ db, config: { logLevel: 'silent', jobsEnabled: false, secretKey: SECRET, dataDir: 'dataDir' in target ? target.dataDir : tmpdir() } });
  try {
    const tenant = await createTenant(y.platform, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018' });
    return await y.platform.inTenant(tenant.id, async (tx) => {
      const role = await createRole(tx, tenant.id, '全課の申請', '', [PROCESS_ALL]);
      await createStaffUser(tx, { tenantId: tenant.id, email: 'staff@tokushima.example.jp', displayName: '職員', password: PASSWORD, roleIds: [role] });
      const [p] = await txRows<{ id: string }>(tx, sql`insert into applications_procedures (tenant_id, title_ja, category) values (${tenant.id}, '講座申込', 'education') returning id`);
      const [v] = await txRows<{ id: string }>(tx, sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition, published_at)
        values (${tenant.id}, ${p!.id}, 1, 'live', ${JSON.stringify(form)}::jsonb, now()) returning id`);
      return { procedureId: p!.id, versionId: v!.id };
    });
  } finally {
    await y.close();
    await db.close();
  }
}

/** Starts src/server.ts in a child process and waits until /readyz answers. */
async function startChild(target: Target): Promise<{ child: ChildProcess; origin: string; log: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: `http://127.0.0.1:${port}`, JOBS: 'off', LOG_LEVEL: 'warn',
    SECRET_KEY: SECRET, RATE_LIMIT_PER_MINUTE: '1000000', NODE_ENV: 'production', COOKIE_SECURE: 'false',
    ...('dataDir' in target ? { DATA_DIR: target.dataDir, DATABASE_URL: '' } : { DATABASE_URL: target.databaseUrl }),
  };
  delete env.VITEST;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { startServer } from ${JSON.stringify(SERVER)}; await startServer();`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const origin = `http://127.0.0.1:${port}`;
  for (const t0 = Date.now(); ;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    const ok = await fetch(`${origin}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return { child, origin, log: () => out };
    if (Date.now() - t0 > 30_000) throw new Error(`server not ready after 30 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A pre-session CSRF token and its cookie, as a browser gets them from /auth/me. */
async function csrf(origin: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${origin}/t/tokushima/api/auth/me`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: `yakuba_csrf=${csrfToken}` };
}

async function submit(origin: string, c: { token: string; cookie: string }, ids: { procedureId: string; versionId: string }, key: string, i: number) {
  const res = await fetch(`${origin}/t/tokushima/api/applications/procedures/${ids.procedureId}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-csrf-token': c.token, cookie: c.cookie },
    body: JSON.stringify({ versionId: ids.versionId, answers: { name: { family: '申込', given: `${i}番` }, course: i % 2 ? 'a' : 'b', note: `送信 ${i}` } }),
  });
  const body = (await res.json()) as { receiptNumber?: string };
  return { status: res.status, receiptNumber: body.receiptNumber ?? null, body };
}

/** Every receipt number of the procedure, read back through the staff JSON export. */
async function receiptsOf(origin: string, procedureId: string): Promise<string[]> {
  const c = await csrf(origin);
  const login = await fetch(`${origin}/t/tokushima/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': c.token, cookie: c.cookie },
    body: JSON.stringify({ email: 'staff@tokushima.example.jp', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookies = login.headers.getSetCookie().map((s) => s.split(';')[0]).join('; ');
  const res = await fetch(`${origin}/t/tokushima/api/admin/applications/procedures/${procedureId}/submissions.json`, { headers: { cookie: cookies } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { submissions: { receiptNumber: string }[] }).submissions.map((s) => s.receiptNumber);
}

async function killedRightAfterAnswering(target: Target): Promise<void> {
  const ids = await prepare(target);
  let server = await startChild(target);
  try {
    const c = await csrf(server.origin);
    const keys = Array.from({ length: ANSWERED + IN_FLIGHT }, () => `durable-${randomUUID()}`);
    const receipts = new Map<string, string>(); // idempotency key → receipt number
    const failures: string[] = [];
    let killed = false;
    const dead = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    await Promise.all(keys.map((key, i) => submit(server.origin, c, ids, key, i).then((r) => {
      // a receipt that reached the client counts, even one that arrived as the kill was on its way
      if (r.status !== 201 || !r.receiptNumber) failures.push(`${r.status} ${JSON.stringify(r.body)}`);
      else receipts.set(key, r.receiptNumber);
      if (receipts.size === ANSWERED && !killed) {
        killed = true;
        server.child.kill('SIGKILL'); // the moment the last awaited receipt arrived
      }
    }, () => undefined /* cut off by the kill */)));
    if (!killed) server.child.kill('SIGKILL');
    await dead;
    expect(failures).toEqual([]);
    expect(receipts.size).toBeGreaterThanOrEqual(ANSWERED);

    server = await startChild(target);
    const stored = new Set(await receiptsOf(server.origin, ids.procedureId));
    const lost = [...receipts.values()].filter((r) => !stored.has(r));
    expect(lost, 'receipts handed out before the kill but missing after the restart').toEqual([]);

    // Retrying every request after the restart makes nothing twice: the answered keys replay their receipts.
    const again = await csrf(server.origin);
    for (const [i, key] of keys.entries()) {
      const r = await submit(server.origin, again, ids, key, i);
      expect([200, 201]).toContain(r.status);
      if (receipts.has(key)) expect([r.status, r.receiptNumber]).toEqual([200, receipts.get(key)]);
    }
    expect(new Set(await receiptsOf(server.origin, ids.procedureId)).size).toBe(keys.length);
  } finally {
    server.child.kill('SIGKILL');
  }
}

describe('an acknowledged submission survives SIGKILL of the server', () => {
  const work = mkdtempSync(join(tmpdir(), 'yakuba-durability-'));
  const databases: string[] = [];
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    for (const name of databases) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('on an embedded PGlite data directory', async () => {
    await killedRightAfterAnswering({ dataDir: join(work, 'data') });
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)('on PostgreSQL (DATABASE_URL)', async () => {
    const name = `yakuba_durability_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databases.push(name);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    await killedRightAfterAnswering({ databaseUrl: url.toString() });
  }, 60_000);
});
