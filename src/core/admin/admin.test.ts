import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient, signedInAdminAndStaff, staffUser, twoTenants } from '../auth/testing.ts';

const PW = 'correct horse battery';

describe('core admin API: departments, users, roles', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let admin: TestClient;
  let plain: TestClient;
  const auditCount = async (action: string) => (await y.db.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`))[0].n;

  beforeAll(async () => {
    y = await testApp();
    t = await twoTenants(y.platform);
    ({ admin, plain } = await signedInAdminAndStaff(y, t.tokushima.id, PW));
  });
  afterAll(async () => y?.close());

  it('lists every permission: the core and the modules', async () => {
    const res = await plain.send('GET', '/api/admin/core/permissions');
    const ids = res.data.permissions.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['core.departments.manage', 'core.users.manage', 'core.roles.manage', 'core.audit.read', 'core.outbox.read', 'core.settings.manage']));
    for (const m of y.platform.modules) for (const p of m.permissions ?? []) expect(ids).toContain(p.id);
    expect(res.data.permissions[0].label).toMatchObject({ ja: expect.any(String), en: expect.any(String) });
  });

  it('manages departments, with 409 on a taken code and 403 without the permission', async () => {
    const created = await admin.send('POST', '/api/admin/core/departments', { code: 'childcare', nameJa: '子育て支援課', nameEn: 'Child-rearing Support' });
    expect(created.statusCode).toBe(201);
    expect(created.data.department).toMatchObject({ code: 'childcare', name: { ja: '子育て支援課' } });
    const dup = await admin.send('POST', '/api/admin/core/departments', { code: 'childcare', nameJa: '別名' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('code');
    const bad = await admin.send('POST', '/api/admin/core/departments', { code: 'Bad Code', nameJa: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('code');
    expect((await plain.send('POST', '/api/admin/core/departments', { code: 'x1', nameJa: 'x' })).statusCode).toBe(403);
    expect((await plain.send('GET', '/api/admin/core/departments')).data.departments).toHaveLength(1);
    const id = created.data.department.id;
    expect((await admin.send('PATCH', `/api/admin/core/departments/${id}`, { nameEn: 'Child Support' })).data.department.name.en).toBe('Child Support');
    expect((await admin.send('PATCH', '/api/admin/core/departments/not-a-uuid', { nameEn: 'x' })).json().error.field).toBe('id');
    const tmp = await admin.send('POST', '/api/admin/core/departments', { code: 'tmp', nameJa: '仮' });
    expect((await admin.send('DELETE', `/api/admin/core/departments/${tmp.data.department.id}`)).statusCode).toBe(204);
    expect((await admin.send('DELETE', `/api/admin/core/departments/${tmp.data.department.id}`)).statusCode).toBe(404);
    expect(await auditCount('core.department.create')).toBe(2);
  });

  it('manages roles made of known permissions, and audits their changes', async () => {
    expect((await plain.send('GET', '/api/admin/core/roles')).statusCode).toBe(403);
    const unknown = await admin.send('POST', '/api/admin/core/roles', { name: 'x', permissions: ['nope.nothing'] });
    expect(unknown.json().error).toMatchObject({ code: 'invalid', field: 'permissions' });
    const role = await admin.send('POST', '/api/admin/core/roles', { name: '部署管理', description: '部署を管理する', permissions: ['core.departments.manage'] });
    expect(role.statusCode).toBe(201);
    expect(role.data.role.permissions).toEqual(['core.departments.manage']);
    const upd = await admin.send('PATCH', `/api/admin/core/roles/${role.data.role.id}`, { permissions: ['core.departments.manage', 'core.users.manage'] });
    expect(upd.data.role.permissions).toEqual(['core.departments.manage', 'core.users.manage']);
    expect((await admin.send('POST', '/api/admin/core/roles', { name: '部署管理', permissions: [] })).json().error.field).toBe('name');
    expect(await auditCount('core.role.update')).toBe(1);
  });

  it('creates, lists, edits and deletes staff users without exposing credentials', async () => {
    const [dept] = (await admin.send('GET', '/api/admin/core/departments')).data.departments;
    const [role] = (await admin.send('GET', '/api/admin/core/roles')).data.roles;
    const res = await admin.send('POST', '/api/admin/core/users', { email: 'New.Person@Tokushima.example.jp', displayName: '新人', departmentIds: [dept.id], roleIds: [role.id] });
    expect(res.statusCode).toBe(201);
    expect(res.data.user).toMatchObject({ email: 'new.person@tokushima.example.jp', departmentIds: [dept.id], roleIds: [role.id], isTenantAdmin: false });
    expect(res.data.initialPassword).toHaveLength(16);
    expect(JSON.stringify(res.data)).not.toMatch(/password_hash|passwordHash|totp_secret|totpSecret|argon2/);
    const dup = await admin.send('POST', '/api/admin/core/users', { email: 'new.person@tokushima.example.jp', displayName: '重複' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('email');
    expect((await admin.send('POST', '/api/admin/core/users', { email: 'not an email', displayName: 'x' })).json().error.field).toBe('email');
    expect((await admin.send('POST', '/api/admin/core/users', { email: 'a@b.jp', displayName: 'x', password: 'short' })).json().error.field).toBe('password');

    const before = await auditCount('core.user.list');
    const list = await admin.send('GET', '/api/admin/core/users');
    expect(list.data.users.map((u: { email: string }) => u.email)).toContain('new.person@tokushima.example.jp');
    expect(JSON.stringify(list.data)).not.toMatch(/argon2|password_hash|totp_secret/);
    expect(await auditCount('core.user.list')).toBe(before + 1);
    expect((await plain.send('GET', '/api/admin/core/users')).statusCode).toBe(403);

    // The new person holds the role's permissions and the department.
    const c = new TestClient(y.app);
    await c.login('new.person@tokushima.example.jp', res.data.initialPassword);
    expect(await c.me()).toMatchObject({ permissions: ['core.departments.manage', 'core.users.manage'], departmentIds: [dept.id] });

    // A user manager who is not a tenant admin may not grant the admin flag or touch an admin.
    const grant = await c.send('PATCH', `/api/admin/core/users/${res.data.user.id}`, { isTenantAdmin: true });
    expect(grant.statusCode).toBe(403);
    const users = (await c.send('GET', '/api/admin/core/users')).data.users;
    const adminId = users.find((u: { email: string }) => u.email === 'admin@tokushima.example.jp').id;
    expect((await c.send('POST', `/api/admin/core/users/${adminId}/reset-totp`, {})).statusCode).toBe(403);

    const disabled = await admin.send('PATCH', `/api/admin/core/users/${res.data.user.id}`, { disabled: true, displayName: '新人（休職）' });
    expect(disabled.data.user).toMatchObject({ disabled: true, displayName: '新人（休職）' });
    expect(await c.me()).toBeNull();
    expect((await admin.send('DELETE', `/api/admin/core/users/${res.data.user.id}`)).statusCode).toBe(204);
    expect((await admin.send('GET', `/api/admin/core/users/${res.data.user.id}`)).statusCode).toBe(404);
    expect((await admin.send('PATCH', `/api/admin/core/users/${adminId}`, { disabled: true })).json().error.field).toBe('disabled');
  });

  it('unlocks a locked account and resets 2FA', async () => {
    for (let i = 0; i < 5; i++) await new TestClient(y.app).login('plain@tokushima.example.jp', `wrong password ${i}`);
    const users = (await admin.send('GET', '/api/admin/core/users')).data.users;
    const target = users.find((u: { email: string }) => u.email === 'plain@tokushima.example.jp');
    expect(target.locked).toBe(true);
    expect((await admin.send('POST', `/api/admin/core/users/${target.id}/unlock`, {})).data.user.locked).toBe(false);
    expect((await new TestClient(y.app).login('plain@tokushima.example.jp', PW)).statusCode).toBe(200);
    const reset = await admin.send('POST', `/api/admin/core/users/${target.id}/reset-totp`, {});
    expect(reset.data.user.totpEnabled).toBe(false);
    expect(await auditCount('auth.totp.reset')).toBe(1);
  });

  it('keeps each tenant to its own users', async () => {
    await staffUser(y.platform, { tenantId: t.matsusaka.id, email: 'admin@matsusaka.example.jp', displayName: '松阪管理者', password: PW });
    const emails = (await admin.send('GET', '/api/admin/core/users')).data.users.map((u: { email: string }) => u.email);
    expect(emails).not.toContain('admin@matsusaka.example.jp');
  });
});
