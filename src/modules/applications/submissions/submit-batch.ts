/**
 * Group commit of online submissions: one transaction writes a batch of prepared submissions of one
 * tenant with a fixed number of statements (lock the live versions, insert the submissions, their
 * history, uploads, drafts, receipt mails, events and audit entries). Callers are answered after the
 * commit. Whatever the batch cannot settle goes to the single path afterwards; when the transaction
 * fails, every item is retried alone, so one bad item never fails the others.
 */
import type { Tx } from '../../../core/db/connection.ts';
import type { AuditEntry, EmailMessage, Platform } from '../../../core/platform.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import { actorRef } from './context.ts';
import { searchTextOf } from './answers.ts';
import { isOpen, procedureTitle, type ProcedureForSubmit } from './procedure-access.ts';
import { newReceiptNumber } from './receipt.ts';
import { receivedMessage } from './emails.ts';
import { BatchWriter, type BatchJob } from './batch-writer.ts';
import { forgetProcedure, type PreparedSubmission } from './submit-prepare.ts';
import * as repo from './repo.ts';
import type { SubmitResult } from './submit.ts';

/** Answers one item alone, exactly as an unbatched submission (submit.ts). */
export type SinglePath = (item: PreparedSubmission) => Promise<SubmitResult>;
type Job = BatchJob<PreparedSubmission, SubmitResult>;
type Titles = { titleJa: string; titleEn: string; titleEasy: string };
/** What the transaction settled for an item: its result, or the single path after the commit. */
type Outcome = { result: SubmitResult } | { follow: Job } | 'single';

const UUID = /^[0-9a-f-]{36}$/i;

/** Replays a stored submission to a retry with the same key, or null when the request differs (the single path answers 422). */
function replayOf(row: repo.SubmissionRow, item: PreparedSubmission, p: Titles): SubmitResult | null {
  return row.request_hash === item.hash ? { created: false, submission: row, procedureTitle: procedureTitle(p, row.lang) } : null;
}

function asProcedure(r: repo.LiveProcedureRow): ProcedureForSubmit & Titles {
  return {
    id: r.id, titleJa: r.title_ja, titleEn: r.title_en, titleEasy: r.title_easy, departmentId: r.department_id, sharedDepartmentIds: [],
    identityLevel: r.identity_level as ProcedureForSubmit['identityLevel'], opensAt: r.opens_at ? new Date(r.opens_at) : null,
    closesAt: r.closes_at ? new Date(r.closes_at) : null, versionId: r.version_id, version: null, versionState: 'live', definition: null,
  };
}

async function writeInTx(tx: Tx, platform: Platform, tenantId: string, jobs: Job[], out: Map<Job, Outcome>): Promise<void> {
  const procs = new Map((await repo.lockLiveProcedures(tx, [...new Set(jobs.map((j) => j.item.procedureId))])).map((r) => [r.id, asProcedure(r)]));
  const byKey = new Map<string, Job>();
  const taken = new Set<string>();
  const now = new Date();
  const go: Job[] = [];
  for (const job of jobs) {
    const it = job.item;
    const p = procs.get(it.procedureId);
    const primary = it.key ? byKey.get(it.key) : undefined;
    if (primary) out.set(job, { follow: primary });
    else if (!p || p.versionId !== it.versionId || p.identityLevel !== it.identityLevel || !isOpen(p, it.ctx.now ?? now)) {
      forgetProcedure(platform, tenantId, it.procedureId); // the procedure changed since the checks: read it again
      out.set(job, 'single');
    } else if (it.refs.some((r) => taken.has(r.id))) out.set(job, 'single'); // an upload an earlier item of the batch takes
    else {
      if (it.key) byKey.set(it.key, job);
      for (const r of it.refs) taken.add(r.id);
      go.push(job);
    }
  }
  const accounts = await repo.verifiedEmails(tx, [...new Set(go.filter((j) => !j.item.email && j.item.citizenId).map((j) => j.item.citizenId!))]);
  const rows = new Map(go.map((job) => {
    const it = job.item;
    const p = procs.get(it.procedureId)!;
    const email = it.email ?? (it.citizenId ? accounts.get(it.citizenId) ?? null : null);
    const receiptNumber = newReceiptNumber();
    const s = {
      receiptNumber, channel: 'online' as const, procedureId: p.id, versionId: it.versionId, departmentId: p.departmentId, citizenId: it.citizenId,
      email, applicantName: it.applicantName, lang: it.lang, answers: it.answers, computed: it.computed,
      searchText: searchTextOf(it.def, { receiptNumber, applicantName: it.applicantName, email, answers: it.answers }),
      idempotencyKey: it.key, requestHash: it.key ? it.hash : null, enteredBy: null, actor: actorRef(it.ctx.actor),
    };
    return [job, s];
  }));
  const heads = new Map((await repo.insertSubmissions(tx, tenantId, [...rows.values()])).map((h) => [h.receipt_number, h]));
  const created: { job: Job; row: repo.SubmissionRow }[] = [];
  const conflicted: Job[] = [];
  for (const [job, s] of rows) {
    const h = heads.get(s.receiptNumber);
    if (!h) {
      conflicted.push(job);
      continue;
    }
    const row: repo.SubmissionRow = {
      id: h.id, tenant_id: tenantId, receipt_number: s.receiptNumber, status: 'received', channel: 'online', procedure_id: s.procedureId, version_id: s.versionId,
      department_id: s.departmentId, citizen_id: s.citizenId, email: s.email, applicant_name: s.applicantName, lang: s.lang, answers: s.answers,
      computed: job.item.computed, idempotency_key: s.idempotencyKey, request_hash: s.requestHash, assignee_id: null, correction: null, entered_by: null,
      submitted_at: h.submitted_at, updated_at: h.updated_at,
    };
    created.push({ job, row });
    out.set(job, { result: { created: true, submission: row, procedureTitle: procedureTitle(procs.get(s.procedureId)!, s.lang) } });
  }
  // Keys another submission already holds: replay it (or the single path answers the mismatch).
  const existing = new Map((await repo.findByIdempotencyKeys(tx, conflicted.map((j) => j.item.key!))).map((r) => [r.idempotency_key!, r]));
  for (const job of conflicted) {
    const row = existing.get(job.item.key!);
    const replay = row && replayOf(row, job.item, procs.get(row.procedure_id) ?? procs.get(job.item.procedureId)!);
    out.set(job, replay ? { result: replay } : 'single');
  }
  const attach = created.flatMap(({ job, row }) => job.item.refs.map((r) => ({ id: r.id, submissionId: row.id, fieldPath: r.fieldPath })));
  if ((await repo.attachMany(tx, attach)) !== attach.length) throw new Error('an upload was attached meanwhile'); // each item alone says which
  if (created.length === 0) return;
  await repo.deleteDrafts(tx, created.filter(({ job }) => job.item.draftToken).map(({ job, row }) => {
    const { draftToken, ctx } = job.item;
    return UUID.test(draftToken!) && ctx.actor.kind === 'citizen' ? { procedureId: row.procedure_id, id: draftToken!, citizenId: ctx.actor.id! } : { procedureId: row.procedure_id, tokenHash: hashToken(draftToken!) };
  }));
  const tenant = created[0]!.job.item.ctx.tenant;
  const mails = created.map(({ row }) => receivedMessage(platform, { tenant, to: row.email, lang: row.lang, receiptNumber: row.receipt_number, procedureTitle: procedureTitle(procs.get(row.procedure_id)!, row.lang) }, row.submitted_at))
    .filter((m): m is EmailMessage => m !== null);
  if (mails.length) await platform.notify.emailMany(tx, mails);
  await platform.events.publishMany(tx, tenantId, created.map(({ row }) => ({ name: 'applications.submitted', payload: { id: row.id, procedureId: row.procedure_id, receiptNumber: row.receipt_number, channel: row.channel } })));
  await platform.audit.recordMany(tx, created.map(({ job, row }): AuditEntry => ({
    tenantId, actor: actorRef(job.item.ctx.actor), action: 'applications.submission.create', targetType: 'applications.submission', targetId: row.id,
    personalData: true, ip: job.item.ctx.ip, details: { receiptNumber: row.receipt_number, procedureId: row.procedure_id, versionId: row.version_id },
  })));
}

/** Settles one job from its outcome; the single path runs for it (and for whoever followed it) when needed. */
async function answer(job: Job, outcomes: Map<Job, Outcome>, single: SinglePath, done: Map<Job, Promise<SubmitResult>>): Promise<void> {
  const o = outcomes.get(job) ?? 'single';
  let p: Promise<SubmitResult>;
  if (o === 'single') p = single(job.item);
  else if ('result' in o) p = Promise.resolve(o.result);
  else {
    const lead = await done.get(o.follow)!.catch(() => null);
    const replay = lead && replayOf(lead.submission, job.item, { titleJa: lead.procedureTitle, titleEn: lead.procedureTitle, titleEasy: lead.procedureTitle });
    p = replay ? Promise.resolve(replay) : single(job.item);
  }
  done.set(job, p);
  await p.then(job.resolve, job.reject);
}

/** Writes one batch and answers every caller (see the file comment). */
export async function writeBatch(platform: Platform, tenantId: string, jobs: Job[], single: SinglePath): Promise<void> {
  const outcomes = new Map<Job, Outcome>();
  try {
    await platform.inTenant(tenantId, (tx) => writeInTx(tx, platform, tenantId, jobs, outcomes));
  } catch (err) {
    platform.log.debug({ err, size: jobs.length }, 'applications: batch of submissions failed; each is retried alone');
    outcomes.clear();
  }
  const done = new Map<Job, Promise<SubmitResult>>();
  for (const job of jobs) {
    const o = outcomes.get(job);
    if (o && o !== 'single' && 'result' in o) {
      done.set(job, Promise.resolve(o.result));
      job.resolve(o.result);
    }
  }
  // The rest in queue order, one at a time: a retried item meets the items before it already written.
  for (const job of jobs) if (!done.has(job)) await answer(job, outcomes, single, done);
}

/** Submissions per transaction at most (statements per batch stay the same whatever its size). */
const MAX_BATCH = 64;
/**
 * Batches of one tenant in flight at once: two overlap one batch's round trips with the next one's
 * (the tenant has several audit chains, so they do not queue on one lock); measured best of 1, 2, 4.
 */
const MAX_IN_FLIGHT = 2;
const writers = new WeakMap<Platform, BatchWriter<PreparedSubmission, SubmitResult>>();

/** The platform's writer of online submissions, made on first use. */
export function submissionWriter(platform: Platform, single: SinglePath): BatchWriter<PreparedSubmission, SubmitResult> {
  let w = writers.get(platform);
  if (!w) {
    w = new BatchWriter({ maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT, write: (tenantId, jobs) => writeBatch(platform, tenantId, jobs, single) });
    writers.set(platform, w);
  }
  return w;
}

/** Stops the platform's writer once its queued submissions are written (the app closes). */
export async function stopSubmissionWriter(platform: Platform): Promise<void> {
  const w = writers.get(platform);
  writers.delete(platform);
  await w?.stop();
}
