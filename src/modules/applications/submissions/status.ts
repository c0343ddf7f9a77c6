import type { Tx } from '../../../core/db/connection.ts';
import { AppError } from '../../../core/http/errors.ts';
import { actorRef, type SubmissionContext } from './context.ts';
import { isFormPath } from './answers.ts';
import { statusLabel, sendStaffMessage, sendStatusChanged, type MailSubject } from './emails.ts';
import { insertEvent } from './events-repo.ts';
import { findStaff, type InboxRow } from './inbox-repo.ts';
import { detailOf, loadForStaff, visibilityOf } from './inbox.ts';
import type { SubmissionDetailView } from './presenter.ts';
import { findProcedureForSubmit, findVersion, procedureTitle } from './procedure-access.ts';
import * as repo from './repo.ts';

/**
 * Where staff may move a submission from each status. 補正依頼 goes back to 審査中 when the applicant
 * corrects (or when staff withdraw the request); 完了 and 却下 are final.
 */
export const TRANSITIONS: Record<repo.SubmissionStatus, repo.SubmissionStatus[]> = {
  received: ['reviewing', 'correction_requested', 'completed', 'rejected'],
  reviewing: ['correction_requested', 'completed', 'rejected'],
  correction_requested: ['reviewing', 'rejected'],
  completed: [],
  rejected: [],
};

/** A status change staff ask for. */
export interface StatusChange {
  status: repo.SubmissionStatus;
  note?: string;
  message?: string;
  correctionFields?: string[];
}

/** The mail header of a submission (procedure title in the submission's language). */
export async function mailSubjectOf(tx: Tx, ctx: SubmissionContext, row: repo.SubmissionRow): Promise<MailSubject> {
  const p = await findProcedureForSubmit(tx, row.procedure_id, { withDefinition: false });
  return { tenant: ctx.tenant, to: row.email, lang: row.lang, receiptNumber: row.receipt_number, procedureTitle: p ? procedureTitle(p, row.lang) : '' };
}

const blank = (s: string | undefined) => !s || !s.trim();

async function checkCorrection(tx: Tx, row: repo.SubmissionRow, change: StatusChange): Promise<repo.Correction> {
  if (blank(change.message)) throw new AppError(400, 'invalid', 'applications.submission.correction_message_required', {}, 'message');
  const fields = [...new Set((change.correctionFields ?? []).map((f) => f.trim()).filter(Boolean))];
  if (fields.length === 0) throw new AppError(400, 'invalid', 'applications.submission.correction_fields_required', {}, 'correctionFields');
  const { definition } = (await findVersion(tx, row.version_id))!;
  const bad = fields.findIndex((f) => !isFormPath(definition, f));
  if (bad >= 0) throw new AppError(400, 'invalid', 'applications.submission.unknown_field', { path: fields[bad] }, `correctionFields[${bad}]`);
  return { message: change.message!.trim(), fields };
}

/** Moves a submission to another status with a note (internal) and a message (to the applicant, emailed). */
export async function changeStatus(ctx: SubmissionContext, id: string, change: StatusChange): Promise<SubmissionDetailView> {
  visibilityOf(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await loadForStaff(tx, ctx.actor, id, { lock: true });
    if (!TRANSITIONS[row.status].includes(change.status)) {
      throw new AppError(409, 'invalid_transition', 'applications.submission.invalid_transition',
        { from: statusLabel(ctx.lang, row.status), to: statusLabel(ctx.lang, change.status) }, 'status');
    }
    const correction = change.status === 'correction_requested' ? await checkCorrection(tx, row, change) : undefined;
    const message = blank(change.message) ? null : change.message!.trim();
    await repo.updateStatus(tx, id, change.status, correction);
    await insertEvent(tx, {
      tenantId: ctx.tenant.id, submissionId: id, kind: 'status', actor: actorRef(ctx.actor), fromStatus: row.status, toStatus: change.status,
      note: blank(change.note) ? null : change.note!.trim(), message, visibleToApplicant: true, details: correction ? { fields: correction.fields } : {},
    });
    await sendStatusChanged(tx, ctx.platform, await mailSubjectOf(tx, ctx, row), change.status, message);
    await ctx.platform.events.publish(tx, ctx.tenant.id, 'applications.status_changed', { id, procedureId: row.procedure_id, from: row.status, to: change.status });
    await ctx.platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: 'applications.submission.status', targetType: 'applications.submission',
      targetId: id, personalData: true, ip: ctx.ip, details: { from: row.status, to: change.status, ...(correction ? { fields: correction.fields } : {}) },
    });
    return detailOf(tx, await loadForStaff(tx, ctx.actor, id));
  });
}

/** Assigns a submission to a staff member of the tenant, or to nobody. */
export async function assign(ctx: SubmissionContext, id: string, staffId: string | null): Promise<SubmissionDetailView> {
  visibilityOf(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row: InboxRow = await loadForStaff(tx, ctx.actor, id, { lock: true });
    const staff = staffId ? await findStaff(tx, staffId) : null;
    if (staffId && !staff) throw new AppError(400, 'invalid', 'applications.submission.staff_unknown', {}, 'staffId');
    await repo.setAssignee(tx, id, staffId);
    await insertEvent(tx, {
      // The new assignee's name goes in the note, so the history reads 「担当: 〇〇」 without a lookup (null: nobody).
      tenantId: ctx.tenant.id, submissionId: id, kind: 'assigned', actor: actorRef(ctx.actor), visibleToApplicant: false, note: staff?.name ?? null,
      details: { from: row.assignee_id, to: staffId },
    });
    await ctx.platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: 'applications.submission.assign', targetType: 'applications.submission',
      targetId: id, ip: ctx.ip, details: { from: row.assignee_id, to: staffId },
    });
    return detailOf(tx, await loadForStaff(tx, ctx.actor, id));
  });
}

/** Sends the applicant a message (shown on the status page and emailed). */
export async function messageApplicant(ctx: SubmissionContext, id: string, message: string): Promise<SubmissionDetailView> {
  visibilityOf(ctx.actor);
  if (blank(message)) throw new AppError(400, 'invalid', 'error.field_required', { field: 'message' }, 'message');
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await loadForStaff(tx, ctx.actor, id, { lock: true });
    await insertEvent(tx, { tenantId: ctx.tenant.id, submissionId: id, kind: 'message', actor: actorRef(ctx.actor), message: message.trim(), visibleToApplicant: true });
    await repo.touch(tx, id);
    await sendStaffMessage(tx, ctx.platform, await mailSubjectOf(tx, ctx, row), message.trim());
    await ctx.platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: 'applications.submission.message', targetType: 'applications.submission',
      targetId: id, personalData: true, ip: ctx.ip,
    });
    return detailOf(tx, await loadForStaff(tx, ctx.actor, id));
  });
}
