import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/** An attachment (upload) as stored. */
export interface AttachmentRow {
  id: string;
  file_id: string;
  procedure_id: string;
  submission_id: string | null;
  field_path: string | null;
  filename: string;
  content_type: string;
  size: number;
  created_at: Date;
}

const norm = (r: AttachmentRow): AttachmentRow => ({ ...r, size: Number(r.size), created_at: new Date(r.created_at) });
const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** How long an upload waits for a submission to name it before it is deleted. */
export const UPLOAD_TTL_HOURS = 24;

/** Records an upload of a procedure (not yet attached to a submission). */
export async function insertAttachment(tx: Tx, a: { tenantId: string; id: string; fileId: string; procedureId: string; filename: string; contentType: string; size: number }): Promise<void> {
  await txRows(tx, sql`insert into applications_attachments (tenant_id, id, file_id, procedure_id, filename, content_type, size)
    values (${a.tenantId}, ${a.id}::uuid, ${a.fileId}::uuid, ${a.procedureId}::uuid, ${a.filename}, ${a.contentType}, ${a.size})`);
}

/** Uploads among `ids` that a new submission of the procedure may use: unattached and recent. */
export async function usableUploads(tx: Tx, procedureId: string, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await txRows<AttachmentRow>(tx, sql`select id, file_id, procedure_id, submission_id, field_path, filename, content_type, size, created_at
    from applications_attachments where id in (${uuidList(ids)}) and procedure_id = ${procedureId}::uuid and submission_id is null
      and created_at > now() - make_interval(hours => ${UPLOAD_TTL_HOURS})`);
  return rows.map(norm);
}

/**
 * Attaches uploads to a submission; returns the ids it took. An upload another transaction attached
 * meanwhile is not taken (the row lock makes the second wait, then see it attached).
 */
export async function attachUploads(tx: Tx, submissionId: string, items: { id: string; fieldPath: string }[]): Promise<string[]> {
  if (items.length === 0) return [];
  const values = sql.join(items.map((i) => sql`(${i.id}::uuid, ${i.fieldPath})`), sql`, `);
  const rows = await txRows<{ id: string }>(tx, sql`update applications_attachments a set submission_id = ${submissionId}::uuid, field_path = v.path
    from (values ${values}) as v(id, path) where a.id = v.id and a.submission_id is null returning a.id`);
  return rows.map((r) => r.id);
}

/** The attachments of a submission, in the order they were uploaded. */
export async function listAttachments(tx: Tx, submissionId: string): Promise<AttachmentRow[]> {
  const rows = await txRows<AttachmentRow>(tx, sql`select id, file_id, procedure_id, submission_id, field_path, filename, content_type, size, created_at
    from applications_attachments where submission_id = ${submissionId}::uuid order by created_at, id`);
  return rows.map(norm);
}

/** One attachment of a submission. */
export async function findAttachment(tx: Tx, submissionId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await txRows<AttachmentRow>(tx, sql`select id, file_id, procedure_id, submission_id, field_path, filename, content_type, size, created_at
    from applications_attachments where submission_id = ${submissionId}::uuid and id = ${id}::uuid`);
  return row ? norm(row) : undefined;
}
