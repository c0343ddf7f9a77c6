// `npm run bench`: Yakuba against baselines measured in the same run (see bench/README.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, rssMiB, start, stop, stopAll, tail, waitFor200 } from './lib/proc.ts';
import { startNginx } from './lib/nginx.ts';
import { load, type LoadResult } from './lib/wrk.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2 * cpus().length);
// Rounds alternate the three servers so a burst of load from elsewhere on the machine hits them alike;
// each figure is the round with the highest throughput (the capacity the server showed).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PATHS = { healthz: '/healthz', portal: '/t/tokushima/api/portal' };

const work = mkdtempSync(join(tmpdir(), 'yakuba-bench-'));
const dataDir = join(work, 'data');
const notes: string[] = [];

function serverEnv(port: number): NodeJS.ProcessEnv {
  return {
    DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', BASE_URL: `http://127.0.0.1:${port}`, JOBS: 'off',
    NODE_ENV: 'production', LOG_LEVEL: 'warn', SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789',
    // One client on loopback sends far more than a citizen would; the limiter still runs on every request.
    RATE_LIMIT_PER_MINUTE: '1000000000',
  };
}

/** The web app must exist, or `yakuba start` would spend the timed seconds building it; returns the start command. */
function startCommand(): string[] {
  const cli = [join(ROOT, 'bin/yakuba.js'), 'start'];
  if (existsSync(join(ROOT, 'web/dist/index.html'))) return cli;
  console.log('web/dist missing: building it first (npm run build:web)…');
  try {
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    return cli;
  } catch {
    notes.push('the web app did not build, so start was timed with bench/start-server.ts (server + demo seed, no web build)');
    return ['--import', 'tsx', join(ROOT, 'bench/start-server.ts')];
  }
}

/** Spawns `node bin/yakuba.js start` and returns the child and the ms until /readyz answered 200. */
async function startYakuba(label: string, command: string[]) {
  const port = await freePort();
  const logFile = join(work, `yakuba-${label}.log`);
  const t0 = performance.now();
  const child = start(process.execPath, command, { cwd: ROOT, env: serverEnv(port), logFile });
  try {
    const ms = await waitFor200(`http://127.0.0.1:${port}/readyz`, child, t0, 60_000);
    return { child, port, ms };
  } catch (err) {
    console.error(tail(logFile));
    throw err;
  }
}

async function body(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

async function main(): Promise<void> {
  console.log(`Yakuba benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; wrk ${SECONDS} s × ${CONNECTIONS} connections, best of ${ROUNDS} alternating rounds; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const command = startCommand();

  // 1. Start on a new, empty data directory (migrations, secrets, demo seed), then stop.
  const cold = await startYakuba('new', command);
  await stop(cold.child);

  // 2. Baseline for memory: a process that only opens PGlite on the same data directory.
  const base = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/pglite-only.ts'), dataDir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!) as { rssMiB: number };

  // 3. Start again on the existing data directory; keep it for the load runs.
  const warm = await startYakuba('existing', command);
  await new Promise((r) => setTimeout(r, 1000));
  const rssAfterStart = rssMiB(warm.child.pid!);
  const yakubaUrl = (p: string) => `http://127.0.0.1:${warm.port}${p}`;

  // 4. nginx serves the very bytes Yakuba sends, as static files.
  const files = { [PATHS.healthz]: await body(yakubaUrl(PATHS.healthz)), [PATHS.portal]: await body(yakubaUrl(PATHS.portal)) };
  const nginx = await startNginx(join(work, 'nginx'), files);
  const nginxUrl = (p: string) => `http://127.0.0.1:${nginx.port}${p}`;
  const barePort = await freePort();
  const bare = start(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/bare-fastify.ts'), join(work, 'nginx', 'www'), String(barePort), ...Object.values(PATHS)], { cwd: ROOT, logFile: join(work, 'bare.log') });
  const bareUrl = (p: string) => `http://127.0.0.1:${barePort}${p}`;
  await waitFor200(bareUrl(PATHS.healthz), bare, performance.now(), 30_000);

  const results: { name: string; yakuba: LoadResult; nginx: LoadResult; bare: LoadResult }[] = [];
  for (const path of Object.values(PATHS)) {
    await load(yakubaUrl(path), { seconds: 1, connections: CONNECTIONS }); // warm-up (JIT, cache fill)
    await load(nginxUrl(path), { seconds: 1, connections: CONNECTIONS });
    await load(bareUrl(path), { seconds: 1, connections: CONNECTIONS });
    const best = { yakuba: null as LoadResult | null, nginx: null as LoadResult | null, bare: null as LoadResult | null };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [key, url] of [['yakuba', yakubaUrl(path)], ['nginx', nginxUrl(path)], ['bare', bareUrl(path)]] as const) {
        const r = await load(url, { seconds: SECONDS, connections: CONNECTIONS });
        if (!best[key] || r.rps > best[key].rps) best[key] = r;
      }
    }
    results.push({ name: `${path} (${files[path]!.length} B)`, yakuba: best.yakuba!, nginx: best.nginx!, bare: best.bare! });
  }
  const rssAfterLoad = rssMiB(warm.child.pid!);
  await stop(nginx.child);
  await stop(bare);
  await stop(warm.child);

  const w = [40, 12, 12, 9, 7, 14, 9];
  console.log(row(['throughput (req/s, higher is better)', 'Yakuba', 'nginx', 'ratio', 'goal', 'bare Fastify', 'Y/bare'], w));
  for (const r of results) {
    const ratio = r.yakuba.rps / r.nginx.rps;
    console.log(row([r.name, fmt(r.yakuba.rps), fmt(r.nginx.rps), fmt(ratio, 2), r.name.startsWith('/t/') ? '≥ 0.70' : '', fmt(r.bare.rps), fmt(r.yakuba.rps / r.bare.rps, 2)], w));
  }
  console.log('\n' + row(['p99 latency (ms, lower is better)', 'Yakuba', 'nginx', 'ratio', '', 'bare Fastify', 'Y/bare'], w));
  for (const r of results) console.log(row([r.name, fmt(r.yakuba.p99Ms, 2), fmt(r.nginx.p99Ms, 2), fmt(r.yakuba.p99Ms / r.nginx.p99Ms, 1), '', fmt(r.bare.p99Ms, 2), fmt(r.yakuba.p99Ms / r.bare.p99Ms, 1)], w));
  const errors = results.reduce((s, r) => s + r.yakuba.errors + r.nginx.errors + r.bare.errors, 0);
  if (errors) notes.push(`${errors} non-2xx responses or socket errors during the load runs`);

  console.log('\n' + row(['start to /readyz 200 (ms)', 'Yakuba', 'goal', 'ratio', ''], w));
  console.log(row(['new empty PGlite data dir (+ demo seed)', fmt(cold.ms), '10,000', fmt(cold.ms / 10000, 2), ''], w));
  console.log(row(['existing PGlite data dir', fmt(warm.ms), '3,000', fmt(warm.ms / 3000, 2), ''], w));

  console.log('\n' + row(['resident memory (MiB)', 'Yakuba', 'PGlite only', 'ratio', 'goal'], w));
  console.log(row(['after start (1 s after /readyz)', fmt(rssAfterStart, 1), fmt(base.rssMiB, 1), fmt(rssAfterStart / base.rssMiB, 2), '< 1.50'], w));
  console.log(row(['after the load runs', fmt(rssAfterLoad, 1), fmt(base.rssMiB, 1), fmt(rssAfterLoad / base.rssMiB, 2), ''], w));
  for (const n of notes) console.log(`\nnote: ${n}`);
}

const cleanup = async () => {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
main().then(cleanup, async (err: Error) => {
  console.error(`bench failed: ${err.message}`);
  await cleanup();
  process.exitCode = 1;
});
