import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Saves docs/screenshots/{name}.png (the README and reviewers use these). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}${name}.png`, fullPage });
}
