import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { sweepOrphanFiles } from '../../../core/files/sweep.ts';
import { validChildAllowanceAnswers } from '../engine/fixtures.ts';
import { sweepSubmissionLeftovers } from './jobs.ts';
import { PDF, anonymous, mailsTo, signedInCitizen, submissionWorld, upload, type World } from './submissions-testing.ts';

const API = '/api/applications';

describe('drafts and the sweep of leftovers', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
  });
  afterAll(async () => y?.close());

  it('saves an anonymous draft under a token kept only as a hash, resumes it and mails the link', async () => {
    const citizen = await anonymous(y.app);
    const created = await citizen.send('POST', `${API}/procedures/${w.procedureId}/drafts`, { answers: { bankName: '松阪銀行' }, pageId: 'account', email: 'Draft@Example.jp' });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.data.token as string;
    const rows = await y.db.rows<{ token_hash: string; email: string }>(sql`select token_hash, email from applications_drafts`);
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), email: 'draft@example.jp' }]);
    expect(JSON.stringify(await y.db.rows(sql`select * from applications_drafts`))).not.toContain(token);

    const other = await anonymous(y.app);
    const got = await other.send('GET', `${API}/drafts/${token}`);
    expect(got.data).toMatchObject({ procedureId: w.procedureId, versionId: w.versionId, answers: { bankName: '松阪銀行' }, pageId: 'account' });
    const saved = await other.send('PUT', `${API}/drafts/${token}`, { answers: { bankName: '伊勢銀行' }, pageId: 'documents' });
    expect(saved.data).toMatchObject({ answers: { bankName: '伊勢銀行' }, pageId: 'documents' });
    expect((await other.send('GET', `${API}/drafts/${token.slice(0, -1)}x`)).statusCode).toBe(404);

    const [mail] = await mailsTo(y.platform, 'draft@example.jp');
    expect(mail!.subject).toBe('【徳島市】申請の下書きを保存しました');
    expect(mail!.text).toContain(`/t/tokushima/applications/${w.procedureId}/apply?draft=${token}`);

    await y.db.rows(sql`update applications_drafts set expires_at = now() - interval '1 minute'`);
    expect((await other.send('GET', `${API}/drafts/${token}`)).statusCode).toBe(404);
    expect((await sweepSubmissionLeftovers(y.platform)).drafts).toBe(1);
  });

  it('ties a signed-in citizen\'s drafts to the account and opens them by id for the owner only', async () => {
    const { client: hanako } = await signedInCitizen(y.app, y.platform, w.tenantId, 'hanako@example.jp');
    const created = await hanako.send('POST', `${API}/procedures/${w.procedureId}/drafts`, { answers: { notes: '途中' } });
    expect(created.statusCode).toBe(201);
    const mine = await hanako.send('GET', `${API}/me/drafts`);
    expect(mine.data.items).toEqual([expect.objectContaining({ procedureId: w.procedureId, procedureTitle: '児童手当 認定請求' })]);
    const id = mine.data.items[0].token as string;
    expect((await hanako.send('GET', `${API}/drafts/${id}`)).data.answers).toEqual({ notes: '途中' });
    expect((await (await anonymous(y.app)).send('GET', `${API}/drafts/${id}`)).statusCode).toBe(404);
    const { client: taro } = await signedInCitizen(y.app, y.platform, w.tenantId, 'taro@example.jp');
    expect((await taro.send('GET', `${API}/drafts/${id}`)).statusCode).toBe(404);
    expect((await taro.send('GET', `${API}/me/drafts`)).data.items).toEqual([]);
    expect((await (await anonymous(y.app)).send('GET', `${API}/me/drafts`)).statusCode).toBe(401);
    // Submitting with the draft's id removes it.
    const up = (await upload(y.app, hanako, w.procedureId, 'doc.pdf', PDF)).json();
    const res = await hanako.send('POST', `${API}/procedures/${w.procedureId}/submissions`, { versionId: w.versionId, answers: validChildAllowanceAnswers(up.id), draftToken: id });
    expect(res.statusCode, res.body).toBe(201);
    expect((await hanako.send('GET', `${API}/me/drafts`)).data.items).toEqual([]);
  });

  it('deletes uploads no submission took within 24 hours, with their bytes, and keeps attached ones', async () => {
    const citizen = await anonymous(y.app);
    const stale = (await upload(y.app, citizen, w.procedureId, 'stale.pdf', PDF)).json();
    const fresh = (await upload(y.app, citizen, w.procedureId, 'fresh.pdf', PDF)).json();
    const fileOf = async (id: string) => (await y.db.rows<{ file_id: string }>(sql`select file_id from applications_attachments where id = ${id}`))[0]?.file_id;
    const staleFile = (await fileOf(stale.id))!;
    const attachedFile = (await y.db.rows<{ file_id: string }>(sql`select file_id from applications_attachments where submission_id is not null limit 1`))[0]!.file_id;
    await y.db.rows(sql`update applications_attachments set created_at = now() - interval '25 hours' where id = ${stale.id} or submission_id is not null`);
    const blob = (fileId: string) => join(y.platform.config.dataDir, 'files', w.tenantId, fileId);
    expect(existsSync(blob(staleFile))).toBe(true);

    expect(await sweepSubmissionLeftovers(y.platform)).toEqual({ uploads: 1, drafts: 0, emailCodes: 0 });
    expect(await fileOf(stale.id)).toBeUndefined();
    expect(await fileOf(fresh.id)).toBeDefined();
    expect((await y.db.rows(sql`select 1 from files where id = ${staleFile}`)).length).toBe(0);
    await sweepOrphanFiles(y.platform, 0);
    expect(existsSync(blob(staleFile))).toBe(false);
    expect(existsSync(blob(attachedFile))).toBe(true);
    // A stale upload can no longer be used.
    const res = await citizen.send('POST', `${API}/procedures/${w.procedureId}/submissions`, { versionId: w.versionId, answers: validChildAllowanceAnswers(stale.id) });
    expect(res.data.error.field).toBe('idDocument');
  });
});
