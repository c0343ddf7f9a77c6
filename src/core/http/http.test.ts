import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient } from '../auth/testing.ts';

describe('HTTP surface', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    y = await testApp();
    await y.db.rows(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('tokushima', '徳島市', 'Tokushima', '362018')`);
    await y.tenants.reload();
  });
  afterAll(async () => y?.close());

  it('answers health and readiness', async () => {
    expect((await y.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await y.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(y.db.kind);
  });

  it('resolves the tenant from the /t/{slug} prefix and 404s an unknown one, in the asked language', async () => {
    const ok = await y.app.inject('/t/tokushima/api/portal');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().tenant.lgCode).toBe('362018');
    const unknown = await y.app.inject({ url: '/t/nowhere/api/portal', headers: { 'accept-language': 'en' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'tenant_unknown', field: 'tenant' });
    expect(unknown.json().error.message).toContain('nowhere');
    const ja = await y.app.inject('/t/nowhere/api/portal');
    expect(ja.json().error.message).toContain('登録されていません');
  });

  it('serves OpenAPI 3.1 and security headers with a CSP that allows no inline script', async () => {
    const res = await y.app.inject('/api/openapi.json');
    expect(res.json().openapi).toBe('3.1.0');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'"); // JSON is never a document
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    const page = await y.app.inject('/t/tokushima/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the browsable API docs without a tenant', async () => {
    const docs = await y.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers malformed JSON, wrong content types, oversize bodies and wrong types with a 4xx naming the problem', async () => {
    const browser = new TestClient(y.app);
    await browser.me(); // a CSRF token, as the web app gets one: CSRF is checked before the body is read
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const post = (payload: string, type = 'application/json') => y.app.inject({
      method: 'POST', url: '/t/tokushima/api/auth/login', payload,
      headers: { 'content-type': type, 'accept-language': 'en', cookie, 'x-csrf-token': browser.csrf! },
    });
    const malformed = await post('{"email": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'invalid_json', field: 'body' });
    const oversize = await post(JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }));
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().error.code).toBe('body_too_large');
    const wrongShape = await post('email=x', 'text/plain');
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().error.field).toBe('body');
    const unsupported = await post('<login/>', 'application/xml');
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'content-type' });
    expect(unsupported.json().error.message).toContain('application/xml');
    const list = await y.app.inject('/t/tokushima/api/notices?limit=abc');
    expect(list.statusCode).toBe(400);
    expect(list.json().error.field).toBe('limit');
    expect(list.json().error.message).toContain('limit');
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await y.app.inject('/t/tokushima/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('metrics', () => {
  it('exposes Prometheus metrics, behind a bearer token when METRICS_TOKEN is set', async () => {
    const open = await testApp();
    try {
      await open.app.inject('/healthz');
      const res = await open.app.inject('/metrics');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('yakuba_http_request_duration_seconds');
    } finally {
      await open.close();
    }
    const guarded = await testApp({ config: { metricsToken: 's3cret-token' } });
    try {
      expect((await guarded.app.inject('/metrics')).statusCode).toBe(401);
      expect((await guarded.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token!' } })).statusCode).toBe(401);
      expect((await guarded.app.inject({ url: '/metrics', headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('rate limits', () => {
  it('answers 429 in the error shape once a client passes the limit', async () => {
    const y = await testApp({ config: { rateLimitPerMinute: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await y.app.inject('/api/tenants')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const res = await y.app.inject({ url: '/api/tenants', headers: { 'accept-language': 'en' } });
      expect(res.json().error.code).toBe('rate_limited');
      expect(res.json().error.message).toBe('Too many requests. Please try again in 1 min.');
      expect(res.headers['retry-after']).toBeTruthy();
      const ja = await y.app.inject('/api/tenants');
      expect(ja.json().error.message).toBe('アクセスが集中しています。1分ほどしてから、もう一度お試しください。');
    } finally {
      await y.close();
    }
  });
});
