import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { txRows } from '../db/tenant-tx.ts';
import { createRole } from '../seed/tenants.ts';
import { TestClient, staffUser, twoTenants } from './testing.ts';
import { hashToken } from './sessions.ts';

// The CKAN action API is the route that accepts tokens (config.apiToken); package_create is the write used.
let y: Awaited<ReturnType<typeof testApp>>;
let t: Awaited<ReturnType<typeof twoTenants>>;
let staff: TestClient;
const PASSWORD = 'correct horse battery staple 9';

beforeAll(async () => {
  y = await testApp();
  t = await twoTenants(y.platform);
  for (const tenant of [t.tokushima, t.matsusaka]) {
    await y.platform.inTenant(tenant.id, (tx) => txRows(tx, sql`insert into opendata_organizations (tenant_id, name, title)
      values (${tenant.id}, 'somu', ${JSON.stringify({ ja: '総務課', en: 'General Affairs' })}::jsonb)`));
  }
  const role = await y.platform.inTenant(t.tokushima.id, (tx) => createRole(tx, t.tokushima.id, 'open data', '', ['opendata.manage']));
  await staffUser(y.platform, { tenantId: t.tokushima.id, email: 'od@tokushima.example.jp', displayName: 'オープンデータ担当', password: PASSWORD, roleIds: [role] });
  staff = new TestClient(y.app);
  expect((await staff.login('od@tokushima.example.jp', PASSWORD)).statusCode).toBe(200);
});
afterAll(() => y.close());

/** package_create as a machine client: the Authorization header and no cookie. */
const create = (token: string, name: string, slug = 'tokushima') => y.app.inject({
  method: 'POST', url: `/t/${slug}/api/3/action/package_create`, headers: { authorization: token, 'content-type': 'application/json' },
  payload: { name, title: name, owner_org: 'somu' },
});

async function newToken(name = 'harvester', body: Record<string, unknown> = {}) {
  const res = await staff.send('POST', '/api/auth/tokens', { name, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.data as { id: string; token: string; name: string; expiresAt: string | null };
}

describe('API tokens', () => {
  it('are created once, shown once, kept only as a hash, and never listed', async () => {
    const created = await newToken('ckanapi', { expiresInDays: 30 });
    expect(created.token).toMatch(/^ykb_[\w-]{43}$/);
    expect(new Date(created.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    const list = await staff.send('GET', '/api/auth/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((i: { name: string }) => i.name)).toContain('ckanapi');
    expect(list.body).not.toContain(created.token);
    expect(list.data.items[0]).not.toHaveProperty('token');
    const [row] = await y.platform.inTenant(t.tokushima.id, (tx) => txRows<{ token_hash: string }>(tx, sql`select token_hash from api_tokens where id = ${created.id}`));
    expect(row!.token_hash).toBe(hashToken(created.token));
    expect((await staff.send('POST', '/api/auth/tokens', { name: '' })).statusCode).toBe(400);
    expect((await staff.send('POST', '/api/auth/tokens', { name: 'x', expiresInDays: 0 })).statusCode).toBe(400);
  });

  it('act as their staff member on a CKAN write, bare or as Bearer, without CSRF, and note their last use', async () => {
    const { id, token } = await newToken();
    const res = await create(token, 'token-made');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.name).toBe('token-made');
    expect((await create(`Bearer ${token}`, 'token-made-2')).statusCode).toBe(200);
    const [row] = await y.platform.inTenant(t.tokushima.id, (tx) => txRows<{ last_used_at: Date | null }>(tx, sql`select last_used_at from api_tokens where id = ${id}`));
    expect(row!.last_used_at).not.toBeNull();
    // Only routes that declare apiToken take one: the token routes themselves want a session.
    const me = await y.app.inject({ method: 'GET', url: '/t/tokushima/api/auth/tokens', headers: { authorization: token } });
    expect(me.statusCode).toBe(401);
  });

  it('is refused once revoked, with CKAN\'s 403 envelope, and the revocation is audited', async () => {
    const { id, token } = await newToken('to revoke');
    expect((await create(token, 'before-revoke')).statusCode).toBe(200);
    expect((await staff.send('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await create(token, 'after-revoke');
    expect(after.statusCode).toBe(403);
    expect(after.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
    expect((await staff.send('GET', '/api/auth/tokens')).data.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await staff.send('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(404);
    const actions = await y.platform.inTenant(t.tokushima.id, (tx) => txRows<{ action: string }>(tx, sql`select action from audit_log where target_id = ${id} order by seq`));
    expect(actions.map((a) => a.action).sort()).toEqual(['core.api_token.create', 'core.api_token.revoke']);
  });

  it('is refused in another tenant, when expired, when unknown, and when its owner is disabled', async () => {
    const { id, token } = await newToken('expiring');
    expect((await create(token, 'other-city', 'matsusaka')).statusCode).toBe(403);
    expect((await create('ykb_not-a-real-token', 'unknown')).statusCode).toBe(403);
    await y.platform.inTenant(t.tokushima.id, (tx) => txRows(tx, sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${id}`));
    expect((await create(token, 'expired')).statusCode).toBe(403);
    const live = await newToken('owner disabled');
    await y.platform.inTenant(t.tokushima.id, (tx) => txRows(tx, sql`update staff_users set disabled = true where email = 'od@tokushima.example.jp'`));
    try {
      expect((await create(live.token, 'disabled-owner')).statusCode).toBe(403);
    } finally {
      await y.platform.inTenant(t.tokushima.id, (tx) => txRows(tx, sql`update staff_users set disabled = false where email = 'od@tokushima.example.jp'`));
    }
    expect((await create(live.token, 'enabled-again')).statusCode).toBe(200);
  });

  it('are for staff only', async () => {
    const anon = new TestClient(y.app);
    expect((await anon.send('GET', '/api/auth/tokens')).statusCode).toBe(401);
    await anon.me();
    expect((await anon.send('POST', '/api/auth/tokens', { name: 'x' })).statusCode).toBe(401);
  });
});
