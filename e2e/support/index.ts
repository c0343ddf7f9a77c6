// Helpers for browser tests. A new module's e2e test typically does:
//   const server = await startServer(); const tenant = await addTenant(server, {...});
//   const browser = await launchBrowser(); const { page } = await newPage(browser);
//   await page.goto(`${server.origin}/t/${tenant.slug}/…`); await expectNoAxeViolations(page, 'my page');
export { launchBrowser, newPage, overflowsHorizontally, PHONE, DESKTOP, CHROMIUM } from './browser.ts';
export { expectNoAxeViolations, AXE_TAGS } from './axe.ts';
export { screenshot } from './screenshots.ts';
export { startServer, addTenant, addStaff, addRole, lastEmailTo, linkIn, type E2eServer } from './server.ts';
export { signInStaff, enrolTotp, totpNow } from './staff.ts';
