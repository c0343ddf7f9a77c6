import type { Platform } from '../platform.ts';

// STUB — replaced by the jobs work.
export class JobRunner {
  constructor(private platform: Platform) {}
  start(): void {}
  async stop(): Promise<void> {}
}
