// Helpers for browser tests. A new module's e2e test typically does:
//   const suite = useBrowserSuite(async (server) => { await addTenant(server, TOKUSHIMA); … });
//   it('…', async () => { const { page } = await newPage(suite.browser);
//     await page.goto(`${suite.server.origin}/t/tokushima/…`); await expectNoAxeViolations(page, 'my page'); });
export { launchBrowser, newPage, overflowsHorizontally, PHONE, DESKTOP, CHROMIUM } from './browser.ts';
export { expectNoAxeViolations, AXE_TAGS } from './axe.ts';
export { screenshot } from './screenshots.ts';
export { startServer, addTenant, addStaff, addRole, setContact, lastEmailTo, linkIn, type E2eServer } from './server.ts';
export { useBrowserSuite, TOKUSHIMA, MATSUSAKA, type BrowserSuite } from './suite.ts';
export { signInStaff, signInDepartmentsOnlyStaff, enrolTotp, totpNow } from './staff.ts';
