/** Load generation with wrk (Debian), falling back to autocannon when wrk is missing. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const WRK = '/usr/bin/wrk';

/** Throughput and tail latency of one run. */
export interface LoadResult {
  rps: number;
  p99Ms: number;
  errors: number;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60000 : n;
}

/** Parses wrk's --latency output. */
export function parseWrk(out: string): LoadResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s|m)\b/m.exec(out);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const sockErr = /Socket errors:.*?connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  if (!rps || !p99) throw new Error(`cannot read wrk output:\n${out}`);
  const errors = Number(non2xx?.[1] ?? 0) + (sockErr ? sockErr.slice(1).reduce((s, x) => s + Number(x), 0) : 0);
  return { rps: Number(rps[1]), p99Ms: toMs(p99[1]!, p99[2]!), errors };
}

/** Runs a bounded load against `url`: `connections` keep-alive connections for `seconds`. */
export async function load(url: string, opts: { seconds: number; connections: number; threads?: number }): Promise<LoadResult> {
  if (existsSync(WRK)) {
    const { stdout } = await run(WRK, [`-t${opts.threads ?? 1}`, `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', url], { timeout: (opts.seconds + 30) * 1000 });
    return parseWrk(stdout);
  }
  const { default: autocannon } = await import('autocannon' as string);
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds });
  return { rps: r.requests.average, p99Ms: r.latency.p99, errors: r.non2xx + r.errors };
}
