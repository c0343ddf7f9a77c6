import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { validChildAllowanceAnswers } from '../engine/fixtures.ts';
import { PDF, anonymous, auditOf, mailsTo, submissionWorld, upload, type World } from './submissions-testing.ts';

const API = '/api/applications';
const ADMIN = '/api/admin/applications';
const EMAIL = 'taro.yamada@example.jp';

describe('an application from submit to completion, over HTTP', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
  });
  afterAll(async () => y?.close());

  it('submits, looks up, asks for a correction, takes only the requested change and completes, mailing each step', async () => {
    const citizen = await anonymous(y.app);
    const up = await upload(y.app, citizen, w.procedureId, '保険証.pdf', PDF);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ filename: '保険証.pdf', contentType: 'application/pdf', size: PDF.length });
    const uploadId = up.json().id as string;

    // A draft first: saved, resumed, then used (and removed) by the submission.
    const answers = validChildAllowanceAnswers(uploadId);
    const draft = await citizen.send('POST', `${API}/procedures/${w.procedureId}/drafts`, { answers: { applicant: answers.applicant }, pageId: 'applicant' });
    expect(draft.statusCode, draft.body).toBe(201);
    const token = draft.data.token as string;

    const res = await citizen.send('POST', `${API}/procedures/${w.procedureId}/submissions`, { versionId: w.versionId, answers, email: EMAIL, lang: 'ja', draftToken: token, submitToken: 'flow-test-token-1' });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.data.receiptNumber as string;
    expect(receipt).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/);
    expect(res.data).toMatchObject({ procedureTitle: '児童手当 認定請求', status: 'received', email: EMAIL });
    expect((await citizen.send('GET', `${API}/drafts/${token}`)).statusCode).toBe(404);

    const [received] = await mailsTo(y.platform, EMAIL);
    expect(received.subject).toBe(`【徳島市】申請を受け付けました（受付番号 ${receipt}）`);
    expect(received.text).toContain('児童手当 認定請求');
    expect(received.text).toContain(`/t/tokushima/applications/status?receipt=${receipt}`);
    expect(received.text).not.toContain('1234567'); // no answers in mail (the account number)

    // Lookup with the number typed loosely; a wrong email is 404 like a wrong number.
    const loose = receipt.toLowerCase().replace('-', '');
    expect((await citizen.send('POST', `${API}/lookup`, { receiptNumber: receipt, email: 'someone@example.jp' })).statusCode).toBe(404);
    const found = await citizen.send('POST', `${API}/lookup`, { receiptNumber: loose, email: EMAIL.toUpperCase() });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.data.submission).toMatchObject({ receiptNumber: receipt, status: 'received', correction: null, history: [{ status: 'received' }] });
    const access = { 'x-access-token': found.data.accessToken as string };
    const statusPage = (c = citizen) => y.app.inject({ method: 'GET', url: `/t/tokushima${API}/submissions/${receipt}`, headers: access, cookies: Object.fromEntries(c.cookies) });
    expect((await statusPage()).json().answers.accountNumber).toBe('1234567');
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima${API}/submissions/${receipt}` })).statusCode).toBe(404);
    expect(await auditOf(y.platform, 'applications.submission.lookup')).toHaveLength(1);
    expect((await auditOf(y.platform, 'applications.submission.read_by_applicant')).at(-1)).toMatchObject({ personal_data: true, details: { receiptNumber: receipt.replace('-', '') } });

    // Staff: the inbox lists it, the detail shows it; both reads are audited.
    const list = await w.processor.send('GET', `${ADMIN}/submissions?q=${encodeURIComponent('やまだ')}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.data.total).toBe(1);
    const id = list.data.items[0].id as string;
    expect(list.data.items[0]).toMatchObject({ receiptNumber: receipt, applicantName: '山田 太郎', status: 'received', channel: 'online', assignee: null });
    const detail = await w.processor.send('GET', `${ADMIN}/submissions/${id}`);
    expect(detail.data).toMatchObject({ email: EMAIL, version: 1, computed: { childCount: 2, monthlyAmount: 20000 } });
    expect(detail.data.attachments).toEqual([{ id: uploadId, fieldPath: 'idDocument', filename: '保険証.pdf', contentType: 'application/pdf', size: PDF.length }]);
    expect((await auditOf(y.platform, 'applications.submission.read')).at(-1)).toMatchObject({ target_id: id, personal_data: true, actor_id: w.processorId });
    expect((await auditOf(y.platform, 'applications.submission.list')).length).toBe(1);
    const file = await w.processor.send('GET', `${ADMIN}/submissions/${id}/attachments/${uploadId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await auditOf(y.platform, 'applications.attachment.read')).at(-1)).toMatchObject({ target_id: id, personal_data: true });

    // Staff ask for a correction of the bank account number.
    await w.processor.send('POST', `${ADMIN}/submissions/${id}/assign`, { staffId: w.processorId });
    const asked = await w.processor.send('POST', `${ADMIN}/submissions/${id}/status`, {
      status: 'correction_requested', note: '通帳の写しと不一致', message: '口座番号をご確認のうえ、正しい番号を入力してください。', correctionFields: ['accountNumber'],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.data).toMatchObject({ status: 'correction_requested', correction: { fields: ['accountNumber'] }, assignee: { id: w.processorId, name: '子育て 担当' } });
    const correctionMail = (await mailsTo(y.platform, EMAIL)).at(-1)!;
    expect(correctionMail.subject).toBe(`【徳島市】申請内容の補正をお願いします（受付番号 ${receipt}）`);
    expect(correctionMail.text).toContain('口座番号をご確認のうえ');
    expect(correctionMail.text).not.toContain('通帳の写しと不一致'); // the internal note stays inside

    const seen = (await statusPage()).json();
    expect(seen.correction).toEqual({ message: '口座番号をご確認のうえ、正しい番号を入力してください。', fields: ['accountNumber'] });
    expect(JSON.stringify(seen)).not.toContain('通帳の写しと不一致');

    // The citizen changes the requested field and, against the rules, the bank name: only the first is taken.
    const fixed = { ...seen.answers, accountNumber: '7654321', bankName: '別の銀行' };
    const bad = await y.app.inject({ method: 'POST', url: `/t/tokushima${API}/submissions/${receipt}/correction`, headers: { ...access, 'x-csrf-token': citizen.csrf! }, cookies: Object.fromEntries(citizen.cookies), payload: { answers: { ...fixed, accountNumber: '12' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid', field: 'accountNumber' });
    const done = await y.app.inject({ method: 'POST', url: `/t/tokushima${API}/submissions/${receipt}/correction`, headers: { ...access, 'x-csrf-token': citizen.csrf! }, cookies: Object.fromEntries(citizen.cookies), payload: { answers: fixed, message: '修正しました' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'reviewing', correction: null, answers: { accountNumber: '7654321', bankName: '松阪銀行' } });
    expect(done.json().messages).toEqual([expect.objectContaining({ from: 'applicant', text: '修正しました' })]);
    expect((await mailsTo(y.platform, EMAIL)).at(-1)!.subject).toBe(`【徳島市】補正を受け付けました（受付番号 ${receipt}）`);
    expect((await mailsTo(y.platform, 'kodomo@tokushima.example.jp')).at(-1)!.subject).toBe(`【電子申請】補正が提出されました（受付番号 ${receipt}）`);
    const again = await y.app.inject({ method: 'POST', url: `/t/tokushima${API}/submissions/${receipt}/correction`, headers: { ...access, 'x-csrf-token': citizen.csrf! }, cookies: Object.fromEntries(citizen.cookies), payload: { answers: fixed } });
    expect(again.statusCode).toBe(409);

    // A message, then completion; each is mailed with the status in words.
    await w.processor.send('POST', `${ADMIN}/submissions/${id}/messages`, { message: '書類を確認しています。' });
    expect((await mailsTo(y.platform, EMAIL)).at(-1)!.subject).toBe(`【徳島市】申請についてのお知らせ（受付番号 ${receipt}）`);
    const completed = await w.processor.send('POST', `${ADMIN}/submissions/${id}/status`, { status: 'completed', message: '認定しました。' });
    expect(completed.statusCode, completed.body).toBe(200);
    const last = (await mailsTo(y.platform, EMAIL)).at(-1)!;
    expect(last.subject).toBe(`【徳島市】申請の状況が「完了」になりました（受付番号 ${receipt}）`);
    expect(last.text).toContain('認定しました。');
    expect(completed.data.history.map((h: { kind: string; toStatus: string | null }) => [h.kind, h.toStatus])).toEqual([
      ['received', 'received'], ['assigned', null], ['status', 'correction_requested'], ['correction', 'reviewing'], ['message', null], ['status', 'completed'],
    ]);
    const final = (await statusPage()).json();
    expect(final.history.map((h: { status: string }) => h.status)).toEqual(['received', 'correction_requested', 'reviewing', 'completed']);
    expect(final.messages.map((m: { from: string }) => m.from)).toEqual(['applicant', 'staff']);
    expect((await w.processor.send('POST', `${ADMIN}/submissions/${id}/status`, { status: 'reviewing' })).statusCode).toBe(409);
  });

  it('answers a retried submit with the original receipt, and a reused key with other answers with 422', async () => {
    const citizen = await anonymous(y.app);
    const up = (await upload(y.app, citizen, w.procedureId, 'id.pdf', PDF)).json();
    const body = { versionId: w.versionId, answers: validChildAllowanceAnswers(up.id), email: 'retry@example.jp' };
    const url = `/t/tokushima${API}/procedures/${w.procedureId}/submissions`;
    const send = (payload: object) => y.app.inject({ method: 'POST', url, payload, headers: { 'idempotency-key': 'retry-key-0001', 'x-csrf-token': citizen.csrf!, cookie: `yakuba_csrf=${citizen.csrf}` } });
    const first = await send(body);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await send(body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const other = await send({ ...body, answers: { ...body.answers, bankName: '別の銀行' } });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_mismatch');
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from applications_submissions where email = 'retry@example.jp'`);
    expect(n).toBe(1);
    expect(await mailsTo(y.platform, 'retry@example.jp')).toHaveLength(1);
  });

  it('limits receipt lookups per address', async () => {
    const citizen = await anonymous(y.app);
    const look = () => y.app.inject({
      method: 'POST', url: `/t/tokushima${API}/lookup`, remoteAddress: '203.0.113.9',
      headers: { 'x-csrf-token': citizen.csrf!, cookie: `yakuba_csrf=${citizen.csrf}` }, payload: { receiptNumber: 'AAAA-BBBB', email: 'guess@example.jp' },
    });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await look()).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(codes.slice(10)).toEqual([429, 429]);
  });
});
