import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Platform } from '../platform.ts';
import { claimDue, markFailed, markSent, type OutboxRow } from '../notify/outbox-repo.ts';
import { PartialDelivery } from '../notify/partial.ts';
import { Deliverer } from './deliver.ts';
import { releaseJobLease, takeJobLease } from './locks.ts';
import { sweepOrphanFiles } from '../files/sweep.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import type { JobDef } from '../modules/manifest.ts';

/** The core's own scheduled work, run like a module's jobs. */
const CORE_JOBS: JobDef[] = [
  { name: 'files.sweep', everyMs: 3600_000, run: async (platform) => { await sweepOrphanFiles(platform); } },
  { name: 'sessions.purge', everyMs: 3600_000, run: async (platform) => { await purgeExpiredSessions(platform.db); } },
];

/** Tuning of the runner; the defaults suit production, tests shorten them. */
export interface RunnerOptions {
  /** Messages claimed per round. */
  batchSize?: number;
  /** Messages sent at the same time by one process. */
  concurrency?: number;
  /** Attempts before a message is declared dead. */
  maxAttempts?: number;
  /** Wait before retry n (1-based). */
  backoffMs?: (attempts: number) => number;
  /** How long a claim holds before another worker may take the message over. */
  leaseMs?: number;
  workerId?: string;
}

/** 30 s, 1 min, 2 min … doubling, capped at 6 hours. */
export const defaultBackoff = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 6 * 3600_000);

/**
 * The background worker of one process: sends the outbox (email, push, events) with retry and backoff
 * and runs the modules' scheduled jobs. Several processes may run it on one PostgreSQL; a message is
 * claimed by one of them at a time and a job runs in one of them at a time.
 */
export class JobRunner {
  readonly workerId: string;
  private opts: Required<Omit<RunnerOptions, 'workerId'>>;
  private deliverer: Deliverer;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private platform: Platform, options: RunnerOptions = {}) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.opts = {
      batchSize: options.batchSize ?? 50,
      concurrency: options.concurrency ?? 5,
      maxAttempts: options.maxAttempts ?? 8,
      backoffMs: options.backoffMs ?? defaultBackoff,
      leaseMs: options.leaseMs ?? 5 * 60_000,
    };
    this.deliverer = new Deliverer(platform);
  }

  /** Starts polling every config.jobIntervalMs (unless jobs are switched off). */
  start(): void {
    if (!this.stopped || !this.platform.config.jobsEnabled) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      let busy = false;
      this.running = (async () => {
        try {
          const { sent, failed } = await this.runOnce();
          busy = sent + failed >= this.opts.batchSize;
          await this.runDueJobs();
        } catch (err) {
          this.platform.log.error({ err }, 'job runner round failed');
        }
      })();
      await this.running;
      this.running = null;
      if (!this.stopped) this.timer = setTimeout(loop, busy ? 0 : this.platform.config.jobIntervalMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running;
    this.deliverer.close();
  }

  /** Claims one batch of due outbox messages and sends them; for tests and the polling loop. */
  async runOnce(): Promise<{ sent: number; failed: number }> {
    const rows = await claimDue(this.platform.db, this.workerId, this.opts.batchSize, this.opts.leaseMs);
    let sent = 0;
    let failed = 0;
    const queue = [...rows];
    const work = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (await this.send(row)) sent += 1;
        else failed += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, rows.length) }, work));
    return { sent, failed };
  }

  private async send(row: OutboxRow): Promise<boolean> {
    try {
      const via = await this.deliverer.deliver(row);
      await markSent(this.platform.db, row.id, this.workerId, via);
      return true;
    } catch (err) {
      const message = (err as Error).message || String(err);
      const status = await markFailed(this.platform.db, row.id, this.workerId, message, {
        maxAttempts: this.opts.maxAttempts,
        backoffMs: this.opts.backoffMs,
        progress: err instanceof PartialDelivery ? err.done : undefined,
      });
      this.platform.log.warn({ outbox: row.id, channel: row.channel, status, err: message }, 'outbox delivery failed');
      return false;
    }
  }

  /** Runs each module job that is due and not running elsewhere; returns the names it ran. */
  async runDueJobs(): Promise<string[]> {
    const ran: string[] = [];
    for (const m of [{ id: 'core', jobs: CORE_JOBS }, ...this.platform.modules]) {
      for (const job of m.jobs ?? []) {
        const name = `${m.id}.${job.name}`;
        if (!(await takeJobLease(this.platform.db, name, this.workerId, job.everyMs, Math.max(job.everyMs, 60_000)))) continue;
        try {
          await job.run(this.platform);
          ran.push(name);
        } catch (err) {
          this.platform.log.error({ err, job: name }, 'scheduled job failed');
        } finally {
          await releaseJobLease(this.platform.db, name, this.workerId);
        }
      }
    }
    return ran;
  }
}
