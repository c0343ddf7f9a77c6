import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { validChildAllowanceAnswers } from '../engine/fixtures.ts';
import { EXE, PDF, addProcedure, anonymous, mailsTo, signedInCitizen, strongCitizen, submissionWorld, upload, type World } from './submissions-testing.ts';
import type { TestClient } from '../../../core/auth/testing.ts';

const API = '/api/applications';

describe('submitting: idempotency, validation, windows, identity levels and uploads', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let citizen: TestClient;

  const count = async (where = sql`true`) => (await y.db.rows<{ n: number }>(sql`select count(*)::int as n from applications_submissions where ${where}`))[0]!.n;
  const uploadId = async (procedureId = w.procedureId, c = citizen) => {
    const res = await upload(y.app, c, procedureId, 'doc.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const submit = (c: TestClient, procedureId: string, versionId: string, answers: object, extra: object = {}) =>
    c.send('POST', `${API}/procedures/${procedureId}/submissions`, { versionId, answers, ...extra });

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
    citizen = await anonymous(y.app);
  });
  afterAll(async () => y?.close());

  it('makes one submission of 30 identical concurrent submits with one key', async () => {
    const body = { versionId: w.versionId, answers: validChildAllowanceAnswers(await uploadId()), email: 'burst@example.jp' };
    const url = `/t/tokushima${API}/procedures/${w.procedureId}/submissions`;
    const headers = { 'idempotency-key': 'burst-key-0000001', 'x-csrf-token': citizen.csrf!, cookie: `yakuba_csrf=${citizen.csrf}` };
    const answers = await Promise.all(Array.from({ length: 30 }, () => y.app.inject({ method: 'POST', url, payload: body, headers })));
    expect(answers.map((a) => a.statusCode).sort((a, b) => b - a)).toEqual([201, ...Array(29).fill(200)]);
    expect(new Set(answers.map((a) => a.json().receiptNumber)).size).toBe(1);
    expect(await count(sql`email = 'burst@example.jp'`)).toBe(1);
    expect(await mailsTo(y.platform, 'burst@example.jp')).toHaveLength(1);
  });

  it('refuses invalid answers with 400 naming the first field and listing all, storing nothing', async () => {
    const id = await uploadId();
    const answers = { ...validChildAllowanceAnswers(id), accountNumber: '12ab', children: [] };
    const before = await count();
    const res = await submit(citizen, w.procedureId, w.versionId, answers, { email: 'invalid@example.jp' });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe('invalid');
    const paths = res.data.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['accountNumber', 'children']));
    expect(res.data.error.field).toBe(paths[0]);
    expect(await count()).toBe(before);
    expect(await mailsTo(y.platform, 'invalid@example.jp')).toHaveLength(0);
    const [attachment] = await y.db.rows<{ submission_id: string | null }>(sql`select submission_id from applications_attachments where id = ${id}`);
    expect(attachment!.submission_id).toBeNull();
    // An upload id nobody made is named as the file field's error.
    const ghost = await submit(citizen, w.procedureId, w.versionId, validChildAllowanceAnswers('00000000-0000-4000-8000-000000000000'));
    expect(ghost.statusCode).toBe(400);
    expect(ghost.data.error.field).toBe('idDocument');
  });

  it('answers 409 when the procedure is closed, not yet open, or the version is no longer live', async () => {
    const answers = validChildAllowanceAnswers(await uploadId());
    const closed = await addProcedure(y.platform, w.tenantId, { title: '締切済み', departmentId: w.departments.kodomo, state: 'closed' });
    const later = await addProcedure(y.platform, w.tenantId, { title: '受付前', departmentId: w.departments.kodomo, opensAt: new Date(Date.now() + 86_400_000).toISOString() });
    const over = await addProcedure(y.platform, w.tenantId, { title: '期間終了', departmentId: w.departments.kodomo, closesAt: new Date(Date.now() - 1000).toISOString() });
    for (const p of [closed, later, over]) {
      const res = await submit(citizen, p.procedureId, p.versionId, answers);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.data.error).toMatchObject({ code: 'version_closed', field: 'versionId' });
    }
    const stale = await submit(citizen, w.procedureId, closed.versionId, answers);
    expect(stale.statusCode).toBe(409);
    expect((await submit(citizen, '00000000-0000-4000-8000-000000000000', w.versionId, answers)).statusCode).toBe(404);
  });

  it('holds each identity level: email, account, strong sign-in through the tenant\'s OIDC', async () => {
    const byEmail = await addProcedure(y.platform, w.tenantId, { title: 'メール確認', departmentId: w.departments.kodomo, identityLevel: 'email' });
    const noEmail = await submit(citizen, byEmail.procedureId, byEmail.versionId, validChildAllowanceAnswers(await uploadId(byEmail.procedureId)));
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.data.error.field).toBe('email');

    const account = await addProcedure(y.platform, w.tenantId, { title: 'アカウント', departmentId: w.departments.kodomo, identityLevel: 'account' });
    const anon = await submit(citizen, account.procedureId, account.versionId, {});
    expect(anon.statusCode).toBe(401);
    expect(anon.data.error.code).toBe('account_required');
    const { client: signedIn, id: citizenId } = await signedInCitizen(y.app, y.platform, w.tenantId, 'hanako@example.jp');
    const ok = await submit(signedIn, account.procedureId, account.versionId, validChildAllowanceAnswers(await uploadId(account.procedureId, signedIn)));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.data.email).toBe('hanako@example.jp'); // the account's verified address
    const mine = await signedIn.send('GET', `${API}/me/submissions`);
    expect(mine.data.items).toEqual([expect.objectContaining({ receiptNumber: ok.data.receiptNumber, procedureTitle: 'アカウント', status: 'received' })]);
    // The owner reads the status page without an access token.
    expect((await signedIn.send('GET', `${API}/submissions/${ok.data.receiptNumber}`)).statusCode).toBe(200);

    const strong = await addProcedure(y.platform, w.tenantId, { title: '本人確認', departmentId: w.departments.kodomo, identityLevel: 'strong' });
    const password = await submit(signedIn, strong.procedureId, strong.versionId, {});
    expect(password.statusCode).toBe(403);
    expect(password.data.error.code).toBe('strong_identity_required');
    expect((await upload(y.app, signedIn, strong.procedureId, 'doc.pdf', PDF)).statusCode).toBe(403);
    const weakOidc = await strongCitizen(y.app, y.platform, w.tenantId, citizenId, 'urn:other');
    expect((await submit(weakOidc, strong.procedureId, strong.versionId, {})).statusCode).toBe(403);
    const mynumber = await strongCitizen(y.app, y.platform, w.tenantId, citizenId, 'urn:jp:mynumber');
    const answers = validChildAllowanceAnswers(await uploadId(strong.procedureId, mynumber));
    const accepted = await submit(mynumber, strong.procedureId, strong.versionId, answers);
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('judges uploads by their bytes and size, and keeps them to their procedure', async () => {
    const renamed = await upload(y.app, citizen, w.procedureId, 'invoice.pdf', EXE, 'application/pdf');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.message).toContain('invoice.pdf');
    const big = await upload(y.app, citizen, w.procedureId, '大きな写真.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('大きな写真.pdf');
    const empty = await y.app.inject({ method: 'POST', url: `/t/tokushima${API}/procedures/${w.procedureId}/uploads`, headers: { 'x-csrf-token': citizen.csrf!, cookie: `yakuba_csrf=${citizen.csrf}`, 'content-type': 'application/json' }, payload: {} });
    expect(empty.statusCode).toBe(415);
    // An upload of another procedure cannot be used here.
    const other = await addProcedure(y.platform, w.tenantId, { title: '別の手続き', departmentId: w.departments.zeimu });
    const foreign = await uploadId(other.procedureId);
    const res = await submit(citizen, w.procedureId, w.versionId, validChildAllowanceAnswers(foreign));
    expect(res.statusCode).toBe(400);
    expect(res.data.error.field).toBe('idDocument');
    // An upload already attached to one submission cannot be attached to a second.
    const once = await uploadId();
    expect((await submit(citizen, w.procedureId, w.versionId, validChildAllowanceAnswers(once))).statusCode).toBe(201);
    const twice = await submit(citizen, w.procedureId, w.versionId, validChildAllowanceAnswers(once));
    expect(twice.statusCode).toBe(400);
    expect(twice.data.error.field).toBe('idDocument');
  });

  it('rejects a file type the field does not accept at submit, and a file over the field\'s size', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c70000000049454e44ae426082', 'hex');
    const res = await upload(y.app, citizen, w.procedureId, 'photo.png', png);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contentType).toBe('image/png');
    const big = await upload(y.app, citizen, w.procedureId, 'scan.pdf', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]));
    expect(big.statusCode).toBe(201); // under the 10 MB upload limit
    const over = await submit(citizen, w.procedureId, w.versionId, validChildAllowanceAnswers(big.json().id));
    expect(over.statusCode).toBe(400);
    expect(over.data.error.details[0]).toMatchObject({ path: 'idDocument', code: 'fileSize' });
  });
});
