import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Actor } from '../../../core/platform.ts';
import { AppError } from '../../../core/http/errors.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { readOidcSettings } from '../../../core/auth/oidc/settings.ts';
import type { ProcedureForSubmit } from './procedure-access.ts';
import { consumeEmailCode } from './email-codes.ts';

/** Who is applying, as far as the procedure's identity level established it. */
export interface Applicant {
  citizenId: string | null;
  email: string | null;
}

/**
 * Whether the citizen's current session came through the tenant's OIDC provider: the OIDC callback
 * stamps the identity's last sign-in and creates the session in one transaction (the same now()), so
 * a session is OIDC-made when an identity of that provider was signed in to at exactly its creation
 * (a later sign-in elsewhere moves the stamp on and this session stops counting: it fails closed).
 * When the tenant asks for `acr_values`, the identity's acr must be one of them.
 */
export async function hasStrongSession(tx: Tx, tenantId: string, actor: Actor): Promise<boolean> {
  if (actor.kind !== 'citizen' || !actor.id || !actor.sessionId) return false;
  const settings = await readOidcSettings(tx, tenantId);
  if (!settings) return false;
  const rows = await txRows<{ acr: string | null }>(tx, sql`
    select i.acr from citizen_identities i join sessions s on s.id = ${actor.sessionId}
     where i.citizen_id = ${actor.id}::uuid and s.subject_id = ${actor.id}::uuid and i.issuer = ${settings.issuer}
       and i.last_login_at = s.created_at`);
  if (!settings.acrValues?.length) return rows.length > 0;
  return rows.some((r) => r.acr !== null && settings.acrValues!.includes(r.acr));
}

/** The signed-in citizen's verified email, if any. */
async function citizenEmail(tx: Tx, citizenId: string): Promise<string | null> {
  const [row] = await txRows<{ email: string | null }>(tx, sql`select email from citizens where id = ${citizenId}::uuid and email_verified_at is not null`);
  return row?.email ?? null;
}

/**
 * Checks the procedure's identity level for this actor and settles the applicant's email:
 * `none` — anyone, email optional; `email` — a verified email: the code mailed to it
 * (`opts.emailCode`, used up here) unless it is the signed-in citizen's verified account email
 * (only checked when `opts.verifyEmail`: drafts and uploads skip it); `account` — a signed-in
 * citizen; `strong` — a citizen signed in through the tenant's OIDC provider. 401/403 when not met.
 */
export async function checkIdentity(tx: Tx, tenantId: string, procedure: Pick<ProcedureForSubmit, 'identityLevel'> & { id?: string }, actor: Actor, rawEmail?: string | null,
  opts: { verifyEmail?: boolean; emailCode?: string | null } = {}): Promise<Applicant> {
  const citizenId = actor.kind === 'citizen' ? actor.id : null;
  const level = procedure.identityLevel;
  if ((level === 'account' || level === 'strong') && !citizenId) {
    throw new AppError(401, 'account_required', 'applications.submission.account_required');
  }
  if (level === 'strong' && !(await hasStrongSession(tx, tenantId, actor))) {
    throw new AppError(403, 'strong_identity_required', 'applications.submission.strong_required');
  }
  let email = rawEmail ? normaliseEmail(rawEmail) : null;
  const accountEmail = citizenId ? await citizenEmail(tx, citizenId) : null;
  email ??= accountEmail;
  if (level === 'email' && !email) throw new AppError(400, 'invalid', 'applications.submission.email_required', {}, 'email');
  if (level === 'email' && opts.verifyEmail && email !== accountEmail) await consumeEmailCode(tx, procedure.id!, email!, opts.emailCode);
  return { citizenId, email };
}
