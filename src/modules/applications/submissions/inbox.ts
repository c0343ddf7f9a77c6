import type { Tx } from '../../../core/db/connection.ts';
import type { Actor } from '../../../core/platform.ts';
import { can } from '../../../core/auth/access.ts';
import { forbidden, notFound, unauthenticated } from '../../../core/http/errors.ts';
import { PROCESS, PROCESS_ALL, canProcess } from '../policy.ts';
import { actorRef, type SubmissionContext } from './context.ts';
import { listEvents } from './events-repo.ts';
import { assigneesOf, findVisible, listInbox, staffOf, type InboxFilter, type InboxRow, type Visibility } from './inbox-repo.ts';
import { presentDetail, presentSummary, type SubmissionDetailView } from './presenter.ts';
import { findProcedureForSubmit, findVersion } from './procedure-access.ts';
import type { SubmissionRow } from './repo.ts';
import { findAttachment, listAttachments } from './uploads-repo.ts';

/** Which submissions the actor may process; 401/403 for those who may process none. */
export function visibilityOf(actor: Actor): Visibility {
  if (can(actor, PROCESS_ALL)) return { all: true, departmentIds: [] };
  if (can(actor, PROCESS)) return { all: false, departmentIds: actor.departmentIds };
  throw actor.kind === 'anonymous' ? unauthenticated() : forbidden();
}

/** The inbox: submissions of procedures the actor may process, filtered and searched. The read is audited once per call. */
export async function listSubmissions(ctx: SubmissionContext, f: InboxFilter) {
  const visibility = visibilityOf(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const { rows, total } = await listInbox(tx, visibility, f);
    await ctx.platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: 'applications.submission.list', targetType: 'applications.submission',
      personalData: true, ip: ctx.ip, details: { filter: f, count: rows.length, ids: rows.map((r) => r.id) },
    });
    return { items: rows.map(presentSummary), total };
  });
}

/** A visible submission, locked when asked; 404 for one the actor may not process (its existence is not revealed). */
export async function loadForStaff(tx: Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<InboxRow & SubmissionRow> {
  const row = await findVisible(tx, visibilityOf(actor), id, opts);
  if (!row) throw notFound();
  return row;
}

/** The detail of a loaded submission: its form version, history and attachments. */
export async function detailOf(tx: Tx, row: InboxRow & SubmissionRow): Promise<SubmissionDetailView> {
  const version = (await findVersion(tx, row.version_id))!;
  return presentDetail(row, version, await listEvents(tx, row.id), await listAttachments(tx, row.id));
}

/** One submission for staff, with the read audited (personal data). */
export async function getSubmission(ctx: SubmissionContext, id: string): Promise<SubmissionDetailView> {
  visibilityOf(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await loadForStaff(tx, ctx.actor, id);
    await ctx.platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: 'applications.submission.read', targetType: 'applications.submission',
      targetId: id, personalData: true, ip: ctx.ip, details: { receiptNumber: row.receipt_number },
    });
    return detailOf(tx, row);
  });
}

/** An attachment's bytes for staff, with the download audited. */
export async function downloadAttachment(ctx: SubmissionContext, id: string, attachmentId: string) {
  visibilityOf(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    await loadForStaff(tx, ctx.actor, id);
    const a = await findAttachment(tx, id, attachmentId);
    if (!a) throw notFound();
    const { data } = await ctx.platform.files.read(tx, a.file_id);
    await ctx.platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: 'applications.attachment.read', targetType: 'applications.submission',
      targetId: id, personalData: true, ip: ctx.ip, details: { attachmentId, filename: a.filename },
    });
    return { filename: a.filename, contentType: a.content_type, data };
  });
}

/**
 * Staff a submission of the procedure may be assigned to (its owning and shared departments); without
 * a procedure, the staff of the actor's departments (everyone for PROCESS_ALL), for the inbox filter.
 */
export async function listAssignees(ctx: SubmissionContext, procedureId?: string) {
  const visibility = visibilityOf(ctx.actor);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    if (!procedureId) return { items: await staffOf(tx, visibility) };
    const p = await findProcedureForSubmit(tx, procedureId, { withDefinition: false });
    if (!p || !canProcess(ctx.actor, p)) throw notFound();
    return { items: await assigneesOf(tx, procedureId) };
  });
}
