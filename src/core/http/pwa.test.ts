import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { twoTenants } from '../auth/testing.ts';

describe('PWA manifest', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
  });
  afterAll(async () => y?.close());

  it("names the tenant's portal, or a module's page as its own app, within the tenant's scope", async () => {
    const portal = await y.app.inject('/t/tokushima/api/pwa/manifest');
    expect(portal.statusCode).toBe(200);
    expect(portal.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const p = portal.json();
    expect(p).toMatchObject({ start_url: '/t/tokushima/', scope: '/t/tokushima/', display: 'standalone', lang: 'ja' });
    expect(p.name).toContain('徳島');
    const notices = (await y.app.inject('/t/matsusaka/api/pwa/manifest?app=notices&lang=en')).json();
    expect(notices).toMatchObject({ start_url: '/t/matsusaka/notices', scope: '/t/matsusaka/', lang: 'en', short_name: 'Notices' });
    expect(notices.icons[0]).toMatchObject({ src: '/favicon.svg', type: 'image/svg+xml' });
  });

  it('answers 404 for a module without a portal page and 400 for a malformed name', async () => {
    expect((await y.app.inject('/t/tokushima/api/pwa/manifest?app=nosuchmodule')).statusCode).toBe(404);
    const bad = await y.app.inject('/t/tokushima/api/pwa/manifest?app=..%2Fetc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/app/);
  });
});
