import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../auth/testing.ts';

const PW = 'correct horse battery';

describe('tenant counter contact on the portal', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let plain: TestClient;
  beforeAll(async () => {
    y = await testApp();
    const t = await twoTenants(y.platform);
    await y.tenants.reload();
    ({ admin, plain } = await signedInAdminAndStaff(y, t.tokushima.id, PW));
  });
  afterAll(async () => y?.close());

  it('shows no contact until one is set, then the new one at once', async () => {
    expect((await y.app.inject('/t/tokushima/api/portal')).json().contact).toEqual({ phone: null, hours: null });
    const res = await admin.send('PUT', '/api/admin/core/contact', { phone: '０８８-６２１-５１１１', hoursJa: '平日 8:30〜17:15', hoursEn: 'Weekdays 8:30–17:15' });
    expect(res.statusCode).toBe(200);
    const portal = (await y.app.inject('/t/tokushima/api/portal')).json();
    expect(portal.contact).toEqual({ phone: '088-621-5111', hours: { ja: '平日 8:30〜17:15', en: 'Weekdays 8:30–17:15' } });
    expect((await y.app.inject('/t/matsusaka/api/portal')).json().contact.phone).toBeNull();
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'core.tenant.contact.update'`);
    expect(n).toBe(1);
  });

  it('refuses a malformed number naming the field, and staff without the permission', async () => {
    const bad = await admin.send('PUT', '/api/admin/core/contact', { phone: 'call us' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.field).toBe('phone');
    expect((await plain.send('PUT', '/api/admin/core/contact', { phone: null })).statusCode).toBe(403);
  });
});
