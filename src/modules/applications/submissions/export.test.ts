import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { testApp } from '../../../test/app.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { validChildAllowanceAnswers } from '../engine/fixtures.ts';
import { addAttachment, addSubmission, exportWorld, parseCsv, type ExportWorld } from './export-testing.ts';
import { newReceiptNumber } from './receipt.ts';

const UPLOAD = '11111111-2222-4333-8444-555555555555';
const base = (w: ExportWorld) => `/api/admin/applications/procedures/${w.procedureId}`;

describe('submission exports (CSV, JSON)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: ExportWorld;
  const receipts: string[] = [];

  beforeAll(async () => {
    y = await testApp();
    w = await exportWorld(y);
    // Version 1: one submission with a legacy field and one child.
    receipts.push((await addSubmission(y.platform, w, { version: 1, submittedAt: '2024-03-31T15:30:00Z', answers: {
      applicant: { family: '佐藤', given: '一' }, phone: '088-621-5111', legacyCode: 'A-1', children: [{ name: { family: '佐藤', given: '二郎' } }],
    } })).receiptNumber);
    // Version 2: three children, two contact times, a file, text Excel would run as a formula, and 𠮷 (not in CP932).
    const three = validChildAllowanceAnswers(UPLOAD);
    three.contactTimes = ['morning', 'evening'];
    three.children = [...(three.children as object[]), { name: { family: '𠮷田', given: '三郎', familyKana: 'ヨシダ', givenKana: 'サブロウ' }, birthDate: '2020-01-05', relationship: 'other', relationshipOther: '孫', livesTogether: 'no' }] as never;
    three.notes = '=HYPERLINK("http://x")';
    const s2 = await addSubmission(y.platform, w, { version: 2, submittedAt: '2024-04-01T00:00:00Z', status: 'reviewing', answers: three, computed: { childCount: 3, monthlyAmount: 30000 } });
    receipts.push(s2.receiptNumber);
    await addAttachment(y.platform, w, s2.id, UPLOAD, '保険証.pdf');
    receipts.push((await addSubmission(y.platform, w, { version: 2, channel: 'counter', submittedAt: '2024-04-02T01:00:00Z', answers: validChildAllowanceAnswers(UPLOAD) })).receiptNumber);
  });
  afterAll(async () => y?.close());

  it('CSV in UTF-8 with BOM: fixed columns, split names and addresses, groups flattened to the most items, every version', async () => {
    const res = await w.processor.send('GET', `${base(w)}/submissions.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('児童手当 認定請求_申請一覧_')}`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(res.rawPayload.subarray(3).toString('utf8'));
    expect(header!.slice(0, 9)).toEqual(['受付番号', '受付日時', '状態', '受付方法', '様式版', '氏名_姓', '氏名_名', '氏名_セイ', '氏名_メイ']);
    // the field only version 1 had comes right after the field it followed there
    expect(header!.indexOf('旧様式番号')).toBe(header!.indexOf('電話番号') + 1);
    for (const i of [1, 2, 3]) expect(header).toContain(`子ども${i}_お子さんの氏名_姓`);
    expect(header).not.toContain('子ども4_お子さんの氏名_姓');
    expect(header).toEqual(expect.arrayContaining(['住所_都道府県', '住所_市区町村', '住所_町域番地', '住所_建物', '手当月額（概算）']));
    expect(header).not.toContain('添付書類について'); // display text asks nothing
    expect(new Set(header).size).toBe(header!.length);
    expect(rows).toHaveLength(3);
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    const [v1, v2, counter] = rows as [string[], string[], string[]];
    expect(v1.slice(0, 5)).toEqual([`${receipts[0]!.slice(0, 4)}-${receipts[0]!.slice(4)}`, '2024-04-01 00:30:00', '受付', 'オンライン', '1']);
    expect(col(v1, '旧様式番号')).toBe('A-1');
    expect(col(v1, '子ども1_お子さんの氏名_名')).toBe('二郎');
    expect(col(v1, '子ども2_お子さんの氏名_名')).toBe('');
    expect(col(v2, '状態')).toBe('審査中');
    expect(col(v2, '氏名_セイ')).toBe('ヤマダ');
    expect(col(v2, '住所_市区町村')).toBe('松阪市');
    expect(col(v2, '連絡のつきやすい時間帯')).toBe('午前、夕方');
    expect(col(v2, '子ども3_お子さんの氏名_姓')).toBe('𠮷田');
    expect(col(v2, '子ども3_続柄')).toBe('その他');
    expect(col(v2, '子ども3_お子さんの生年月日')).toBe('2020-01-05');
    expect(col(v2, '本人確認書類')).toBe('保険証.pdf');
    expect(col(v2, '同意事項')).toBe('はい');
    expect(col(v2, '備考')).toBe(`'=HYPERLINK("http://x")`);
    expect(col(v2, '手当月額（概算）')).toBe('30000');
    expect(col(counter, '受付方法')).toBe('窓口');
  });

  it('CP932 for older Excel: Windows-31J bytes, 〓 for what it cannot hold; one version only on request', async () => {
    const res = await w.processor.send('GET', `${base(w)}/submissions.csv?encoding=cp932&version=2`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=Windows-31J');
    expect(res.rawPayload.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(iconv.decode(res.rawPayload, 'cp932'));
    expect(header).not.toContain('旧様式番号');
    expect(rows.map((r) => r[4])).toEqual(['2', '2']);
    expect(rows[0]![header!.indexOf('子ども3_お子さんの氏名_姓')]).toBe('〓田');
    expect(rows[0]![header!.indexOf('氏名_姓')]).toBe('山田');
  });

  it('JSON for core systems: field list with group paths, raw answers, computed values', async () => {
    const res = await w.admin.send('GET', `${base(w)}/submissions.json`);
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.procedure).toEqual({ id: w.procedureId, title: '児童手当 認定請求' });
    expect(Date.parse(body.exportedAt)).toBeGreaterThan(0);
    expect(body.fields).toEqual(expect.arrayContaining([
      { path: 'applicant', label: '氏名', type: 'name' },
      { path: 'children', label: 'お子さん', type: 'group' },
      { path: 'children[].birthDate', label: '子ども_お子さんの生年月日', type: 'date' },
      { path: 'legacyCode', label: '旧様式番号', type: 'text' },
    ]));
    expect(body.submissions).toHaveLength(3);
    const second = body.submissions[1];
    expect(second).toMatchObject({ receiptNumber: `${receipts[1]!.slice(0, 4)}-${receipts[1]!.slice(4)}`, submittedAt: '2024-04-01T00:00:00.000Z', status: 'reviewing', channel: 'online', version: 2, computed: { childCount: 3, monthlyAmount: 30000 } });
    expect(second.answers.contactTimes).toEqual(['morning', 'evening']);
    expect(second.answers.children[2].name.family).toBe('𠮷田');
  });

  it('only staff who may process the procedure export it; each export is audited with its count', async () => {
    expect((await w.outsider.send('GET', `${base(w)}/submissions.csv`)).statusCode).toBe(404); // another department's procedure
    expect((await w.plain.send('GET', `${base(w)}/submissions.json`)).statusCode).toBe(403);
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima${base(w)}/submissions.csv` })).statusCode).toBe(401);
    expect((await w.admin.send('GET', '/api/admin/applications/procedures/00000000-0000-4000-8000-000000000000/submissions.csv')).statusCode).toBe(404);
    const bad = await w.admin.send('GET', `${base(w)}/submissions.csv?encoding=sjis`);
    expect(bad.statusCode).toBe(400);
    const audit = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ action: string; details: { format: string; count: number }; personal_data: boolean }>(tx,
      sql`select action, details, personal_data from audit_log where target_id = ${w.procedureId} order by seq`));
    expect(audit.filter((a) => a.action === 'applications.submission.export').map((a) => [a.details.format, a.details.count, a.personal_data]))
      .toEqual([['csv', 3, true], ['csv', 2, true], ['json', 3, true]]);
  });

  it('pages through many submissions (keyset, 500 a page) without losing or repeating one, even with equal times', async () => {
    const at = '2024-05-01T00:00:00.123456Z';
    const answers = JSON.stringify({ applicant: { family: '大量', given: '太郎' } });
    const values = Array.from({ length: 1201 }, () => sql`(${w.tenantId}::uuid, ${newReceiptNumber()}, ${w.procedureId}::uuid, ${w.versionIds.v2}::uuid, ${answers}::jsonb, ${at}::timestamptz)`);
    await y.platform.inTenant(w.tenantId, (tx) => txRows(tx, sql`insert into applications_submissions (tenant_id, receipt_number, procedure_id, version_id, answers, submitted_at)
      values ${sql.join(values, sql`, `)} on conflict do nothing`));
    const [{ n }] = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ n: number }>(tx, sql`select count(*)::int as n from applications_submissions`)) as [{ n: number }];
    const res = await w.processor.send('GET', `${base(w)}/submissions.csv?version=2`);
    const rows = parseCsv(res.rawPayload.subarray(3).toString('utf8')).slice(1);
    expect(res.headers['x-export-count']).toBe(String(n - 1));
    expect(rows).toHaveLength(n - 1);
    expect(new Set(rows.map((r) => r[0])).size).toBe(n - 1);
  });
});
