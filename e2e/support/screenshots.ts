import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// Only SCREENSHOTS=1 refreshes the committed pictures; ordinary runs still take them (a page that
// cannot be captured fails the test) but keep them out of the work tree.
const dir = process.env.SCREENSHOTS === '1'
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : `${tmpdir()}/yakuba-screenshots/`;

/** Saves {name}.png: into docs/screenshots with SCREENSHOTS=1 (the README uses these), else a temp folder. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}${name}.png`, fullPage });
}
