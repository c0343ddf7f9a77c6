/**
 * Bulk exports (CSV, JSON) of a procedure's submissions and the printable PDF of one submission:
 * access checks, audit entries, and rows read in keyset pages of 500, each page in its own short
 * transaction, so an export of 100 000 submissions never holds them all in memory nor a transaction open.
 */
import { AppError, notFound } from '../../../core/http/errors.ts';
import { canProcess } from '../policy.ts';
import type { FormDefinition } from '../engine/types.ts';
import { actorRef, type SubmissionContext } from './context.ts';
import { detailOf, loadForStaff, visibilityOf } from './inbox.ts';
import { findProcedureForSubmit } from './procedure-access.ts';
import { csvColumns, fieldList, groupPaths, mergeComputed, mergeFields, type CsvColumnPlan, type ExportSubmission } from './export-columns.ts';
import * as repo from './export-repo.ts';
import { submissionPdfContent } from './pdf-content.ts';
import { renderPdf } from './pdf-render.ts';
import { PdfFontMissing } from './pdf-font.ts';

/** Rows per page (and per transaction). */
export const PAGE_SIZE = 500;

/** An export ready to stream: what it covers, its columns and its pages. */
export interface OpenExport {
  procedure: { id: string; title: string };
  count: number;
  columns: CsvColumnPlan[];
  fields: { path: string; label: string; type: string }[];
  /** The submissions in the order they arrived, a page at a time. */
  pages(): AsyncGenerator<ExportSubmission[]>;
}

/**
 * Checks that the actor may process the procedure, works out the columns over the form versions in
 * the export (every version with submissions, or only `version`), and audits the export with its count.
 */
export async function openExport(ctx: SubmissionContext, procedureId: string, opts: { format: 'csv' | 'json'; version?: number }): Promise<OpenExport> {
  const { platform, actor } = ctx;
  const tenantId = ctx.tenant.id;
  visibilityOf(actor); // 401/403 for those who may process nothing
  const prepared = await platform.inTenant(tenantId, async (tx) => {
    const procedure = await findProcedureForSubmit(tx, procedureId);
    // a procedure of another department answers as if it did not exist, as the inbox does
    if (!procedure || !canProcess(actor, procedure)) throw notFound();
    const versions = await repo.versionsWithSubmissions(tx, procedureId, opts.version);
    const scope: repo.ExportScope = { procedureId, versionIds: versions.map((v) => v.id) };
    // With nothing to export the header still shows the current form's columns.
    const definitions: FormDefinition[] = versions.length ? versions.map((v) => v.definition) : procedure.definition ? [procedure.definition] : [];
    const plan = mergeFields(definitions);
    const maxItems = new Map<string, number>();
    for (const g of groupPaths(plan)) maxItems.set(g.path, await repo.maxGroupItems(tx, scope, g.jsonPath));
    const count = await repo.countInScope(tx, scope);
    await platform.audit.record(tx, {
      tenantId, actor: actorRef(actor), action: 'applications.submission.export', targetType: 'applications.procedure', targetId: procedureId,
      personalData: true, ip: ctx.ip, details: { format: opts.format, count, version: opts.version ?? null },
    });
    return { procedure, scope, plan, computed: mergeComputed(definitions), maxItems, count };
  });
  const { scope } = prepared;
  return {
    procedure: { id: prepared.procedure.id, title: prepared.procedure.titleJa },
    count: prepared.count,
    columns: csvColumns(prepared.plan, prepared.computed, prepared.maxItems),
    fields: fieldList(prepared.plan),
    async *pages() {
      let cursor: repo.ExportCursor | null = null;
      do {
        const after: repo.ExportCursor | null = cursor;
        const page: { rows: ExportSubmission[]; next: repo.ExportCursor | null } = await platform.inTenant(tenantId, (tx) => repo.exportPage(tx, scope, after, PAGE_SIZE));
        if (page.rows.length) yield page.rows;
        cursor = page.next;
      } while (cursor);
    },
  };
}

/** The printable PDF of one submission (audited as a read of personal data); 404 for one the actor may not process. */
export async function submissionPdf(ctx: SubmissionContext, submissionId: string): Promise<{ pdf: Buffer; receiptNumber: string }> {
  const { platform, actor } = ctx;
  visibilityOf(actor);
  const detail = await platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await loadForStaff(tx, actor, submissionId);
    await platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(actor), action: 'applications.submission.print', targetType: 'applications.submission',
      targetId: row.id, personalData: true, ip: ctx.ip, details: { receiptNumber: row.receipt_number },
    });
    return detailOf(tx, row);
  });
  const printable = {
    ...detail, cityName: ctx.tenant.nameJa, submittedAt: new Date(detail.submittedAt), updatedAt: new Date(detail.updatedAt), printedAt: new Date(),
    history: detail.history.map((h) => ({ ...h, at: new Date(h.at) })),
  };
  try {
    return { pdf: await renderPdf(submissionPdfContent(printable)), receiptNumber: detail.receiptNumber };
  } catch (err) {
    if (err instanceof PdfFontMissing) {
      platform.log.error({ err }, err.message);
      throw new AppError(503, 'pdf_font_missing', 'applications.submission.pdf_font_missing');
    }
    throw err;
  }
}
