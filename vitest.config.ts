import { defineConfig } from 'vitest/config';
import { existsSync } from 'node:fs';

// `npm test` runs the unit and API tests, then the browser tests when Debian's Chromium is installed
// (`npm run test:unit` and `npm run test:e2e` run one half each).
const hasChromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
if (!hasChromium) console.warn('\n[yakuba] /usr/bin/chromium not found: browser tests (e2e/) are not run. Install Debian\'s chromium to run them.\n');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      ...(hasChromium ? [{
        // Browser tests: a real server in-process per file, Debian's Chromium through playwright-core,
        // axe-core. One file at a time and after the unit project: each starts a browser and a server.
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks' as const,
          maxWorkers: 1,
          fileParallelism: false,
        },
      }] : []),
    ],
  },
});
