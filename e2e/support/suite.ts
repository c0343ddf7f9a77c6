import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type E2eServer } from './server.ts';

/** The municipalities the tests use (real names and 全国地方公共団体コード). */
export const TOKUSHIMA = { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima City', lgCode: '362018' };
export const MATSUSAKA = { slug: 'matsusaka', nameJa: '松阪市', nameEn: 'Matsusaka City', lgCode: '242047' };

/** A test file's server and browser; read them inside tests and hooks (they exist once beforeAll ran). */
export interface BrowserSuite { server: E2eServer; browser: Browser }

/**
 * Starts the server, runs `seed` on it (tenants, staff, roles) and launches Chromium before the
 * file's tests; closes both after them. Hooks a file adds later run after these start, and their
 * afterAll before these close (vitest's default stacked hook order), so they may use the server.
 */
export function useBrowserSuite(seed?: (server: E2eServer) => Promise<void>): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServer();
    await seed?.(suite.server);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
