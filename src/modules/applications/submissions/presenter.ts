import type { FormDefinition } from '../engine/types.ts';
import type { EventRow } from './events-repo.ts';
import type { InboxRow } from './inbox-repo.ts';
import { formatReceiptNumber } from './receipt.ts';
import type { SubmissionRow, SubmissionStatus } from './repo.ts';
import type { AttachmentRow } from './uploads-repo.ts';

/** The receipt shown after submitting (and on a retry with the same key). */
export function presentReceipt(row: SubmissionRow, procedureTitle: string) {
  return {
    receiptNumber: formatReceiptNumber(row.receipt_number),
    procedureTitle,
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    email: row.email,
  };
}

/** The applicant's view: status, the history and messages meant for them, the answers (with their files) and the form they were made on. */
export function presentCitizen(row: SubmissionRow, procedureTitle: string, definition: FormDefinition, events: EventRow[], attachments: AttachmentRow[]) {
  const visible = events.filter((e) => e.visible_to_applicant);
  return {
    receiptNumber: formatReceiptNumber(row.receipt_number),
    procedureId: row.procedure_id,
    procedureTitle,
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    history: visible.filter((e) => e.to_status && (e.kind === 'received' || e.kind === 'status' || e.kind === 'correction'))
      .map((e) => ({ status: e.to_status as SubmissionStatus, at: e.at.toISOString(), message: e.kind === 'status' ? e.message : null })),
    messages: visible.filter((e) => e.message && (e.kind === 'message' || e.kind === 'reply' || e.kind === 'correction'))
      .map((e) => ({ at: e.at.toISOString(), from: (e.actor_kind === 'staff' ? 'staff' : 'applicant') as 'staff' | 'applicant', text: e.message! })),
    correction: row.status === 'correction_requested' ? row.correction : null,
    definition,
    answers: row.answers,
    computed: row.computed,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size })),
  };
}

/** A line of the staff inbox. */
export function presentSummary(r: InboxRow) {
  return {
    id: r.id,
    receiptNumber: formatReceiptNumber(r.receipt_number),
    procedureId: r.procedure_id,
    procedureTitle: r.procedure_title,
    departmentId: r.department_id,
    status: r.status,
    channel: r.channel,
    applicantName: r.applicant_name,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    submittedAt: new Date(r.submitted_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Everything staff see of one submission (internal notes included). */
export function presentDetail(r: InboxRow & SubmissionRow, v: { version: number; definition: FormDefinition }, events: EventRow[], attachments: AttachmentRow[]) {
  return {
    ...presentSummary(r),
    email: r.email,
    lang: r.lang,
    versionId: r.version_id,
    version: v.version,
    definition: v.definition,
    answers: r.answers,
    computed: r.computed,
    history: events.map((e) => ({
      at: e.at.toISOString(), kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, message: e.message, actorName: e.actor_name,
    })),
    attachments: attachments.map((a) => ({ id: a.id, fieldPath: a.field_path, filename: a.filename, contentType: a.content_type, size: a.size })),
    correction: r.correction,
  };
}

/** A detail as returned to staff. */
export type SubmissionDetailView = ReturnType<typeof presentDetail>;
