import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { testApp } from '../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../auth/testing.ts';

const PW = 'correct horse battery';

describe('admin API of the audit log and the outbox (signed-in staff)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let admin: TestClient;
  let plain: TestClient;

  beforeAll(async () => {
    y = await testApp();
    t = await twoTenants(y.platform);
    ({ admin, plain } = await signedInAdminAndStaff(y, t.tokushima.id, PW));
    await y.platform.inTenant(t.tokushima.id, (tx) => y.platform.notify.email(tx, { tenantId: t.tokushima.id, to: 'jiro@example.jp', subject: '予約確認', text: '明日10時です' }));
  });
  afterAll(async () => y?.close());

  it('searches the audit log with filters and paging, newest first, and audits the search', async () => {
    expect((await plain.send('GET', '/api/admin/core/audit')).statusCode).toBe(403);
    const all = await admin.send('GET', '/api/admin/core/audit?limit=2');
    expect(all.statusCode).toBe(200);
    expect(all.data.items).toHaveLength(2);
    expect(all.data.items[0].seq).toBeGreaterThan(all.data.items[1].seq);
    const logins = await admin.send('GET', '/api/admin/core/audit?action=auth.&from=2020-01-01');
    expect(logins.data.items.length).toBeGreaterThan(0);
    expect(logins.data.items.every((i: { action: string }) => i.action.startsWith('auth.'))).toBe(true);
    const reads = await admin.send('GET', '/api/admin/core/audit?action=core.audit.read&personalData=true');
    expect(reads.data.total).toBe(2);
    expect(reads.data.items[0]).toMatchObject({ personalData: true, actor: { kind: 'staff' } });
    expect((await admin.send('GET', '/api/admin/core/audit?limit=500')).json().error.field).toBe('limit');
    expect((await admin.send('GET', '/api/admin/core/audit?from=yesterday')).json().error.field).toBe('from');
    const other = new TestClient(y.app, '/t/matsusaka');
    expect((await other.send('GET', '/api/admin/core/audit')).statusCode).toBe(401);
  });

  it('lists the outbox with masked recipients, shows one message (audited) and retries only failed ones', async () => {
    expect((await plain.send('GET', '/api/admin/core/outbox')).statusCode).toBe(403);
    const list = await admin.send('GET', '/api/admin/core/outbox?status=pending&channel=email');
    expect(list.statusCode).toBe(200);
    expect(list.data.total).toBe(1);
    expect(list.data.items[0].summary).toEqual({ title: '予約確認', recipient: 'j***@example.jp' });
    const id = list.data.items[0].id;
    const one = await admin.send('GET', `/api/admin/core/outbox/${id}`);
    expect(one.data.body).toMatchObject({ to: 'jiro@example.jp', text: '明日10時です' });
    const audited = await admin.send('GET', `/api/admin/core/audit?action=core.outbox.read&targetId=${id}`);
    expect(audited.data.total).toBe(1);
    const retry = await admin.send('POST', `/api/admin/core/outbox/${id}/retry`, {});
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error).toMatchObject({ code: 'not_retryable', field: 'status' });
    expect((await admin.send('GET', '/api/admin/core/outbox/not-a-uuid')).json().error.field).toBe('id');
  });

  it('subscribes a signed-in staff member to their own push notifications when no topic is named', async () => {
    const subscription = { endpoint: 'https://push.example.net/send/xyz', keys: { p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') } };
    const res = await plain.send('POST', '/api/push/subscriptions', { subscription });
    expect(res.statusCode).toBe(201);
    const me = await plain.me();
    expect(res.data.audience).toBe(`staff:${me.id}`);
    expect((await plain.send('POST', '/api/push/subscriptions', { audience: 'staff:someone-else', subscription })).statusCode).toBe(400);
  });
});
