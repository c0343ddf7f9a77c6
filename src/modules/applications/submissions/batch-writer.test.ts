import { describe, expect, it } from 'vitest';
import { BatchWriter, type BatchJob } from './batch-writer.ts';

/** A writer whose batches finish when the test says so. */
function controlled(opts: { maxBatch?: number; maxInFlight?: number } = {}) {
  const batches: { key: string; items: number[]; finish: () => void }[] = [];
  const writer = new BatchWriter<number, string>({
    ...opts,
    write: (key, jobs: BatchJob<number, string>[]) => new Promise<void>((resolve) => {
      batches.push({ key, items: jobs.map((j) => j.item), finish: () => { for (const j of jobs) j.resolve(`${key}:${j.item}`); resolve(); } });
    }),
  });
  return { writer, batches };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('BatchWriter (group commit)', () => {
  it('writes a lone item at once, and lets items queue while a batch is in flight, then writes them together', async () => {
    const { writer, batches } = controlled({ maxInFlight: 1 });
    const first = writer.submit('t1', 1);
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    const more = [2, 3, 4, 5].map((i) => writer.submit('t1', i));
    await tick();
    expect(batches).toHaveLength(1); // waiting for the first to commit
    batches[0]!.finish();
    expect(await first).toBe('t1:1');
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4, 5]]);
    batches[1]!.finish();
    expect(await Promise.all(more)).toEqual(['t1:2', 't1:3', 't1:4', 't1:5']);
  });

  it('keeps tenants apart, caps a batch at maxBatch and runs up to maxInFlight batches of a key at once', async () => {
    const { writer, batches } = controlled({ maxBatch: 3, maxInFlight: 2 });
    const all = [...[1, 2, 3, 4, 5, 6, 7].map((i) => writer.submit('a', i)), writer.submit('b', 8)];
    await tick();
    expect(batches.map((b) => [b.key, b.items])).toEqual([['a', [1, 2, 3]], ['a', [4, 5, 6]], ['b', [8]]]);
    batches[1]!.finish();
    await tick();
    expect(batches.map((b) => b.items).at(-1)).toEqual([7]);
    for (const b of batches) b.finish();
    expect(await Promise.all(all)).toEqual(['a:1', 'a:2', 'a:3', 'a:4', 'a:5', 'a:6', 'a:7', 'b:8']);
    expect(writer.size).toBe(0);
  });

  it('rejects the jobs a write left unanswered or failed, and stop() waits for the queue to drain', async () => {
    let calls = 0;
    const writer = new BatchWriter<number, number>({
      write: async (_key, jobs) => {
        calls++;
        if (jobs[0]!.item === 0) throw new Error('boom');
        jobs[0]!.resolve(jobs[0]!.item); // the second job of the batch is forgotten
      },
    });
    await expect(writer.submit('k', 0)).rejects.toThrow('boom');
    const [a, b] = [writer.submit('k', 1), writer.submit('k', 2)];
    const stopped = writer.stop();
    expect(await a).toBe(1);
    await expect(b).rejects.toThrow('not answered');
    await stopped;
    expect(calls).toBe(2);
    await expect(writer.submit('k', 3)).rejects.toThrow('stopped');
  });
});
