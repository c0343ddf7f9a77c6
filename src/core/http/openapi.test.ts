import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { CORE_TAGS } from './schemas.ts';
import { TestClient, staffUser, twoTenants } from '../auth/testing.ts';
import { currentTotp } from '../auth/totp.ts';
import { allPermissions } from '../auth/permissions.ts';
import { readModuleSettings } from '../settings.ts';

const PW = 'correct horse battery';

interface Operation {
  tags?: string[];
  summary?: string;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

describe('OpenAPI document of the core', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let doc: Doc;
  let ops: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    // The core alone: modules document their own routes.
    y = await testApp({ modules: [] });
    const res = await y.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json() as Doc;
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).filter(([m]) => METHODS.has(m)).map(([method, op]) => ({ method, path, op })));
  });
  afterAll(async () => { await y?.close(); });

  it('is OpenAPI 3.1 with paths and responses on every operation', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(typeof doc.paths).toBe('object');
    expect(ops.length).toBeGreaterThan(40);
    for (const { method, path, op } of ops) {
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [status, r] of Object.entries(op.responses!)) expect(typeof r.description, `${method} ${path} ${status}`).toBe('string');
    }
  });

  it('gives every /api route a documented tag and a summary', () => {
    const api = ops.filter(({ path }) => path.startsWith('/api/') && !path.startsWith('/api/docs'));
    expect(api.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['get /api/auth/me', 'get /api/portal', 'get /api/admin/core/audit']));
    const known = new Set(Object.keys(CORE_TAGS));
    for (const { method, path, op } of api) {
      const name = `${method.toUpperCase()} ${path}`;
      expect(op.tags?.length, `${name} has no tag`).toBeGreaterThan(0);
      for (const tag of op.tags!) expect(known.has(tag), `${name}: tag "${tag}" is not in CORE_TAGS`).toBe(true);
      expect(op.summary?.trim(), `${name} has no summary`).toBeTruthy();
    }
  });

  it('describes the success answer of every /api route', () => {
    for (const { method, path, op } of ops.filter((o) => o.path.startsWith('/api/'))) {
      const success = Object.entries(op.responses ?? {}).filter(([s]) => /^[23]\d\d$/.test(s));
      expect(success.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [status, r] of success) {
        if (status === '204' || status.startsWith('3')) continue; // no body
        expect(r.content, `${method} ${path} ${status} has no schema`).toBeTruthy();
      }
    }
  });

  it('uses the one error shape for documented 4xx answers', () => {
    let seen = 0;
    for (const { method, path, op } of ops) {
      for (const [status, r] of Object.entries(op.responses ?? {}).filter(([s]) => s.startsWith('4'))) {
        const schema = r.content?.['application/json']?.schema as { properties?: { error?: { properties?: Record<string, unknown>; required?: string[] } } } | undefined;
        expect(Object.keys(schema?.properties?.error?.properties ?? {}).sort(), `${method} ${path} ${status}`).toEqual(['code', 'details', 'field', 'message']);
        expect(schema?.properties?.error?.required?.sort()).toEqual(['code', 'message']);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('still answers every field through the response and error schemas', async () => {
    await y.db.rows(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('oa-town', 'オープン町', 'Open Town', '362018')`);
    await y.tenants.reload();
    const me = await y.app.inject({ method: 'GET', url: '/t/oa-town/api/auth/me' });
    expect(me.json()).toEqual({ actor: null, csrfToken: expect.any(String) });
    const tenants = await y.app.inject({ method: 'GET', url: '/api/tenants' });
    expect(tenants.json().tenants).toContainEqual({ slug: 'oa-town', name: { ja: 'オープン町', en: 'Open Town' }, lgCode: '362018' });
    const portal = await y.app.inject({ method: 'GET', url: '/t/oa-town/api/portal' });
    expect(portal.json()).toEqual({ tenant: { slug: 'oa-town', name: { ja: 'オープン町', en: 'Open Town' }, lgCode: '362018' }, contact: { phone: null, hours: null }, modules: [] });
    const bad = await y.app.inject({ method: 'GET', url: '/t/oa-town/api/search?q=' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: { code: 'invalid', message: expect.any(String), field: 'q' } });
  });
});

describe('response schemas drop no field (answers equal the services\' own output)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let tenantId: string;
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

  beforeAll(async () => {
    y = await testApp();
    tenantId = (await twoTenants(y.platform)).tokushima.id;
    await staffUser(y.platform, { tenantId, email: 'admin@tokushima.example.jp', displayName: '管理者', password: PW, isTenantAdmin: true });
    admin = new TestClient(y.app);
    await admin.login('admin@tokushima.example.jp', PW);
    const setup = await admin.send('POST', '/api/auth/totp/setup', {});
    expect(Object.keys(setup.data).sort()).toEqual(['otpauthUrl', 'qrDataUrl', 'secret']);
    await admin.send('POST', '/api/auth/totp/confirm', { code: currentTotp(setup.data.secret) });
  });
  afterAll(async () => { await y?.close(); });

  it('module settings, read and written', async () => {
    const read = await admin.send('GET', '/api/admin/core/settings');
    expect(read.statusCode).toBe(200);
    expect(read.data).toEqual(plain({ modules: await readModuleSettings(y.platform, tenantId) }));
    expect(read.data.modules.length).toBeGreaterThan(0);
    const m = read.data.modules[0] as { module: string; settings: { key: string; type: string; default: unknown }[] };
    const s = m.settings[0];
    const value = s.type === 'number' ? 7 : s.type === 'boolean' ? !s.default : 'x';
    const written = await admin.send('PUT', `/api/admin/core/settings/${m.module}`, { [s.key]: value });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.data).toEqual(plain((await readModuleSettings(y.platform, tenantId)).find((x) => x.module === m.module)));
    expect(written.data.settings.find((x: { key: string }) => x.key === s.key).value).toBe(value);
    // Numbers and booleans arrive as such (the body schema is a type list, so AJV does not coerce them to strings).
    const wrongType = s.type === 'string' ? 7 : 'x';
    expect((await admin.send('PUT', `/api/admin/core/settings/${m.module}`, { [s.key]: wrongType })).json().error.field).toBe(s.key);
  });

  it('KPIs, datasets, permissions, the signed-in staff member and a new user with a generated password', async () => {
    const kpis = await admin.send('GET', '/api/admin/core/kpis?from=2026-01-01&to=2027-01-01');
    expect(kpis.statusCode).toBe(200);
    expect(Object.keys(kpis.data.items[0]).sort()).toEqual(['id', 'label', 'module', 'unit', 'value']);
    const datasets = await admin.send('GET', '/api/datasets');
    expect(Object.keys(datasets.data.items[0]).sort()).toEqual(['columns', 'formats', 'id', 'module', 'title']);
    const perms = await admin.send('GET', '/api/admin/core/permissions');
    expect(perms.data.permissions).toEqual(plain(allPermissions(y.platform.modules).map((p) => ({ id: p.id, module: p.module, label: p.label, personalData: p.personalData ?? false }))));
    const me = await admin.me();
    expect(Object.keys(me).sort()).toEqual(['departmentIds', 'displayName', 'email', 'id', 'isTenantAdmin', 'kind', 'mfaRequired', 'permissions', 'totpEnabled']);
    const created = await admin.send('POST', '/api/admin/core/users', { email: 'new@tokushima.example.jp', displayName: '新人' });
    expect(created.statusCode).toBe(201);
    expect(created.data.initialPassword).toEqual(expect.any(String));
    expect(Object.keys(created.data.user).sort()).toEqual(['createdAt', 'departmentIds', 'disabled', 'displayName', 'email', 'id', 'isTenantAdmin', 'lastLoginAt', 'locked', 'lockedUntil', 'roleIds', 'totpEnabled']);
  });
});
