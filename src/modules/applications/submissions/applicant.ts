import type { Tx } from '../../../core/db/connection.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { answerAt, setAnswerAt } from '../engine/index.ts';
import type { Answers, FormLang } from '../engine/types.ts';
import { actorRef, type SubmissionContext } from './context.ts';
import { checkAccessToken, issueAccessToken } from './access-token.ts';
import { applicantNameOf, asAnswers, searchTextOf } from './answers.ts';
import { computeValues } from '../engine/index.ts';
import { sendCorrected, sendStaffCorrected } from './emails.ts';
import { insertEvent, listEvents } from './events-repo.ts';
import { findStaff } from './inbox-repo.ts';
import { presentCitizen } from './presenter.ts';
import { findProcedureForSubmit, findVersion, procedureTitle } from './procedure-access.ts';
import { parseReceiptNumber } from './receipt.ts';
import * as repo from './repo.ts';
import { mailSubjectOf } from './status.ts';
import { checkAnswers } from './submit.ts';
import { attachUploads, listAttachments } from './uploads-repo.ts';

/** The applicant's view of a submission, in a content language. */
async function citizenView(tx: Tx, row: repo.SubmissionRow, lang: string) {
  const p = await findProcedureForSubmit(tx, row.procedure_id, { withDefinition: false });
  const version = (await findVersion(tx, row.version_id))!;
  return presentCitizen(row, p ? procedureTitle(p, lang) : '', version.definition, await listEvents(tx, row.id, { applicantOnly: true }), await listAttachments(tx, row.id));
}

async function audit(tx: Tx, ctx: SubmissionContext, action: string, row: repo.SubmissionRow, details: Record<string, unknown> = {}) {
  await ctx.platform.audit.record(tx, {
    tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action, targetType: 'applications.submission', targetId: row.id,
    personalData: true, ip: ctx.ip, details: { receiptNumber: row.receipt_number, ...details },
  });
}

/** Finds a submission by receipt number and email (both must match; 404 alike otherwise) and hands out a 1-hour access token. */
export async function lookup(ctx: SubmissionContext, input: { receiptNumber: string; email: string }, lang: string) {
  const bare = parseReceiptNumber(input.receiptNumber);
  const email = String(input.email ?? '').normalize('NFKC').trim().toLowerCase();
  if (!bare || !email) throw notFound();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await repo.findByReceipt(tx, bare);
    if (!row || !row.email || row.email !== email) throw notFound();
    await audit(tx, ctx, 'applications.submission.lookup', row);
    return { accessToken: issueAccessToken(ctx.platform.config.secretKey, ctx.tenant.id, bare), submission: await citizenView(tx, row, lang) };
  });
}

/** The submission if the caller holds a valid access token for it or is its signed-in applicant; 404 otherwise. */
async function loadForApplicant(tx: Tx, ctx: SubmissionContext, receipt: string, token: string | undefined, opts: { lock?: boolean } = {}) {
  const bare = parseReceiptNumber(receipt);
  if (!bare) throw notFound();
  const row = await repo.findByReceipt(tx, bare, opts);
  if (!row) throw notFound();
  const owner = ctx.actor.kind === 'citizen' && ctx.actor.id !== null && row.citizen_id === ctx.actor.id;
  if (!owner && !checkAccessToken(ctx.platform.config.secretKey, ctx.tenant.id, bare, token)) throw notFound();
  return row;
}

/** The status page: the submission as its applicant sees it (read audited). */
export async function getForApplicant(ctx: SubmissionContext, receipt: string, token: string | undefined, lang: string) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await loadForApplicant(tx, ctx, receipt, token);
    await audit(tx, ctx, 'applications.submission.read_by_applicant', row);
    return citizenView(tx, row, lang);
  });
}

/**
 * The applicant's correction: only the paths staff asked for take the new answers (anything else sent
 * is ignored), the result is checked on those paths, the status goes back to 審査中 and both the
 * applicant and the assigned staff member are told.
 */
export async function correct(ctx: SubmissionContext, receipt: string, token: string | undefined, input: { answers: unknown; message?: string }, lang: string) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await loadForApplicant(tx, ctx, receipt, token, { lock: true });
    if (row.status !== 'correction_requested' || !row.correction) throw new AppError(409, 'not_correctable', 'applications.submission.not_correctable', {}, 'status');
    const fields = row.correction.fields;
    const incoming = asAnswers(input.answers);
    let merged: Answers = row.answers;
    for (const path of fields) merged = setAnswerAt(merged, path, answerAt(incoming, path) ?? null);
    const { definition } = (await findVersion(tx, row.version_id))!;
    const known = (await listAttachments(tx, row.id)).map((a) => ({ id: a.id, contentType: a.content_type, size: a.size, filename: a.filename }));
    const checked = await checkAnswers(tx, definition, row.procedure_id, merged, lang as FormLang, { known, only: fields });
    await attachUploads(tx, row.id, checked.refs.filter((r) => checked.newUploadIds.includes(r.id)));
    const changed = fields.filter((f) => JSON.stringify(answerAt(row.answers, f) ?? null) !== JSON.stringify(answerAt(checked.answers, f) ?? null));
    const applicantName = applicantNameOf(definition, checked.answers);
    await repo.updateAnswers(tx, row.id, {
      answers: checked.answers, computed: computeValues(definition, checked.answers), applicantName, status: 'reviewing',
      searchText: searchTextOf(definition, { receiptNumber: row.receipt_number, applicantName, email: row.email, answers: checked.answers }),
    });
    const message = input.message?.trim() || null;
    await insertEvent(tx, {
      tenantId: ctx.tenant.id, submissionId: row.id, kind: 'correction', actor: actorRef(ctx.actor), fromStatus: row.status, toStatus: 'reviewing',
      message, visibleToApplicant: true, details: { fields, changed },
    });
    const mail = await mailSubjectOf(tx, ctx, row);
    await sendCorrected(tx, ctx.platform, mail);
    const assignee = row.assignee_id ? await findStaff(tx, row.assignee_id) : undefined;
    if (assignee) await sendStaffCorrected(tx, ctx.platform, ctx.tenant, assignee.email, { id: row.id, receiptNumber: row.receipt_number, procedureTitle: mail.procedureTitle });
    await audit(tx, ctx, 'applications.submission.correct', row, { fields, changed });
    return citizenView(tx, (await repo.findById(tx, row.id))!, lang);
  });
}

/** The signed-in citizen's submissions. */
export async function mySubmissions(ctx: SubmissionContext, lang: string) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const rows = await repo.listByCitizen(tx, ctx.actor.id!);
    return {
      items: rows.map((r) => ({
        receiptNumber: `${r.receipt_number.slice(0, 4)}-${r.receipt_number.slice(4)}`,
        procedureTitle: procedureTitle({ titleJa: r.title_ja, titleEn: r.title_en, titleEasy: r.title_easy }, lang),
        status: r.status, submittedAt: r.submitted_at.toISOString(),
      })),
    };
  });
}
