/**
 * App-level group commit: callers queue items under a key (the tenant); the writer hands them to
 * `write` in batches of up to `maxBatch`, at most `maxInFlight` batches per key at a time. There is no
 * timer: a batch starts on the next turn of the event loop when a slot is free, and whatever queued
 * while the slots were busy goes out as soon as one frees (at low load a batch is one item and one
 * transaction; at high load batches grow). `write` answers each job (resolve or reject) — the writer
 * only guarantees that a job it was not answered is rejected, never left waiting.
 */

/** One queued item and how to answer its caller. */
export interface BatchJob<T, R> {
  item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/** How a writer writes and how big its batches get. */
export interface BatchWriterOptions<T, R> {
  /** Writes the jobs of one key and answers each of them. */
  write(key: string, jobs: BatchJob<T, R>[]): Promise<void>;
  maxBatch?: number;
  maxInFlight?: number;
}

interface Lane<T, R> {
  pending: BatchJob<T, R>[];
  inFlight: number;
  scheduled: boolean;
}

/** Queues items per key and writes them in batches; see the file comment. */
export class BatchWriter<T, R> {
  private readonly lanes = new Map<string, Lane<T, R>>();
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private stopped = false;
  private idle: (() => void)[] = [];

  constructor(private readonly opts: BatchWriterOptions<T, R>) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? 64);
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 1);
  }

  /** Queues an item; settles when `write` answers it (after its batch committed, or with its own error). */
  submit(key: string, item: T): Promise<R> {
    if (this.stopped) return Promise.reject(new Error('the submission writer is stopped'));
    return new Promise<R>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { pending: [], inFlight: 0, scheduled: false }));
      lane.pending.push({ item, resolve, reject });
      if (lane.inFlight < this.maxInFlight && !lane.scheduled) {
        lane.scheduled = true;
        // Requests parsed in the same turn of the event loop join the same batch.
        setImmediate(() => {
          lane!.scheduled = false;
          this.pump(key, lane!);
        });
      }
    });
  }

  /** Items queued or being written, over all keys (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.pending.length + lane.inFlight;
    return n;
  }

  /** Takes no more items and resolves once every queued item has been written and answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.size === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(key: string, lane: Lane<T, R>): void {
    while (lane.inFlight < this.maxInFlight && lane.pending.length > 0) {
      const jobs = lane.pending.splice(0, this.maxBatch);
      lane.inFlight++;
      void this.run(key, jobs).finally(() => {
        lane.inFlight--;
        if (lane.pending.length > 0) this.pump(key, lane);
        else if (lane.inFlight === 0) this.lanes.delete(key);
        if (this.size === 0) for (const done of this.idle.splice(0)) done();
      });
    }
  }

  private async run(key: string, jobs: BatchJob<T, R>[]): Promise<void> {
    let settled = 0;
    const guarded = jobs.map((j) => {
      let done = false;
      const once = <A>(fn: (a: A) => void) => (a: A) => {
        if (done) return;
        done = true;
        settled++;
        fn(a);
      };
      return { item: j.item, resolve: once(j.resolve), reject: once(j.reject) };
    });
    try {
      await this.opts.write(key, guarded);
    } catch (err) {
      for (const j of guarded) j.reject(err);
    }
    if (settled < jobs.length) {
      for (const j of guarded) j.reject(new Error('a batched submission was not answered'));
    }
  }
}
