import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { publicCache } from './public-cache.ts';

describe('fast path for hot public reads', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let base: string;
  let tenantId: string;
  beforeAll(async () => {
    y = await testApp();
    [{ id: tenantId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('fast', '速達市', 'Fast City', '362018') returning id`);
    await y.tenants.reload();
    publicCache.clear();
    await y.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(y.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => y?.close());

  it('replays the finished response, headers and all, without running the pipeline again', async () => {
    const hitsBefore = publicCache.fastPath.hits;
    const first = await fetch(`${base}/t/fast/api/portal`);
    const firstBody = await first.text();
    expect(first.headers.get('x-request-id')).toBeTruthy(); // went through Fastify
    const second = await fetch(`${base}/t/fast/api/portal`);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('x-request-id')).toBeNull(); // answered before Fastify
    expect(publicCache.fastPath.hits).toBe(hitsBefore + 1);
    for (const h of ['etag', 'content-type', 'content-security-policy', 'x-content-type-options', 'cache-control']) {
      expect(second.headers.get(h), h).toBe(first.headers.get(h));
    }
    const notModified = await fetch(`${base}/t/fast/api/portal`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
  });

  it('keys by everything that changes the bytes and never serves a signed-in request', async () => {
    await fetch(`${base}/t/fast/api/portal`);
    const hits = publicCache.fastPath.hits;
    await fetch(`${base}/t/fast/api/portal?lang=en`);
    await fetch(`${base}/t/fast/api/portal`, { headers: { 'accept-language': 'en-US' } });
    await fetch(`${base}/t/fast/api/portal`, { headers: { cookie: 'yakuba_session=abc' } });
    expect(publicCache.fastPath.hits).toBe(hits);
  });

  it('answers liveness at the HTTP server', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('forgets a tenant\'s responses when its public data is invalidated', async () => {
    await fetch(`${base}/t/fast/api/portal`);
    await y.db.rows(sql`update tenants set name_ja = '新速達市' where id = ${tenantId}`);
    await y.tenants.reload();
    publicCache.invalidate(tenantId, '/portal');
    const body = await (await fetch(`${base}/t/fast/api/portal`)).json();
    expect(body.tenant.name.ja).toBe('新速達市');
  });
});
