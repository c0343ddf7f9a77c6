import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';

interface RouteInfo { method: string; url: string; permission?: string }

/**
 * Walks every registered API route as an anonymous caller and checks that the route's declared
 * permission was checked on the way: non-public routes must refuse with 401 or 403.
 */
describe('every API route checks a permission', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  const routes: RouteInfo[] = [];
  beforeAll(async () => {
    y = await testApp();
    await y.db.rows(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('walk', '走査市', 'Walk', '362018')`);
    await y.tenants.reload();
  });
  afterAll(async () => y?.close());

  it('declares a permission on every API route and enforces it', async () => {
    for (const r of y.routeTable) if (r.method !== 'HEAD' && r.method !== 'OPTIONS') routes.push(r);
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(apiRoutes.length).toBeGreaterThan(5);
    const unchecked: string[] = [];
    for (const r of apiRoutes) {
      const url = '/t/walk' + r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');
      const res = await y.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      const permission = r.permission;
      if (!permission) unchecked.push(`${r.method} ${r.url}: no permission declared`);
      else if (permission !== 'public' && ![401, 403].includes(res.statusCode)) {
        unchecked.push(`${r.method} ${r.url} (${permission}) answered ${res.statusCode} to an anonymous caller`);
      }
      if (res.statusCode >= 500) unchecked.push(`${r.method} ${r.url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    }
    expect(unchecked).toEqual([]);
  });

  it('refuses to boot a route without a declared permission', async () => {
    const bad = { id: 'bad', title: { ja: 'x', en: 'x' }, routes: async (app: import('fastify').FastifyInstance) => { app.get('/open', async () => ({})); } };
    await expect(testApp({ modules: [bad] })).rejects.toThrow(/declares no permission/);
  });

  it('refuses to boot a module id registered twice', async () => {
    const m = { id: 'twice', title: { ja: 'x', en: 'x' } };
    await expect(testApp({ modules: [m, { ...m }] })).rejects.toThrow(/registered twice/);
  });
});
