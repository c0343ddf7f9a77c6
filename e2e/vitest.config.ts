import { defineConfig } from 'vitest/config';

// Browser tests: a real server in-process per file, Debian's Chromium through playwright-core, axe-core.
// One file at a time: each starts a browser and a server, and the machine is small.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
