import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { testApp } from '../../../test/app.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { childAllowanceForm, validChildAllowanceAnswers } from '../engine/fixtures.ts';
import { addAttachment, addEvent, addSubmission, exportWorld, type ExportWorld } from './export-testing.ts';
import { PdfFontMissing, pdfFonts } from './pdf-font.ts';
import { renderPdf } from './pdf-render.ts';
import { submissionPdfContent } from './pdf-content.ts';

const UPLOAD = '99999999-2222-4333-8444-555555555555';
const SYSTEM_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** The text of every page, extracted by PDF.js (a real parser: it reads the embedded font's ToUnicode map). */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  let text = '';
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text };
}

describe('printable PDF of a submission', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: ExportWorld;
  let submission: { id: string; receiptNumber: string };

  beforeAll(async () => {
    y = await testApp();
    w = await exportWorld(y);
    const answers = validChildAllowanceAnswers(UPLOAD);
    answers.notes = '平日の日中は仕事のため、夕方以降に連絡をお願いします。';
    submission = await addSubmission(y.platform, w, { version: 2, submittedAt: '2024-04-01T00:30:00Z', status: 'reviewing', email: 'taro.yamada@example.jp', answers, computed: { childCount: 2, monthlyAmount: 20000 } });
    await addAttachment(y.platform, w, submission.id, UPLOAD, '健康保険証の写し.pdf');
    await addEvent(y.platform, w, submission.id, { kind: 'received', toStatus: 'received' });
    await addEvent(y.platform, w, submission.id, { kind: 'status', toStatus: 'reviewing', note: '書類を確認中', actorId: w.processorId });
  });
  afterAll(async () => y?.close());

  it('is an A4 PDF in Japanese with the receipt number, dates in 和暦, every visible answer, attachments and history', async () => {
    const res = await w.processor.send('GET', `/api/admin/applications/submissions/${submission.id}/pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; /);
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(1024 * 1024); // the font is subset: only the glyphs used are embedded
    const { text } = await pdfText(bytes);
    const receipt = `${submission.receiptNumber.slice(0, 4)}-${submission.receiptNumber.slice(4)}`;
    for (const expected of [
      '徳島市', '児童手当 認定請求', '受付番号', receipt, '令和6年4月1日 09:30', '審査中',
      '山田 太郎（ヤマダ タロウ）', '三重県松阪市殿町1340-1', '昭和60年4月12日', // applicant, address, birth date in 和暦
      '子ども 1', '山田 花子（ヤマダ ハナコ）', '子ども 2', '山田 一郎', // group items numbered
      '振込先口座', '20,000円', '健康保険証の写し.pdf', '夕方以降に連絡', '処理履歴', '書類を確認中', '子育て 担当',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('配偶者の氏名'); // the spouse page was skipped by the answers
    const audit = await y.platform.inTenant(w.tenantId, (tx) => txRows<{ action: string; personal_data: boolean }>(tx,
      sql`select action, personal_data from audit_log where target_id = ${submission.id}`));
    expect(audit).toEqual([{ action: 'applications.submission.print', personal_data: true }]);
  });

  it('is only for staff who may process the procedure', async () => {
    const url = `/api/admin/applications/submissions/${submission.id}/pdf`;
    expect((await w.outsider.send('GET', url)).statusCode).toBe(404);
    expect((await w.plain.send('GET', url)).statusCode).toBe(403);
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima${url}` })).statusCode).toBe(401);
    expect((await w.processor.send('GET', '/api/admin/applications/submissions/00000000-0000-4000-8000-000000000000/pdf')).statusCode).toBe(404);
  });
});

describe('PDF fonts', () => {
  const saved = { font: process.env.PDF_FONT, bold: process.env.PDF_FONT_BOLD };
  afterEach(() => {
    for (const [k, v] of [['PDF_FONT', saved.font], ['PDF_FONT_BOLD', saved.bold]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('defaults to the packaged Noto Sans JP and names PDF_FONT when the file set there is missing', () => {
    delete process.env.PDF_FONT;
    expect(pdfFonts().regular.path).toMatch(/NotoSansJP_400Regular\.ttf$/);
    process.env.PDF_FONT = '/nonexistent/font.ttf';
    expect(() => pdfFonts()).toThrow(PdfFontMissing);
    expect(() => pdfFonts()).toThrow(/PDF_FONT=\/nonexistent\/font\.ttf/);
  });

  it.skipIf(!existsSync(SYSTEM_TTC))('embeds a face of a system collection named by PDF_FONT (Debian fonts-noto-cjk)', async () => {
    process.env.PDF_FONT = `${SYSTEM_TTC}#NotoSansCJKjp-Regular`;
    const pdf = await renderPdf(submissionPdfContent({
      cityName: '松阪市', procedureTitle: '児童手当 認定請求', receiptNumber: 'ABCD-2345', status: 'received', channel: 'counter', version: 1, email: null,
      submittedAt: new Date('2019-05-01T03:00:00Z'), updatedAt: new Date('2019-05-01T03:00:00Z'), definition: childAllowanceForm,
      answers: validChildAllowanceAnswers(UPLOAD), computed: {}, attachments: [], history: [], printedAt: new Date(),
    }));
    expect(pdf.subarray(0, 200).toString('latin1')).toMatch(/^%PDF-/);
    const { text } = await pdfText(pdf);
    expect(text).toContain('令和元年5月1日 12:00');
    expect(text).toContain('窓口');
    expect(pdf.toString('latin1')).toMatch(/NotoSansCJKjp-Regular/);
  });
});
