import type { Tx } from '../../../core/db/connection.ts';
import { AppError, forbidden, invalid, notFound } from '../../../core/http/errors.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { computeValues, normalizeAnswers, pruneAnswers, validateAnswers } from '../engine/index.ts';
import type { FieldError, FormDefinition, FormLang, UploadInfo } from '../engine/types.ts';
import { canProcess } from '../policy.ts';
import { actorRef, type SubmissionContext } from './context.ts';
import { answersInvalid, applicantNameOf, asAnswers, fileRefs, requestHash, searchTextOf } from './answers.ts';
import { checkIdentity } from './identity.ts';
import { findProcedureForSubmit, isOpen, procedureTitle, type ProcedureForSubmit } from './procedure-access.ts';
import { newReceiptNumber } from './receipt.ts';
import * as repo from './repo.ts';
import { attachUploads, usableUploads } from './uploads-repo.ts';
import { insertEvent } from './events-repo.ts';
import { deleteDraft, findDraft } from './drafts-repo.ts';
import { sendReceived } from './emails.ts';
import { WrongEmailCode, recordWrongCode } from './email-codes.ts';
import { prepareOnline, type PreparedSubmission } from './submit-prepare.ts';
import { submissionWriter } from './submit-batch.ts';
import { bookAnsweredSlot } from './reservation.ts';

/** What a citizen (or staff at the counter) sends to submit. */
export interface SubmitInput {
  procedureId: string;
  versionId?: string;
  answers: unknown;
  email?: string | null;
  /** The code mailed to `email` (identity level 'email'). */
  emailCode?: string | null;
  lang?: string;
  draftToken?: string;
  idempotencyKey?: string | null;
  /** Counter entry only: the staff's note on the received event. */
  note?: string | null;
}

/** The outcome: the submission, and whether this call made it (false: an idempotent replay). */
export interface SubmitResult {
  created: boolean;
  submission: repo.SubmissionRow;
  procedureTitle: string;
}

const KEY = /^[\x21-\x7e]{8,200}$/;
const LANGS = new Set(['ja', 'en', 'ja-easy']);

/** Whether an error is a receipt-number collision (retried with a new number). */
function isReceiptCollision(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505' && String(e.constraint ?? '').includes('receipt_number')) return true;
  }
  return false;
}

/**
 * Checks the answers against the form: cleaned (normalise), reduced to what is shown (prune) and
 * validated with the uploads the answers name. Throws 400 with every error.
 */
export async function checkAnswers(tx: Tx, def: FormDefinition, procedureId: string, raw: unknown, lang: FormLang, opts: { known?: UploadInfo[]; only?: string[] } = {}) {
  const answers = pruneAnswers(def, normalizeAnswers(def, asAnswers(raw)));
  const refs = fileRefs(def, answers);
  const known = new Map((opts.known ?? []).map((u) => [u.id, u]));
  const fresh = await usableUploads(tx, procedureId, [...new Set(refs.map((r) => r.id))].filter((id) => !known.has(id) && /^[0-9a-f-]{36}$/i.test(id)));
  for (const u of fresh) known.set(u.id, { id: u.id, contentType: u.content_type, size: u.size, filename: u.filename });
  const errors: FieldError[] = validateAnswers(def, answers, { lang, uploads: Object.fromEntries(known), ...(opts.only ? { only: opts.only } : {}) });
  for (const r of refs) {
    if (!known.has(r.id) && !errors.some((e) => e.path === r.fieldPath)) {
      errors.push({ path: r.fieldPath, code: 'unknown', message: lang === 'en' ? `The attached file was not found or has expired: upload it again.` : '添付ファイルが見つからないか、有効期限が切れています。もう一度アップロードしてください。' });
    }
  }
  if (errors.length) throw answersInvalid(errors);
  return { answers, refs, newUploadIds: fresh.map((u) => u.id) };
}

function replay(existing: repo.SubmissionRow, hash: string, p: { titleJa: string; titleEn: string; titleEasy: string } | undefined, lang: string): SubmitResult {
  if (existing.request_hash !== hash) throw new AppError(422, 'idempotency_mismatch', 'applications.submission.idempotency_mismatch', {}, 'Idempotency-Key');
  return { created: false, submission: existing, procedureTitle: p ? procedureTitle(p, lang) : '' };
}

async function submitOnce(tx: Tx, ctx: SubmissionContext, input: SubmitInput, channel: repo.Channel, key: string | null, hash: string): Promise<SubmitResult> {
  const lang = LANGS.has(input.lang ?? '') ? input.lang! : ctx.lang;
  if (key) {
    const existing = await repo.findByIdempotencyKey(tx, key);
    if (existing) return replay(existing, hash, await findProcedureForSubmit(tx, existing.procedure_id, { withDefinition: false }), existing.lang);
  }
  const p = await findProcedureForSubmit(tx, input.procedureId);
  if (!p) throw notFound();
  let applicant: { citizenId: string | null; email: string | null };
  if (channel === 'online') {
    applicant = await checkIdentity(tx, ctx.tenant.id, p, ctx.actor, input.email, { verifyEmail: true, emailCode: input.emailCode });
    if (!isOpen(p, ctx.now ?? new Date()) || (input.versionId && input.versionId !== p.versionId)) throw versionClosed();
  } else {
    if (!canProcess(ctx.actor, p)) throw forbidden();
    if (!p.versionId) throw versionClosed();
    applicant = { citizenId: null, email: input.email ? normaliseEmail(input.email) : null };
  }
  const def = p.definition!;
  const checked = await checkAnswers(tx, def, p.id, input.answers, lang as FormLang);
  const refs = checked.refs;
  const answers = await bookAnsweredSlot(tx, ctx, def, checked.answers, applicant.email, channel);
  const applicantName = applicantNameOf(def, answers);
  const receiptNumber = newReceiptNumber();
  const row = await repo.insertSubmission(tx, {
    tenantId: ctx.tenant.id, receiptNumber, channel, procedureId: p.id, versionId: p.versionId!, departmentId: p.departmentId,
    citizenId: applicant.citizenId, email: applicant.email, applicantName, lang, answers,
    computed: computeValues(def, answers), searchText: searchTextOf(def, { receiptNumber, applicantName, email: applicant.email, answers }),
    idempotencyKey: key, requestHash: key ? hash : null, enteredBy: channel === 'counter' ? ctx.actor.id : null,
  });
  if (!row) return replay((await repo.findByIdempotencyKey(tx, key!))!, hash, p, lang);
  const unique = [...new Map(refs.map((r) => [r.id, r])).values()];
  const taken = await attachUploads(tx, row.id, unique);
  if (taken.length !== unique.length) {
    const lost = unique.filter((r) => !taken.includes(r.id));
    throw answersInvalid(lost.map((r) => ({ path: r.fieldPath, code: 'unknown', message: lang === 'en' ? 'The attached file is already used by another application: upload it again.' : '添付ファイルは別の申請で使われています。もう一度アップロードしてください。' })));
  }
  await afterInsert(tx, ctx, p, row, input);
  return { created: true, submission: row, procedureTitle: procedureTitle(p, lang) };
}

/** History, receipt email, draft clean-up, event and audit of a new submission (audit last: it serialises the tenant). */
async function afterInsert(tx: Tx, ctx: SubmissionContext, p: ProcedureForSubmit, row: repo.SubmissionRow, input: SubmitInput): Promise<void> {
  await insertEvent(tx, { tenantId: ctx.tenant.id, submissionId: row.id, kind: 'received', actor: actorRef(ctx.actor), toStatus: 'received', note: input.note ?? null, visibleToApplicant: true, details: { channel: row.channel } });
  await sendReceived(tx, ctx.platform, { tenant: ctx.tenant, to: row.email, lang: row.lang, receiptNumber: row.receipt_number, procedureTitle: procedureTitle(p, row.lang) }, row.submitted_at);
  if (input.draftToken) {
    const draft = await findDraft(tx, /^[0-9a-f-]{36}$/i.test(input.draftToken) && ctx.actor.kind === 'citizen' ? { id: input.draftToken, citizenId: ctx.actor.id! } : { tokenHash: hashToken(input.draftToken) });
    if (draft && draft.procedure_id === p.id) await deleteDraft(tx, draft.id);
  }
  await ctx.platform.events.publish(tx, ctx.tenant.id, 'applications.submitted', { id: row.id, procedureId: p.id, receiptNumber: row.receipt_number, channel: row.channel });
  await ctx.platform.audit.record(tx, {
    tenantId: ctx.tenant.id, actor: actorRef(ctx.actor), action: row.channel === 'counter' ? 'applications.submission.counter_create' : 'applications.submission.create',
    targetType: 'applications.submission', targetId: row.id, personalData: true, ip: ctx.ip,
    details: { receiptNumber: row.receipt_number, procedureId: p.id, versionId: row.version_id },
  });
}

const versionClosed = () => new AppError(409, 'version_closed', 'applications.submission.version_closed', {}, 'versionId');

/**
 * Submits answers to a procedure: one transaction stores the submission, attaches its uploads, writes
 * history, receipt email and audit entry. The same idempotency key with the same request answers the
 * original receipt (created: false); with another request, 422. Answers only after commit. Online
 * submissions checked up front (submit-prepare.ts) share their transaction with others of the tenant
 * (group commit, submit-batch.ts); the rest, and counter entries, take one transaction each.
 */
export async function submit(ctx: SubmissionContext, input: SubmitInput, channel: repo.Channel = 'online'): Promise<SubmitResult> {
  const key = input.idempotencyKey ?? null;
  if (key !== null && !KEY.test(key)) throw invalid('Idempotency-Key', '8–200 printable ASCII characters');
  const hash = requestHash({ procedureId: input.procedureId, versionId: input.versionId ?? '', answers: input.answers, email: input.email ?? null });
  if (channel === 'online') {
    const prepared = await prepareOnline(ctx, input, LANGS.has(input.lang ?? '') ? input.lang! : ctx.lang, key, hash);
    if (prepared) return submissionWriter(ctx.platform, submitSingle).submit(ctx.tenant.id, prepared);
  }
  return submitAlone(ctx, input, channel, key, hash);
}

/** The single path of a prepared submission: what the batch could not settle, or every item of a failed batch. */
export const submitSingle = (item: PreparedSubmission) => submitAlone(item.ctx, item.input, 'online', item.key, item.hash);

/** One submission in its own transaction (receipt-number collisions retried). */
async function submitAlone(ctx: SubmissionContext, input: SubmitInput, channel: repo.Channel, key: string | null, hash: string): Promise<SubmitResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.platform.inTenant(ctx.tenant.id, (tx) => submitOnce(tx, ctx, input, channel, key, hash));
    } catch (err) {
      if (attempt < 5 && isReceiptCollision(err)) continue;
      if (err instanceof WrongEmailCode) await recordWrongCode(ctx, err.codeId);
      throw err;
    }
  }
}
