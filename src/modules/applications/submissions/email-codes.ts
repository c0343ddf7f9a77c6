import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { t } from '../../../core/i18n/index.ts';
import type { SubmissionContext } from './context.ts';
import { findProcedureForSubmit, isOpen, procedureTitle } from './procedure-access.ts';
import { mailLang } from './emails.ts';

/**
 * Verified email (identity level 'email'): the applicant asks for a 6-digit code sent to the address
 * and submits it with the application. Only a salted SHA-256 of a code is stored; a code lives
 * CODE_TTL_MINUTES, allows MAX_ATTEMPTS wrong tries and is used up by one submission. Asking again
 * replaces the previous code.
 */

/** How long a code is valid. */
export const CODE_TTL_MINUTES = 15;
/** Wrong tries a code takes before a new one must be asked for. */
export const MAX_ATTEMPTS = 5;

const hashOf = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

const codeError = (key: 'applications.submission.email_code_required' | 'applications.submission.email_code_expired' | 'applications.submission.email_code_locked') =>
  new AppError(400, 'invalid', key, { minutes: CODE_TTL_MINUTES }, 'emailCode');

/** A wrong code: 400 naming `emailCode`; `submit` records the failed try after its transaction rolled back. */
export class WrongEmailCode extends AppError {
  constructor(readonly codeId: string) {
    super(400, 'invalid', 'applications.submission.email_code_wrong', {}, 'emailCode');
  }
}

/**
 * Mails a new code for a procedure with identity level 'email' (404 unknown or not public, 409 not
 * open or not an email-level procedure). Returns when it expires.
 */
export async function requestEmailCode(ctx: SubmissionContext, procedureId: string, rawEmail: string, lang: string): Promise<{ expiresAt: string }> {
  const email = normaliseEmail(rawEmail);
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const p = await findProcedureForSubmit(tx, procedureId, { withDefinition: false });
    if (!p || !p.versionId) throw notFound();
    if (!isOpen(p, now)) throw new AppError(409, 'version_closed', 'applications.submission.version_closed', {}, 'versionId');
    if (p.identityLevel !== 'email') throw new AppError(409, 'email_code_not_needed', 'applications.submission.email_code_not_needed', {}, 'email');
    await txRows(tx, sql`update applications_email_codes set used_at = now()
      where procedure_id = ${p.id}::uuid and email = ${email} and used_at is null`);
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
    await txRows(tx, sql`insert into applications_email_codes (id, tenant_id, procedure_id, email, code_hash, expires_at)
      values (${id}::uuid, ${ctx.tenant.id}::uuid, ${p.id}::uuid, ${email}, ${hashOf(id, code)}, ${expiresAt.toISOString()}::timestamptz)`);
    const ml = mailLang(lang);
    const params = { city: ml === 'en' ? ctx.tenant.nameEn : ctx.tenant.nameJa, procedure: procedureTitle(p, lang), code, minutes: CODE_TTL_MINUTES };
    await ctx.platform.notify.email(tx, { tenantId: ctx.tenant.id, to: email, subject: t(ml, 'applications.email.code.subject', params), text: t(ml, 'applications.email.code.body', params) });
    return { expiresAt: expiresAt.toISOString() };
  });
}

/**
 * Checks and uses up the code for (procedure, email) inside the submitting transaction: 400 naming
 * `emailCode` when missing, expired, locked after MAX_ATTEMPTS or wrong (a WrongEmailCode). The row
 * stays locked until the transaction ends, so two submissions cannot share a code.
 */
export async function consumeEmailCode(tx: Tx, procedureId: string, email: string, code: string | null | undefined): Promise<void> {
  const typed = String(code ?? '').replace(/\s+/g, '');
  if (!typed) throw codeError('applications.submission.email_code_required');
  const [row] = await txRows<{ id: string; code_hash: string; attempts: number }>(tx, sql`
    select id, code_hash, attempts from applications_email_codes
     where procedure_id = ${procedureId}::uuid and email = ${email} and used_at is null and expires_at > now()
     order by created_at desc limit 1 for update`);
  if (!row) throw codeError('applications.submission.email_code_expired');
  if (row.attempts >= MAX_ATTEMPTS) throw codeError('applications.submission.email_code_locked');
  const ok = /^\d{6}$/.test(typed) && timingSafeEqual(Buffer.from(hashOf(row.id, typed)), Buffer.from(row.code_hash));
  if (!ok) throw new WrongEmailCode(row.id);
  await txRows(tx, sql`update applications_email_codes set used_at = now() where id = ${row.id}::uuid`);
}

/** Counts a wrong try (in its own transaction, after the submission's was rolled back). */
export async function recordWrongCode(ctx: SubmissionContext, codeId: string): Promise<void> {
  await ctx.platform.inTenant(ctx.tenant.id, (tx) => txRows(tx, sql`update applications_email_codes set attempts = attempts + 1 where id = ${codeId}::uuid`));
}
