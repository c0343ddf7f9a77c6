import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import type { FormDefinition } from '../engine/types.ts';
import { applicationKpis } from './kpis.ts';
import { addProcedure, anonymous, auditOf, mailsTo, submissionWorld, type World } from './submissions-testing.ts';

const API = '/api/applications';
const ADMIN = '/api/admin/applications';

/** A short form without files: a name with furigana, a choice and a note. */
const shortForm: FormDefinition = {
  schemaVersion: 1,
  pages: [{
    id: 'p1', title: { ja: '申込' },
    sections: [{
      id: 's1', fields: [
        { key: 'applicant', type: 'name', label: { ja: '氏名' }, required: true, furigana: true },
        { key: 'course', type: 'radio', label: { ja: '講座' }, required: true, options: [{ value: 'a', label: { ja: '午前' } }, { value: 'b', label: { ja: '午後' } }] },
        { key: 'note', type: 'textarea', label: { ja: '備考' } },
      ],
    }],
  }],
};
const person = (family: string, given: string, familyKana: string, givenKana: string, note = '') => ({ applicant: { family, given, familyKana, givenKana }, course: 'a', note });

describe('the staff inbox: departments, search, status rules, assignment, counter entry and KPIs', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  const p = { kodomo: { procedureId: '', versionId: '' }, zeimu: { procedureId: '', versionId: '' }, shared: { procedureId: '', versionId: '' } };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
    p.kodomo = await addProcedure(y.platform, w.tenantId, { title: '子育て講座', departmentId: w.departments.kodomo, definition: shortForm });
    p.zeimu = await addProcedure(y.platform, w.tenantId, { title: '税の相談', departmentId: w.departments.zeimu, definition: shortForm });
    p.shared = await addProcedure(y.platform, w.tenantId, { title: '合同窓口', departmentId: w.departments.zeimu, shared: [w.departments.kodomo], definition: shortForm });
    const citizen = await anonymous(y.app);
    const add = async (key: string, proc: { procedureId: string; versionId: string }, answers: object, email?: string) => {
      const res = await citizen.send('POST', `${API}/procedures/${proc.procedureId}/submissions`, { versionId: proc.versionId, answers, ...(email ? { email } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.data.receiptNumber;
    };
    await add('suzuki', p.kodomo, person('鈴木', '一郎', 'スズキ', 'イチロウ', '託児を希望します'), 'suzuki@example.jp');
    await add('sato', p.zeimu, person('佐藤', '花子', 'サトウ', 'ハナコ'), 'sato@example.jp');
    await add('tanaka', p.shared, person('田中', '次郎', 'タナカ', 'ジロウ'));
  });
  afterAll(async () => y?.close());

  const idOf = async (receipt: string) => (await y.db.rows<{ id: string }>(sql`select id from applications_submissions where receipt_number = ${receipt.replace('-', '')}`))[0]!.id;

  it('shows each department its own and shared procedures only; others get 404 and leave no read audit', async () => {
    const mine = await w.processor.send('GET', `${ADMIN}/submissions`);
    expect(mine.data.items.map((i: { procedureTitle: string }) => i.procedureTitle).sort()).toEqual(['合同窓口', '子育て講座']);
    const theirs = await w.outsider.send('GET', `${ADMIN}/submissions`);
    expect(theirs.data.items.map((i: { procedureTitle: string }) => i.procedureTitle).sort()).toEqual(['合同窓口', '税の相談']);
    const all = await w.overseer.send('GET', `${ADMIN}/submissions`);
    expect(all.data.total).toBe(3);

    const suzuki = await idOf(ids.suzuki!);
    const readsBefore = (await auditOf(y.platform, 'applications.submission.read')).length;
    expect((await w.outsider.send('GET', `${ADMIN}/submissions/${suzuki}`)).statusCode).toBe(404);
    expect((await w.outsider.send('POST', `${ADMIN}/submissions/${suzuki}/status`, { status: 'reviewing' })).statusCode).toBe(404);
    expect((await w.outsider.send('POST', `${ADMIN}/submissions/${suzuki}/messages`, { message: 'x' })).statusCode).toBe(404);
    expect((await auditOf(y.platform, 'applications.submission.read')).length).toBe(readsBefore);
    expect((await w.plain.send('GET', `${ADMIN}/submissions`)).statusCode).toBe(403);
    expect((await (await anonymous(y.app)).send('GET', `${ADMIN}/submissions`)).statusCode).toBe(401);
    // Every list call is one audit entry naming what was shown.
    const lists = await auditOf(y.platform, 'applications.submission.list');
    expect(lists).toHaveLength(3);
    expect(lists[0]!.personal_data).toBe(true);
    expect((lists[0]!.details.ids as string[]).length).toBe(2);
  });

  it('searches by receipt number typed any way, by name in kana or kanji, and by text answers', async () => {
    const q = async (text: string) => (await w.overseer.send('GET', `${ADMIN}/submissions?q=${encodeURIComponent(text)}`)).data.items.map((i: { applicantName: string }) => i.applicantName);
    expect(await q(ids.sato!.toLowerCase())).toEqual(['佐藤 花子']);
    expect(await q(ids.sato!.replace('-', '').replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))).toEqual(['佐藤 花子']);
    expect(await q('ｽｽﾞｷ')).toEqual(['鈴木 一郎']);
    expect(await q('鈴木')).toEqual(['鈴木 一郎']);
    expect(await q('託児')).toEqual(['鈴木 一郎']);
    expect(await q('山本')).toEqual([]);
    const byProcedure = await w.overseer.send('GET', `${ADMIN}/submissions?procedureId=${p.zeimu.procedureId}&status=received&channel=online`);
    expect(byProcedure.data.items.map((i: { applicantName: string }) => i.applicantName)).toEqual(['佐藤 花子']);
  });

  it('keeps to the allowed transitions and checks a correction request', async () => {
    const id = await idOf(ids.suzuki!);
    const url = `${ADMIN}/submissions/${id}/status`;
    expect((await w.processor.send('POST', url, { status: 'received' })).statusCode).toBe(409);
    const noFields = await w.processor.send('POST', url, { status: 'correction_requested', message: '直してください' });
    expect(noFields.statusCode).toBe(400);
    expect(noFields.data.error.field).toBe('correctionFields');
    const noMessage = await w.processor.send('POST', url, { status: 'correction_requested', correctionFields: ['note'] });
    expect(noMessage.data.error.field).toBe('message');
    const unknown = await w.processor.send('POST', url, { status: 'correction_requested', message: '直してください', correctionFields: ['note', 'nosuch'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.field).toBe('correctionFields[1]');
    const ok = await w.processor.send('POST', url, { status: 'correction_requested', message: '直してください', correctionFields: ['applicant.givenKana', 'note'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await w.processor.send('POST', url, { status: 'completed' })).statusCode).toBe(409);
    const rejected = await w.processor.send('POST', url, { status: 'rejected', message: '対象外です' });
    expect(rejected.data.status).toBe('rejected');
    expect((await w.processor.send('POST', url, { status: 'reviewing' })).data.error.code).toBe('invalid_transition');
    const subjects = (await mailsTo(y.platform, 'suzuki@example.jp')).map((m) => m.subject);
    expect(subjects.at(-1)).toBe(`【徳島市】申請の状況が「却下」になりました（受付番号 ${ids.suzuki}）`);
    const statusAudits = (await auditOf(y.platform, 'applications.submission.status')).filter((a) => a.target_id === id);
    expect(statusAudits.map((a) => a.details.to)).toEqual(['correction_requested', 'rejected']);
  });

  it('assigns to staff of the tenant only and lists the procedure\'s staff', async () => {
    const id = await idOf(ids.tanaka!);
    const assignees = await w.processor.send('GET', `${ADMIN}/assignees?procedureId=${p.shared.procedureId}`);
    expect(assignees.data.items.map((a: { name: string }) => a.name).sort()).toEqual(['子育て 担当', '税務 担当']);
    expect((await w.processor.send('GET', `${ADMIN}/assignees?procedureId=${p.zeimu.procedureId}`)).statusCode).toBe(404);
    const colleagues = await w.processor.send('GET', `${ADMIN}/assignees`);
    expect(colleagues.data.items.map((a: { name: string }) => a.name)).toEqual(['子育て 担当']);
    const bad = await w.processor.send('POST', `${ADMIN}/submissions/${id}/assign`, { staffId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.field).toBe('staffId');
    const ok = await w.processor.send('POST', `${ADMIN}/submissions/${id}/assign`, { staffId: w.outsiderId });
    expect(ok.data.assignee).toEqual({ id: w.outsiderId, name: '税務 担当' });
    const filtered = await w.overseer.send('GET', `${ADMIN}/submissions?assigneeId=${w.outsiderId}`);
    expect(filtered.data.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const none = await w.processor.send('POST', `${ADMIN}/submissions/${id}/assign`, { staffId: null });
    expect(none.data.assignee).toBeNull();
  });

  it('takes a paper application at the counter without identity checks, and counts it apart in the KPIs', async () => {
    const url = `${ADMIN}/procedures/${p.kodomo.procedureId}/counter-submissions`;
    expect((await w.outsider.send('POST', url, { answers: person('高橋', '三郎', 'タカハシ', 'サブロウ') })).statusCode).toBe(403);
    const invalid = await w.processor.send('POST', url, { answers: { course: 'z' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.data.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['applicant', 'course']));
    const res = await w.processor.send('POST', url, { answers: person('高橋', '三郎', 'タカハシ', 'サブロウ'), note: '窓口で受付' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({ status: 'received', email: null });
    const counter = await w.processor.send('GET', `${ADMIN}/submissions?channel=counter`);
    expect(counter.data.items).toEqual([expect.objectContaining({ applicantName: '高橋 三郎', channel: 'counter' })]);
    const detail = await w.processor.send('GET', `${ADMIN}/submissions/${counter.data.items[0].id}`);
    expect(detail.data.history[0]).toMatchObject({ kind: 'received', note: '窓口で受付', actorName: '子育て 担当' });

    const q = { tenantId: w.tenantId, from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) };
    const figures: Record<string, { value: number; parts: unknown[] }> = {};
    await y.platform.inTenant(w.tenantId, async (tx) => {
      for (const k of applicationKpis) figures[k.id] = { value: await k.compute(tx, q), parts: await k.breakdown!(tx, q) };
    });
    expect(figures['applications.submissions']!.value).toBe(4);
    expect(figures['applications.submissions.online']!.value).toBe(3);
    expect(figures['applications.submissions.counter']!.value).toBe(1);
    expect(figures['applications.online_share']!.value).toBe(75);
    expect(figures['applications.online_share']!.parts).toContainEqual({ key: p.kodomo.procedureId, label: { ja: '子育て講座', en: '子育て講座 (en)' }, value: 50 });
    const empty = await y.platform.inTenant(w.tenantId, (tx) => applicationKpis[3]!.compute(tx, { ...q, from: new Date(0), to: new Date(1000) }));
    expect(empty).toBe(0);
  });
});
