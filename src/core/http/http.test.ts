import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';

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

  it('answers unknown API routes with the error shape', async () => {
    const res = await y.app.inject('/t/tokushima/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
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
      expect(res.headers['retry-after']).toBeTruthy();
    } finally {
      await y.close();
    }
  });
});
