import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createECDH, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { JobRunner } from '../jobs/runner.ts';
import type { Actor } from '../platform.ts';
import { startTestSmtp } from './smtp-test-server.ts';
import { listOutboxMessages, readOutboxMessage, retryOutboxMessage } from './admin.ts';

const staff = (tenantId: string, permissions: string[]): Actor => ({
  kind: 'staff', id: 'staff-9', tenantId, permissions: new Set(permissions), departmentIds: [], sessionId: 's',
});

/** A self-signed certificate for 127.0.0.1, trusted by this test process's default HTTPS agent. */
function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yakuba-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  https.globalAgent.options.ca = [pair.cert];
  return pair;
}

/** A stand-in push service: a real HTTPS endpoint that records what web-push POSTs and answers with `status`. */
async function startPushService(): Promise<{ base: string; hits: { path: string; headers: IncomingMessage['headers']; bytes: number }[]; status: { code: number }; close(): Promise<void> }> {
  const hits: { path: string; headers: IncomingMessage['headers']; bytes: number }[] = [];
  const status = { code: 201 };
  const server = https.createServer(selfSignedCert(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ path: req.url ?? '', headers: req.headers, bytes: Buffer.concat(chunks).length });
      res.writeHead(status.code).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { base: `https://127.0.0.1:${port}`, hits, status, close: () => new Promise((r) => server.close(() => r())) };
}

/** Keys a browser would hold for a push subscription. */
const browserKeys = () => ({ p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') });

describe('outbox and notifications', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let tenantId: string;
  let runner: JobRunner;

  const outboxRow = async (id: string) => (await y.db.rows<{ status: string; attempts: number; delivered_via: string | null; last_error: string | null; due_in_s: number }>(
    sql`select status, attempts, delivered_via, last_error, extract(epoch from next_attempt_at - now())::int as due_in_s from outbox where id = ${id}`))[0];
  const queueEmail = (to: string, subject = 'お知らせ') => y.platform.inTenant(tenantId, (tx) => y.platform.notify.email(tx, { tenantId, to, subject, text: `本文 ${subject}` }));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    push = await startPushService();
    y = await testApp({ config: { smtpUrl: smtp.url } });
    [{ id: tenantId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('tokushima', '徳島市', 'Tokushima', '362018') returning id`);
    await y.tenants.reload();
    runner = new JobRunner(y.platform, { maxAttempts: 3 });
  });
  afterAll(async () => {
    await runner?.stop();
    await y?.close();
    await smtp?.close();
    await push?.close();
  });

  it('sends a queued email through SMTP once', async () => {
    const id = await queueEmail('taro@example.jp', '受付しました');
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await runner.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(await runner.runOnce()).toEqual({ sent: 0, failed: 0 });
    const mail = smtp.received.filter((m) => m.messageId === `<${id}@yakuba.outbox>`);
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual(['taro@example.jp']);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 1, delivered_via: 'smtp' });
  });

  it('queues nothing when the transaction rolls back', async () => {
    await expect(y.platform.inTenant(tenantId, async (tx) => {
      await y.platform.notify.email(tx, { tenantId, to: 'rollback@example.jp', subject: 'x', text: 'x' });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from outbox where payload->>'to' = 'rollback@example.jp'`);
    expect(n).toBe(0);
  });

  it('retries a refused email with exponential backoff and declares it dead after the last attempt', async () => {
    const id = await queueEmail('fail@example.jp');
    expect(await runner.runOnce()).toEqual({ sent: 0, failed: 1 });
    const first = await outboxRow(id);
    expect(first).toMatchObject({ status: 'failed', attempts: 1 });
    expect(first.last_error).toMatch(/451|busy/);
    expect(first.due_in_s).toBeGreaterThanOrEqual(28);
    expect(first.due_in_s).toBeLessThanOrEqual(30);
    expect(await runner.runOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet
    await y.db.rows(sql`update outbox set next_attempt_at = now() where id = ${id}`);
    await runner.runOnce();
    const second = await outboxRow(id);
    expect(second).toMatchObject({ status: 'failed', attempts: 2 });
    expect(second.due_in_s).toBeGreaterThanOrEqual(58); // doubled
    await y.db.rows(sql`update outbox set next_attempt_at = now() where id = ${id}`);
    await runner.runOnce();
    expect(await outboxRow(id)).toMatchObject({ status: 'dead', attempts: 3 });
    await y.db.rows(sql`update outbox set next_attempt_at = now() where id = ${id}`);
    expect(await runner.runOnce()).toEqual({ sent: 0, failed: 0 }); // dead stays dead
  });

  it('lets an admin list, read (audited) and retry outbox messages', async () => {
    const reader = staff(tenantId, ['core.outbox.read']);
    await expect(listOutboxMessages(y.platform, staff(tenantId, []), tenantId, { limit: 10, offset: 0 })).rejects.toMatchObject({ status: 403 });
    const dead = await listOutboxMessages(y.platform, reader, tenantId, { status: 'dead', limit: 10, offset: 0 });
    expect(dead.total).toBe(1);
    expect(dead.items[0].summary).toEqual({ title: 'お知らせ', recipient: 'f***@example.jp' });
    expect(JSON.stringify(dead.items)).not.toContain('fail@example.jp');
    const id = dead.items[0].id;
    const detail = await readOutboxMessage(y.platform, reader, tenantId, id, '10.0.0.1');
    expect(detail.body).toMatchObject({ to: 'fail@example.jp', text: '本文 お知らせ' });
    const [audit] = await y.db.rows<{ action: string; personal_data: boolean; target_id: string }>(sql`select action, personal_data, target_id from audit_log where tenant_id = ${tenantId} order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'core.outbox.read', personal_data: true, target_id: id });
    await expect(retryOutboxMessage(y.platform, reader, tenantId, id)).rejects.toMatchObject({ status: 403 });
    const admin = staff(tenantId, ['*']);
    expect((await retryOutboxMessage(y.platform, admin, tenantId, id)).status).toBe('pending');
    await expect(retryOutboxMessage(y.platform, admin, tenantId, id)).rejects.toMatchObject({ status: 409, code: 'not_retryable' });
    await expect(readOutboxMessage(y.platform, reader, tenantId, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    const anonymous = await y.app.inject(`/t/tokushima/api/admin/core/outbox/${id}`);
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps email in the local outbox, readable by admins, when SMTP is not configured', async () => {
    const local = new JobRunner({ ...y.platform, config: { ...y.platform.config, smtpUrl: undefined } });
    await y.db.rows(sql`update outbox set status = 'sent' where status in ('pending', 'failed')`);
    const id = await queueEmail('hanako@example.jp', 'ローカル');
    const before = smtp.received.length;
    expect(await local.runOnce()).toEqual({ sent: 1, failed: 0 });
    await local.stop();
    expect(smtp.received.length).toBe(before);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', delivered_via: 'outbox' });
    const detail = await readOutboxMessage(y.platform, staff(tenantId, ['core.outbox.read']), tenantId, id);
    expect(detail.body).toMatchObject({ to: 'hanako@example.jp', subject: 'ローカル' });
  });

  it('serves the VAPID key, subscribes a browser to a topic and pushes to it; a 410 forgets the subscription', async () => {
    const key = await y.app.inject('/api/push/vapid-key');
    expect(key.json().publicKey).toBe(y.platform.notify.vapidPublicKey());
    expect(key.json().publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    const me = await y.app.inject('/t/tokushima/api/auth/me');
    const csrf = me.json().csrfToken as string;
    const headers = { 'x-csrf-token': csrf, cookie: `yakuba_csrf=${csrf}` };
    const endpoint = `${push.base}/send/abc123`;
    const noAudience = await y.app.inject({ method: 'POST', url: '/t/tokushima/api/push/subscriptions', headers, payload: { subscription: { endpoint, keys: browserKeys() } } });
    expect(noAudience.statusCode).toBe(400);
    expect(noAudience.json().error.field).toBe('audience');
    const sub = await y.app.inject({ method: 'POST', url: '/t/tokushima/api/push/subscriptions', headers, payload: { audience: 'disaster', subscription: { endpoint, keys: browserKeys() } } });
    expect(sub.statusCode).toBe(201);
    expect(sub.json().audience).toBe('topic:disaster');

    const id = await y.platform.inTenant(tenantId, (tx) => y.platform.notify.push(tx, { tenantId, audience: 'topic:disaster', title: '避難指示', body: '高台へ避難してください', url: '/t/tokushima/disaster' }));
    const round = await runner.runOnce();
    expect(round, (await outboxRow(id)).last_error ?? '').toMatchObject({ sent: 1 });
    expect(push.hits).toHaveLength(1);
    expect(push.hits[0].path).toBe('/send/abc123');
    expect(push.hits[0].headers['content-encoding']).toBe('aes128gcm');
    expect(String(push.hits[0].headers.authorization)).toContain(`k=${y.platform.notify.vapidPublicKey()}`);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', delivered_via: 'push' });

    push.status.code = 410;
    await y.platform.inTenant(tenantId, (tx) => y.platform.notify.push(tx, { tenantId, audience: 'topic:disaster', title: '解除', body: '避難指示を解除しました' }));
    await runner.runOnce();
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from push_subscriptions where endpoint = ${endpoint}`);
    expect(n).toBe(0);

    push.status.code = 201;
    await y.app.inject({ method: 'POST', url: '/t/tokushima/api/push/subscriptions', headers, payload: { audience: 'topic:garbage', subscription: { endpoint, keys: browserKeys() } } });
    const del = await y.app.inject({ method: 'DELETE', url: '/t/tokushima/api/push/subscriptions', headers, payload: { endpoint } });
    expect(del.statusCode).toBe(204);
    const [{ m }] = await y.db.rows<{ m: number }>(sql`select count(*)::int as m from push_subscriptions`);
    expect(m).toBe(0);
  });
});
