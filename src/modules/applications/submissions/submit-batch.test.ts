import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import type { Actor } from '../../../core/platform.ts';
import { AppError } from '../../../core/http/errors.ts';
import { validChildAllowanceAnswers } from '../engine/fixtures.ts';
import type { FormDefinition } from '../engine/types.ts';
import { PDF, addProcedure, anonymous, submissionWorld, upload, type World } from './submissions-testing.ts';
import { requestHash } from './answers.ts';
import { prepareOnline, type PreparedSubmission } from './submit-prepare.ts';
import { writeBatch } from './submit-batch.ts';
import { submit, submitSingle, type SubmitResult } from './submit.ts';
import type { TestClient } from '../../../core/auth/testing.ts';

const API = '/api/applications';
const course: FormDefinition = {
  schemaVersion: 1,
  pages: [{ id: 'p', title: { ja: '申込' }, sections: [{ id: 's', fields: [
    { key: 'name', type: 'name', label: { ja: '氏名' }, required: true },
    { key: 'note', type: 'textarea', label: { ja: '備考' }, maxLength: 200 },
  ] }] }],
};

describe('online submissions written in batches (group commit)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let citizen: TestClient;
  let course1: { procedureId: string; versionId: string };

  const post = (procedureId: string, versionId: string, answers: object, key?: string, email?: string) => y.app.inject({
    method: 'POST', url: `/t/tokushima${API}/procedures/${procedureId}/submissions`,
    payload: { versionId, answers, ...(email ? { email } : {}) },
    headers: { 'x-csrf-token': citizen.csrf!, cookie: `yakuba_csrf=${citizen.csrf}`, ...(key ? { 'idempotency-key': key } : {}) },
  });
  const uploadId = async () => (await upload(y.app, citizen, w.procedureId, 'doc.pdf', PDF)).json().id as string;
  const rowsOf = (procedureId: string) => y.db.rows<{ id: string; receipt_number: string; note: string; email: string | null; tx: string }>(sql`
    select id, receipt_number, answers->>'note' as note, email, xmin::text as tx from applications_submissions where procedure_id = ${procedureId}`);

  /** The service context of an anonymous citizen of the tenant. */
  const ctxOf = () => {
    const actor: Actor = { kind: 'anonymous', id: null, tenantId: w.tenantId, permissions: new Set(), departmentIds: [], sessionId: null };
    return { platform: y.platform, tenant: { id: w.tenantId, slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018', settings: {} }, actor, ip: '192.0.2.1', lang: 'ja' as const };
  };
  /** Writes prepared items as one batch; each caller's answer (a result or the error). */
  const settle = async (items: PreparedSubmission[]) => {
    const answers: (SubmitResult | AppError)[] = [];
    await writeBatch(y.platform, w.tenantId, items.map((item, i) => ({
      item, resolve: (r: SubmitResult) => { answers[i] = r; }, reject: (e: unknown) => { answers[i] = e as AppError; },
    })), submitSingle);
    return answers;
  };

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
    citizen = await anonymous(y.app);
    course1 = await addProcedure(y.platform, w.tenantId, { title: '講座申込', departmentId: w.departments.kodomo, definition: course });
  });
  afterAll(async () => y?.close());

  it('stores 100 concurrent submissions once each, in fewer transactions, and answers each caller with its own receipt', async () => {
    const res = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      post(course1.procedureId, course1.versionId, { name: { family: '申込', given: `${i}` }, note: `n${i}` }, `batch-key-${i}-0000`, `p${i}@example.jp`)));
    expect(res.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
    const rows = await rowsOf(course1.procedureId);
    expect(rows).toHaveLength(100);
    const byReceipt = new Map(rows.map((r) => [r.receipt_number, r]));
    expect(byReceipt.size).toBe(100);
    res.forEach((r, i) => {
      const receipt = (r.json().receiptNumber as string).replace('-', '');
      expect(byReceipt.get(receipt)).toMatchObject({ note: `n${i}`, email: `p${i}@example.jp` });
    });
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(100); // rows share transactions: batches happened
    const ids = rows.map((r) => r.id);
    const [counts] = await y.db.rows<{ events: number; audits: number; mails: number; published: number }>(sql`select
      (select count(*)::int from applications_submission_events where submission_id::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and kind = 'received') as events,
      (select count(*)::int from audit_log where action = 'applications.submission.create' and target_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})) as audits,
      (select count(*)::int from outbox where channel = 'email' and payload->>'to' like 'p%@example.jp') as mails,
      (select count(*)::int from outbox where channel = 'event' and payload->'data'->>'procedureId' = ${course1.procedureId}) as published`);
    expect(counts).toEqual({ events: 100, audits: 100, mails: 100, published: 100 });
  });

  it('answers duplicates of one key inside a burst with the same receipt, and a reused key with other answers with 422', async () => {
    const answers = { name: { family: '重複', given: '太郎' }, note: 'dup' };
    const burst = await Promise.all([
      post(course1.procedureId, course1.versionId, answers, 'same-key-in-batch-1'),
      post(course1.procedureId, course1.versionId, answers, 'same-key-in-batch-1'),
      post(course1.procedureId, course1.versionId, { ...answers, note: 'other' }, 'same-key-in-batch-1'),
      ...Array.from({ length: 10 }, (_, i) => post(course1.procedureId, course1.versionId, { name: { family: '他', given: `${i}` }, note: `o${i}` }, `other-key-${i}-000`)),
    ]);
    const [a, b, c] = burst;
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 201]);
    expect(a!.json().receiptNumber).toBe(b!.json().receiptNumber);
    expect(c!.statusCode).toBe(422);
    expect(c!.json().error.code).toBe('idempotency_mismatch');
    expect(burst.slice(3).map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const rows = (await rowsOf(course1.procedureId)).filter((r) => r.note === 'dup' || r.note === 'other');
    expect(rows.map((r) => r.note)).toEqual(['dup']);
  });

  it('gives an upload named by two submissions of one burst to one of them; the other gets 400 and the rest are stored', async () => {
    const shared = await uploadId();
    const others = await Promise.all(Array.from({ length: 6 }, () => uploadId()));
    const res = await Promise.all([
      post(w.procedureId, w.versionId, validChildAllowanceAnswers(shared), 'shared-upload-a'),
      post(w.procedureId, w.versionId, validChildAllowanceAnswers(shared), 'shared-upload-b'),
      ...others.map((id, i) => post(w.procedureId, w.versionId, validChildAllowanceAnswers(id), `own-upload-${i}-00`)),
    ]);
    expect([res[0]!.statusCode, res[1]!.statusCode].sort()).toEqual([201, 400]);
    expect(res.slice(0, 2).find((r) => r.statusCode === 400)!.json().error.field).toBe('idDocument');
    expect(res.slice(2).map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const attached = await y.db.rows<{ n: number }>(sql`select count(distinct submission_id)::int as n from applications_attachments
      where id in (${sql.join([shared, ...others].map((id) => sql`${id}::uuid`), sql`, `)}) and submission_id is not null`);
    expect(attached[0]!.n).toBe(7);
  });

  it('re-checks the live version under its lock: a procedure closed after the checks answers 409 from the single path', async () => {
    const p = await addProcedure(y.platform, w.tenantId, { title: '締切間際', departmentId: w.departments.kodomo, definition: course });
    const items: PreparedSubmission[] = [];
    for (const i of [0, 1]) {
      const input = { procedureId: p.procedureId, versionId: p.versionId, answers: { name: { family: '締切', given: `${i}` } }, idempotencyKey: `closing-${i}-0000` };
      items.push((await prepareOnline(ctxOf(), input, 'ja', input.idempotencyKey, requestHash(input)))!);
    }
    await y.db.rows(sql`update applications_form_versions set state = 'closed' where id = ${p.versionId}::uuid`);
    const answers = await settle(items);
    expect(answers.map((a) => (a instanceof AppError ? `${a.status} ${a.code}` : a))).toEqual(['409 version_closed', '409 version_closed']);
    expect(await rowsOf(p.procedureId)).toEqual([]);
  });

  it('retries every item of a failed batch alone: the bad one gets its own 400, the others are stored', async () => {
    const ctx = ctxOf();
    const lost = await uploadId();
    const items: PreparedSubmission[] = [];
    for (const [i, id] of [await uploadId(), lost, await uploadId(), await uploadId()].entries()) {
      const input = { procedureId: w.procedureId, versionId: w.versionId, answers: validChildAllowanceAnswers(id), email: `retry${i}@example.jp`, idempotencyKey: `retry-alone-${i}-0` };
      const hash = requestHash({ ...input, email: input.email });
      items.push((await prepareOnline(ctx, input, 'ja', input.idempotencyKey, hash))!);
    }
    expect(items.every(Boolean)).toBe(true);
    // Another transaction takes one upload after the checks and before the batch: the batch's attach fails.
    const taker = await submit(ctx, { procedureId: w.procedureId, versionId: w.versionId, answers: validChildAllowanceAnswers(await uploadId()) });
    await y.db.rows(sql`update applications_attachments set submission_id = ${taker.submission.id}::uuid where id = ${lost}::uuid`);
    const answers = await settle(items);
    expect(answers.map((a) => (a instanceof AppError ? a.status : a.created))).toEqual([true, 400, true, true]);
    expect((answers[1] as AppError).field).toBe('idDocument');
    const stored = await y.db.rows<{ email: string }>(sql`select email from applications_submissions where email like 'retry%' order by email`);
    expect(stored.map((r) => r.email)).toEqual(['retry0@example.jp', 'retry2@example.jp', 'retry3@example.jp']);
  });
});
