// `npm run bench:applications`: durable submissions per second of a 20-field form through the full
// HTTP path (CSRF, rate limit, validation, one transaction with history, receipt email in the outbox,
// event and audit entry) on PostgreSQL, with 64 concurrent clients, beside raw single-row INSERTs of
// the same jsonb into the same database from 64 connections, measured in the same run.
// PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; a fresh database is made
// and dropped. BENCH_SECONDS (default 10), BENCH_CLIENTS (64), BENCH_PROFILE=1 (CPU profile of the server).
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/core/db/connection.ts';
import { txRows } from '../src/core/db/tenant-tx.ts';
import { createTenant } from '../src/core/seed/tenants.ts';
import { benchAnswers, benchForm } from './applications-form.ts';
import { freePort, start, stop, stopAll, tail, waitFor200 } from './lib/proc.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'yakuba-bench-apps-'));
const dbName = `yakuba_bench_${randomBytes(5).toString('hex')}`;
const dbUrl = (() => { const u = new URL(BASE_URL); u.pathname = `/${dbName}`; return u.toString(); })();

interface Run { ok: number; errors: number; seconds: number; latencies: number[]; firstError?: string }
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** `clients` loops each doing `op` back to back for `seconds`; counts and latencies of the successes. */
async function loop(clients: number, seconds: number, op: (i: number) => Promise<boolean | string>): Promise<Run> {
  const run: Run = { ok: 0, errors: 0, seconds, latencies: [] };
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await op(n++).catch((e: Error) => e.message);
      if (r === true) {
        run.ok++;
        run.latencies.push(performance.now() - t0);
      } else {
        run.errors++;
        run.firstError ??= String(r);
      }
    }
  }));
  run.latencies.sort((a, b) => a - b);
  return run;
}

/** Migrates the fresh database and creates a tenant with a procedure whose live form is benchForm. */
async function prepare(): Promise<{ procedureId: string; versionId: string }> {
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: dbUrl });
  const y = await buildApp({ db, config: { logLevel: 'silent', jobsEnabled: false, secretKey: 'bench-secret-key-0123456789abcdef0123456789', dataDir: work } });
  try {
    const t = await createTenant(y.platform, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018' });
    return await y.platform.inTenant(t.id, async (tx) => {
      const [p] = await txRows<{ id: string }>(tx, sql`insert into applications_procedures (tenant_id, title_ja, category) values (${t.id}, '一時預かり 申込', 'childcare') returning id`);
      const [v] = await txRows<{ id: string }>(tx, sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition, published_at)
        values (${t.id}, ${p!.id}, 1, 'live', ${JSON.stringify(benchForm)}::jsonb, now()) returning id`);
      return { procedureId: p!.id, versionId: v!.id };
    });
  } finally {
    await y.close();
    await db.close();
  }
}

function post(agent: Agent, port: number, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Samples what the server's database connections are doing (pg_stat_activity) every 100 ms until
 * stopped: `Lock:advisory` is a transaction waiting for the tenant's audit chain, `ClientRead` in a
 * transaction is PostgreSQL waiting for the Node.js process, `WALWrite`/`WALSync` is the commit flush.
 */
function sampleWaits(probe: pg.Client): { stop(): Promise<[string, number][]> } {
  const counts = new Map<string, number>();
  let running = true;
  const done = (async () => {
    while (running) {
      const { rows } = await probe.query(`select coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' (' || state || ')' as w, count(*)::int n
        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' group by 1`);
      for (const r of rows as { w: string; n: number }[]) counts.set(r.w, (counts.get(r.w) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return [...counts].sort((a, b) => b[1] - a[1]).map(([w, n]) => [w, n / total]);
    },
  };
}

/** The functions with the most self time in a V8 CPU profile. */
function topOfProfile(dir: string, window: [number, number], n = 20): string[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return ['(no profile written)'];
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { startTime: number; nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  const byNode = new Map(prof.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let at = prof.startTime; // µs on the monotonic clock, as process.hrtime
  prof.samples.forEach((id, i) => {
    at += prof.timeDeltas[i] ?? 0;
    if (at < window[0] || at > window[1]) return; // only the timed run: not start-up, warm-up or shutdown
    const cf = byNode.get(id)!.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*node_modules\//, '').replace(ROOT, '')}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

async function main(): Promise<void> {
  console.log(`Applications benchmark — ${cpus().length} cores, node ${process.version}; ${CLIENTS} clients × ${SECONDS} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const ids = await prepare();
  const probe = new pg.Client({ connectionString: dbUrl });
  probe.on('error', () => { /* the database is dropped at the end */ });
  await probe.connect();
  const settings = (await probe.query(`select current_setting('server_version') v, current_setting('synchronous_commit') sc, current_setting('fsync') f`)).rows[0] as { v: string; sc: string; f: string };
  console.log(`PostgreSQL ${settings.v}: synchronous_commit=${settings.sc}, fsync=${settings.f}\n`);

  // 1. The full HTTP path: the real server in its own process, as in production.
  const port = await freePort();
  const profDir = join(work, 'prof');
  const server = start(process.execPath, [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--import', 'tsx', '--input-type=module',
    '-e', `import { startServer } from ${JSON.stringify(join(ROOT, 'src/server.ts'))}; await startServer();`,
  ], {
    cwd: ROOT, logFile: join(work, 'server.log'),
    env: { DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', BASE_URL: `http://127.0.0.1:${port}`, JOBS: 'off', NODE_ENV: 'production', LOG_LEVEL: 'warn',
      SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789', RATE_LIMIT_PER_MINUTE: '1000000000', COOKIE_SECURE: 'false' },
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}/readyz`, server, performance.now(), 60_000);
  } catch (err) {
    console.error(tail(join(work, 'server.log')));
    throw err;
  }
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const me = await (await fetch(`http://127.0.0.1:${port}/t/tokushima/api/auth/me`)).json() as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken, cookie: `yakuba_csrf=${me.csrfToken}` };
  const path = `/t/tokushima/api/applications/procedures/${ids.procedureId}/submissions`;
  const submitOne = async (i: number) => {
    const r = await post(agent, port, path, { ...headers, 'idempotency-key': `bench-${randomUUID()}` }, JSON.stringify({ versionId: ids.versionId, answers: benchAnswers(i), email: 'hanako@example.jp' }));
    return r.status === 201 || `${r.status} ${r.body.slice(0, 200)}`;
  };
  const warm = await loop(CLIENTS, 2, submitOne); // warm-up: JIT, pools, caches
  const cpu0 = cpuSeconds(server.pid!);
  const waits = sampleWaits(probe);
  const runStart = Number(process.hrtime.bigint() / 1000n);
  const http = await loop(CLIENTS, SECONDS, submitOne);
  const runEnd = Number(process.hrtime.bigint() / 1000n);
  const serverCpu = (cpuSeconds(server.pid!) - cpu0) / SECONDS;
  const waitShares = await waits.stop();
  agent.destroy();
  await stop(server);
  const stored = Number((await probe.query('select count(*)::int n from applications_submissions')).rows[0].n);

  // 2. Raw single-row INSERTs of the same answers (jsonb) into the same database, 64 connections.
  await probe.query('create table bench_raw_inserts (id uuid primary key default gen_random_uuid(), answers jsonb not null, created_at timestamptz not null default now())');
  const pool = new pg.Pool({ connectionString: dbUrl, max: CLIENTS });
  pool.on('error', () => undefined);
  const insertOne = async (i: number) => {
    await pool.query('insert into bench_raw_inserts (answers) values ($1::jsonb)', [JSON.stringify(benchAnswers(i))]);
    return true;
  };
  await loop(CLIENTS, 2, insertOne);
  const raw = await loop(CLIENTS, SECONDS, insertOne);
  await pool.end();
  await probe.end();

  const rate = (r: Run) => r.ok / r.seconds;
  const ratio = rate(http) / rate(raw);
  const p99 = pct(http.latencies, 0.99);
  const w = [44, 12, 12, 10, 10];
  const row = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(w[i]!) : x.padStart(w[i]!))).join('  ');
  console.log(row(['', 'per second', 'p50 ms', 'p99 ms', 'errors']));
  console.log(row(['submissions through HTTP (201, committed)', rate(http).toFixed(0), pct(http.latencies, 0.5).toFixed(1), p99.toFixed(1), String(http.errors)]));
  console.log(row(['raw single-row INSERT (pg, 64 connections)', rate(raw).toFixed(0), pct(raw.latencies, 0.5).toFixed(1), pct(raw.latencies, 0.99).toFixed(1), String(raw.errors)]));
  console.log(`\nratio HTTP / raw insert: ${ratio.toFixed(2)} (goal ≥ 0.40)   p99: ${p99.toFixed(1)} ms (goal < 100 ms)`);
  console.log(`server process CPU during the run: ${(serverCpu * 100).toFixed(0)}% of one core`);
  console.log(`durability: ${warm.ok + http.ok} receipts answered, ${stored} submissions stored${stored === warm.ok + http.ok ? ' (all there)' : ' — MISMATCH'}`);
  console.log(`server's busy database connections during the run: ${waitShares.slice(0, 5).map(([w, f]) => `${w} ${(f * 100).toFixed(0)}%`).join(', ')}`);
  if (http.firstError) console.log(`first HTTP error: ${http.firstError}`);
  if (process.env.BENCH_PROFILE) console.log(`\nserver CPU profile of the timed run, top self time:\n${topOfProfile(profDir, [runStart, runEnd]).join('\n')}`);
}

const cleanup = async () => {
  await stopAll();
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect().then(() => admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => undefined).finally(() => admin.end());
  rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
main().then(cleanup, async (err: Error) => {
  console.error(`bench failed: ${err.message}`);
  await cleanup();
  process.exitCode = 1;
});
