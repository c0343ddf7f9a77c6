import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PublicCache, publicCache } from './public-cache.ts';
import { testApp } from '../../test/app.ts';
import { createTenant } from '../seed/tenants.ts';

describe('PublicCache', () => {
  it('keys by tenant, route, canonical query and language', () => {
    const c = new PublicCache();
    expect(c.key('t', '/portal', { b: '2', a: '1' }, 'ja')).toBe(c.key('t', '/portal', { a: '1', b: '2', lang: 'en' }, 'ja'));
    expect(c.key('t', '/portal', {}, 'ja')).not.toBe(c.key('t', '/portal', {}, 'en'));
    expect(c.key('t', '/portal', { a: '1' }, 'ja')).not.toBe(c.key('u', '/portal', { a: '1' }, 'ja'));
  });

  it('expires entries after the TTL and invalidates by tenant and route prefix', async () => {
    let now = 1000;
    const c = new PublicCache({ ttlMs: 5000, now: () => now });
    let computed = 0;
    const compute = () => ({ n: ++computed });
    const k1 = c.key('t1', '/notices/list', { page: 1 }, 'ja');
    const k2 = c.key('t1', '/portal', {}, 'ja');
    const k3 = c.key('t2', '/notices/list', {}, 'ja');
    const first = await c.getOrCompute(k1, compute);
    expect(JSON.parse(first.body.toString())).toEqual({ n: 1 });
    expect((await c.getOrCompute(k1, compute)).body).toBe(first.body);
    now += 4999;
    expect(c.get(k1)).toBeDefined();
    now += 1;
    expect(c.get(k1)).toBeUndefined();
    await c.getOrCompute(k1, compute);
    await c.getOrCompute(k2, compute);
    await c.getOrCompute(k3, compute);
    expect(c.invalidate('t1', '/notices')).toBe(1);
    expect(c.get(k1)).toBeUndefined();
    expect(c.get(k2)).toBeDefined();
    expect(c.get(k3)).toBeDefined();
    expect(c.invalidate('t1')).toBe(1);
    expect(c.get(k3)).toBeDefined();
  });

  it('computes once for concurrent misses and bounds its size', async () => {
    const c = new PublicCache({ maxEntries: 3 });
    let computed = 0;
    const slow = async () => { computed++; await new Promise((r) => setTimeout(r, 20)); return { ok: true }; };
    const results = await Promise.all(Array.from({ length: 10 }, () => c.getOrCompute('k', slow)));
    expect(computed).toBe(1);
    expect(new Set(results.map((r) => r.etag)).size).toBe(1);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, i);
    expect(c.size).toBe(3);
  });
});

describe('GET /api/portal through the public cache', () => {
  let yakuba: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;

  beforeAll(async () => {
    yakuba = await testApp();
    tenantId = (await createTenant(yakuba.platform, { slug: 'cachetown', nameJa: 'キャッシュ町', nameEn: 'Cache Town', lgCode: '362018' })).id;
    await yakuba.tenants.reload();
  });
  afterAll(async () => yakuba?.close());

  it('sends JSON with an ETag, 304 on If-None-Match, and new data after invalidation', async () => {
    const res = await yakuba.app.inject({ url: '/t/cachetown/api/portal' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().tenant).toMatchObject({ slug: 'cachetown', name: { ja: 'キャッシュ町' } });
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await yakuba.app.inject({ url: '/t/cachetown/api/portal', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await yakuba.db.rows(sql`update tenants set name_ja = '新キャッシュ町' where id = ${tenantId}`);
    await yakuba.tenants.reload();
    expect((await yakuba.app.inject({ url: '/t/cachetown/api/portal' })).json().tenant.name.ja).toBe('キャッシュ町'); // cached (≤ TTL)
    publicCache.invalidate(tenantId, '/portal');
    const fresh = await yakuba.app.inject({ url: '/t/cachetown/api/portal', headers: { 'if-none-match': etag } });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().tenant.name.ja).toBe('新キャッシュ町');
    expect(fresh.headers.etag).not.toBe(etag);
  });
});
