import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Answers } from '../engine/types.ts';

/** Statuses of a submission: 受付, 審査中, 補正依頼, 完了, 却下. */
export type SubmissionStatus = 'received' | 'reviewing' | 'correction_requested' | 'completed' | 'rejected';
/** How a submission arrived: online by the applicant, or entered at the counter by staff from paper. */
export type Channel = 'online' | 'counter';
/** A requested correction: the staff's message and the answer paths the applicant may change. */
export interface Correction {
  message: string;
  fields: string[];
}

/** A submission as stored. */
export interface SubmissionRow {
  id: string;
  tenant_id: string;
  receipt_number: string;
  status: SubmissionStatus;
  channel: Channel;
  procedure_id: string;
  version_id: string;
  department_id: string | null;
  citizen_id: string | null;
  email: string | null;
  applicant_name: string;
  lang: string;
  answers: Answers;
  computed: Record<string, number | string | null>;
  idempotency_key: string | null;
  request_hash: string | null;
  assignee_id: string | null;
  correction: Correction | null;
  entered_by: string | null;
  submitted_at: Date;
  updated_at: Date;
}

/** What a new submission carries. */
export interface NewSubmission {
  tenantId: string;
  receiptNumber: string;
  channel: Channel;
  procedureId: string;
  versionId: string;
  departmentId: string | null;
  citizenId: string | null;
  email: string | null;
  applicantName: string;
  lang: string;
  answers: Answers;
  computed: Record<string, unknown>;
  searchText: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  enteredBy: string | null;
}

const COLUMNS = sql`id, tenant_id, receipt_number, status, channel, procedure_id, version_id, department_id, citizen_id, email,
  applicant_name, lang, answers, computed, idempotency_key, request_hash, assignee_id, correction, entered_by, submitted_at, updated_at`;

/** Dates as Date whichever driver read the row. */
export function withDates<T extends { submitted_at: Date; updated_at: Date }>(r: T): T {
  return { ...r, submitted_at: new Date(r.submitted_at), updated_at: new Date(r.updated_at) };
}

/**
 * Inserts a submission; null when another submission of the tenant holds the same idempotency key
 * (that insert may still be committing: ON CONFLICT waits for it, so the caller can re-read).
 */
export async function insertSubmission(tx: Tx, s: NewSubmission): Promise<SubmissionRow | null> {
  const [row] = await txRows<SubmissionRow>(tx, sql`
    insert into applications_submissions (tenant_id, receipt_number, channel, procedure_id, version_id, department_id, citizen_id, email,
      applicant_name, lang, answers, computed, search_text, idempotency_key, request_hash, entered_by)
    values (${s.tenantId}, ${s.receiptNumber}, ${s.channel}, ${s.procedureId}::uuid, ${s.versionId}::uuid, ${s.departmentId}, ${s.citizenId},
      ${s.email}, ${s.applicantName}, ${s.lang}, ${JSON.stringify(s.answers)}::jsonb, ${JSON.stringify(s.computed)}::jsonb, ${s.searchText},
      ${s.idempotencyKey}, ${s.requestHash}, ${s.enteredBy})
    on conflict (tenant_id, idempotency_key) do nothing
    returning ${COLUMNS}`);
  return row ? withDates(row) : null;
}

/** The submission made with an idempotency key, if any. */
export async function findByIdempotencyKey(tx: Tx, key: string): Promise<SubmissionRow | undefined> {
  const [row] = await txRows<SubmissionRow>(tx, sql`select ${COLUMNS} from applications_submissions where idempotency_key = ${key}`);
  return row ? withDates(row) : undefined;
}

/** One submission by id; `lock` takes the row for an update. */
export async function findById(tx: Tx, id: string, opts: { lock?: boolean } = {}): Promise<SubmissionRow | undefined> {
  const [row] = await txRows<SubmissionRow>(tx, sql`select ${COLUMNS} from applications_submissions where id = ${id}::uuid${opts.lock ? sql` for update` : sql``}`);
  return row ? withDates(row) : undefined;
}

/** One submission by its bare receipt number; `lock` takes the row for an update. */
export async function findByReceipt(tx: Tx, receiptNumber: string, opts: { lock?: boolean } = {}): Promise<SubmissionRow | undefined> {
  const [row] = await txRows<SubmissionRow>(tx, sql`select ${COLUMNS} from applications_submissions where receipt_number = ${receiptNumber}${opts.lock ? sql` for update` : sql``}`);
  return row ? withDates(row) : undefined;
}

/** Sets the status (and the correction request, when given) of a submission. */
export async function updateStatus(tx: Tx, id: string, status: SubmissionStatus, correction?: Correction | null): Promise<void> {
  await txRows(tx, sql`update applications_submissions set status = ${status}, updated_at = now()
    ${correction !== undefined ? sql`, correction = ${correction === null ? null : JSON.stringify(correction)}::jsonb` : sql``}
    where id = ${id}::uuid`);
}

/** Replaces the answers after a correction, with what is derived from them. */
export async function updateAnswers(tx: Tx, id: string, v: { answers: Answers; computed: Record<string, unknown>; applicantName: string; searchText: string; status: SubmissionStatus }): Promise<void> {
  await txRows(tx, sql`update applications_submissions set answers = ${JSON.stringify(v.answers)}::jsonb, computed = ${JSON.stringify(v.computed)}::jsonb,
    applicant_name = ${v.applicantName}, search_text = ${v.searchText}, status = ${v.status}, updated_at = now() where id = ${id}::uuid`);
}

/** Assigns a submission to a staff member (or nobody). */
export async function setAssignee(tx: Tx, id: string, staffId: string | null): Promise<void> {
  await txRows(tx, sql`update applications_submissions set assignee_id = ${staffId}, updated_at = now() where id = ${id}::uuid`);
}

/** Marks a submission as changed (a message was added). */
export async function touch(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`update applications_submissions set updated_at = now() where id = ${id}::uuid`);
}

/** A citizen's own submissions, newest first, with the procedure titles. */
export async function listByCitizen(tx: Tx, citizenId: string): Promise<{ receipt_number: string; status: SubmissionStatus; submitted_at: Date; title_ja: string; title_en: string; title_easy: string }[]> {
  const rows = await txRows<{ receipt_number: string; status: SubmissionStatus; submitted_at: Date; title_ja: string; title_en: string; title_easy: string }>(tx, sql`
    select s.receipt_number, s.status, s.submitted_at, p.title_ja, p.title_en, p.title_easy
      from applications_submissions s join applications_procedures p on p.id = s.procedure_id
     where s.citizen_id = ${citizenId}::uuid order by s.submitted_at desc limit 200`);
  return rows.map((r) => ({ ...r, submitted_at: new Date(r.submitted_at) }));
}

/** What a batch insert answers per stored row: the rest of the row is what was sent. */
export interface InsertedHead {
  id: string;
  receipt_number: string;
  submitted_at: Date;
  updated_at: Date;
}

/**
 * Inserts several submissions of one tenant with one statement, and the 'received' history entry of
 * each stored one (with the actor given per row). The rows travel as one jsonb parameter (cheap to
 * build and send, and the same statement text whatever the batch size). Rows whose idempotency key
 * another submission of the tenant holds are skipped (ON CONFLICT waits for a concurrent holder), so
 * fewer heads may return.
 */
export async function insertSubmissions(tx: Tx, tenantId: string, list: (Omit<NewSubmission, 'tenantId'> & { actor: { kind: string; id: string | null } })[]): Promise<InsertedHead[]> {
  if (list.length === 0) return [];
  const rows = JSON.stringify(list.map((s) => ({
    receipt_number: s.receiptNumber, channel: s.channel, procedure_id: s.procedureId, version_id: s.versionId, department_id: s.departmentId,
    citizen_id: s.citizenId, email: s.email, applicant_name: s.applicantName, lang: s.lang, answers: s.answers, computed: s.computed,
    search_text: s.searchText, idempotency_key: s.idempotencyKey, request_hash: s.requestHash, entered_by: s.enteredBy, actor_kind: s.actor.kind, actor_id: s.actor.id,
  })));
  const heads = await txRows<InsertedHead>(tx, sql`
    with x as (
      select * from jsonb_to_recordset(${rows}::jsonb) as x(receipt_number text, channel text, procedure_id uuid, version_id uuid, department_id uuid,
        citizen_id uuid, email text, applicant_name text, lang text, answers jsonb, computed jsonb, search_text text, idempotency_key text,
        request_hash text, entered_by uuid, actor_kind text, actor_id uuid)
    ), s as (
      insert into applications_submissions (tenant_id, receipt_number, channel, procedure_id, version_id, department_id, citizen_id, email,
        applicant_name, lang, answers, computed, search_text, idempotency_key, request_hash, entered_by)
      select ${tenantId}::uuid, receipt_number, channel, procedure_id, version_id, department_id, citizen_id, email,
        applicant_name, lang, answers, computed, search_text, idempotency_key, request_hash, entered_by from x
      on conflict (tenant_id, idempotency_key) do nothing
      returning id, receipt_number, channel, submitted_at, updated_at
    ), e as (
      insert into applications_submission_events (tenant_id, submission_id, kind, to_status, visible_to_applicant, actor_kind, actor_id, details)
      select ${tenantId}::uuid, s.id, 'received', 'received', true, x.actor_kind, x.actor_id, jsonb_build_object('channel', s.channel)
        from s join x on x.receipt_number = s.receipt_number
    )
    select id, receipt_number, submitted_at, updated_at from s`);
  return heads.map(withDates);
}

/** The submissions made with any of the idempotency keys. */
export async function findByIdempotencyKeys(tx: Tx, keys: string[]): Promise<SubmissionRow[]> {
  if (keys.length === 0) return [];
  const rows = await txRows<SubmissionRow>(tx, sql`select ${COLUMNS} from applications_submissions where idempotency_key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
  return rows.map(withDates);
}

/** A procedure with its live version, read for a batch of submissions. */
export interface LiveProcedureRow {
  id: string; title_ja: string; title_en: string; title_easy: string; department_id: string | null; identity_level: string;
  opens_at: Date | string | null; closes_at: Date | string | null; version_id: string;
}

/**
 * The procedures among `ids` that have a live version, with a share lock on that version: a close or
 * publish waits until the submitting transaction ends, so nothing lands on a version closed meanwhile.
 */
export async function lockLiveProcedures(tx: Tx, ids: string[]): Promise<LiveProcedureRow[]> {
  if (ids.length === 0) return [];
  return txRows<LiveProcedureRow>(tx, sql`
    select p.id, p.title_ja, p.title_en, p.title_easy, p.department_id, p.identity_level, p.opens_at, p.closes_at, v.id as version_id
      from applications_procedures p join applications_form_versions v on v.procedure_id = p.id and v.state = 'live'
     where p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) for share of v`);
}

/** Verified account emails of citizens, by id. */
export async function verifiedEmails(tx: Tx, citizenIds: string[]): Promise<Map<string, string>> {
  if (citizenIds.length === 0) return new Map();
  const rows = await txRows<{ id: string; email: string | null }>(tx, sql`select id, email from citizens
    where id in (${sql.join(citizenIds.map((id) => sql`${id}::uuid`), sql`, `)}) and email_verified_at is not null`);
  return new Map(rows.filter((r) => r.email).map((r) => [r.id, r.email!]));
}

/** Attaches uploads to several submissions with one statement; returns how many were taken (unattached ones only). */
export async function attachMany(tx: Tx, items: { id: string; submissionId: string; fieldPath: string }[]): Promise<number> {
  if (items.length === 0) return 0;
  const values = sql.join(items.map((i) => sql`(${i.id}::uuid, ${i.submissionId}::uuid, ${i.fieldPath})`), sql`, `);
  const rows = await txRows<{ id: string }>(tx, sql`update applications_attachments a set submission_id = v.sid, field_path = v.path
    from (values ${values}) as v(id, sid, path) where a.id = v.id and a.submission_id is null returning a.id`);
  return rows.length;
}

/** Deletes the drafts new submissions came from (by token hash, or by id for their owner), each only for its procedure. */
export async function deleteDrafts(tx: Tx, drafts: ({ procedureId: string; tokenHash: string } | { procedureId: string; id: string; citizenId: string })[]): Promise<void> {
  if (drafts.length === 0) return;
  const match = sql.join(drafts.map((d) => ('tokenHash' in d
    ? sql`(token_hash = ${d.tokenHash} and procedure_id = ${d.procedureId}::uuid)`
    : sql`(id = ${d.id}::uuid and citizen_id = ${d.citizenId}::uuid and procedure_id = ${d.procedureId}::uuid)`)), sql` or `);
  await txRows(tx, sql`delete from applications_drafts where expires_at > now() and (${match})`);
}
