import { randomBytes } from 'node:crypto';
import type { Tx } from '../../../core/db/connection.ts';
import { hashToken } from '../../../core/auth/sessions.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { notFound } from '../../../core/http/errors.ts';
import type { SubmissionContext } from './context.ts';
import { asAnswers } from './answers.ts';
import * as drafts from './drafts-repo.ts';
import { sendDraftLink } from './emails.ts';
import { checkIdentity } from './identity.ts';
import { findProcedureForSubmit, isOpen, procedureTitle } from './procedure-access.ts';
import { AppError } from '../../../core/http/errors.ts';

/**
 * Drafts (一時保存): answers saved under a secret token handed out once (only its SHA-256 is kept) and
 * kept 30 days after the last save. A signed-in citizen's drafts are tied to the account and listed
 * under /me/drafts, where they are named by id: the id opens a draft only for its owner.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A draft as the citizen gets it back. */
function present(d: drafts.DraftRow) {
  return { procedureId: d.procedure_id, versionId: d.version_id, answers: d.answers, pageId: d.page_id, expiresAt: d.expires_at.toISOString() };
}

async function find(tx: Tx, ctx: SubmissionContext, token: string, lock = false): Promise<drafts.DraftRow> {
  const by = UUID.test(token) ? (ctx.actor.kind === 'citizen' && ctx.actor.id ? { id: token, citizenId: ctx.actor.id } : null) : { tokenHash: hashToken(token) };
  const row = by ? await drafts.findDraft(tx, by, { lock }) : undefined;
  if (!row) throw notFound();
  return row;
}

/** Saves a new draft of an open procedure; the token is returned once. An email gets a resume link. */
export async function createDraft(ctx: SubmissionContext, procedureId: string, input: { answers: unknown; pageId?: string; email?: string; lang?: string }) {
  const email = input.email ? normaliseEmail(input.email) : null;
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const p = await findProcedureForSubmit(tx, procedureId, { withDefinition: false });
    if (!p) throw notFound();
    if (!isOpen(p, ctx.now ?? new Date())) throw new AppError(409, 'version_closed', 'applications.submission.version_closed', {}, 'procedureId');
    const applicant = await checkIdentity(tx, ctx.tenant.id, { identityLevel: p.identityLevel === 'strong' ? 'account' : p.identityLevel === 'email' ? 'none' : p.identityLevel }, ctx.actor, email);
    const token = randomBytes(32).toString('base64url');
    const row = await drafts.insertDraft(tx, {
      tenantId: ctx.tenant.id, tokenHash: hashToken(token), citizenId: applicant.citizenId, procedureId, versionId: p.versionId!,
      answers: asAnswers(input.answers), pageId: input.pageId ?? null, email,
    });
    if (email && !applicant.citizenId) {
      await sendDraftLink(tx, ctx.platform, ctx.tenant, { to: email, lang: input.lang ?? ctx.lang, procedureId, procedureTitle: procedureTitle(p, input.lang ?? ctx.lang), token });
    }
    return { token, expiresAt: row.expires_at.toISOString() };
  });
}

/** A draft by its token (or, for its owner, its id). */
export async function getDraft(ctx: SubmissionContext, token: string) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => present(await find(tx, ctx, token)));
}

/** Saves a draft's answers and page again. */
export async function saveDraft(ctx: SubmissionContext, token: string, input: { answers: unknown; pageId?: string }) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await find(tx, ctx, token, true);
    return present(await drafts.updateDraft(tx, row.id, { answers: asAnswers(input.answers), pageId: input.pageId ?? row.page_id }));
  });
}

/** The signed-in citizen's drafts, each named by its id (usable as the token by the owner only). */
export async function myDrafts(ctx: SubmissionContext, lang: string) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => ({
    items: (await drafts.listCitizenDrafts(tx, ctx.actor.id!)).map((d) => ({
      token: d.id, procedureId: d.procedure_id, procedureTitle: procedureTitle({ titleJa: d.title_ja, titleEn: d.title_en, titleEasy: d.title_easy }, lang),
      updatedAt: d.updated_at.toISOString(),
    })),
  }));
}
