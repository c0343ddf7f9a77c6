import { AppError, notFound } from '../../../core/http/errors.ts';
import type { Tx } from '../../../core/db/connection.ts';
import type { MessageKey } from '../../../core/i18n/index.ts';
import * as repo from './repo.ts';
import * as versions from './versions-repo.ts';
import { submissionCounts } from './counts.ts';
import { assertDefinition } from './definition.ts';
import { presentVersion, presentVersionHead } from './presenter.ts';
import { adminView, assertManage, invalidatePublic, type ServiceContext } from './service.ts';
import type { FormVersionRow, ProcedureRow, VersionState } from './schema.ts';

const stateConflict = (key: MessageKey) => new AppError(409, 'state_conflict', key, {}, 'state');

/** Every version of a procedure's form, newest first, with its submission count. */
export async function listVersions(ctx: ServiceContext, procedureId: string) {
  assertManage(ctx);
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    if (!(await repo.findProcedure(tx, procedureId))) throw notFound();
    const heads = await versions.listHeads(tx, [procedureId]);
    const counts = await submissionCounts(tx, procedureId);
    return heads.map((h) => presentVersionHead(h, counts.byVersion.get(h.id) ?? 0));
  });
}

/** One version with its definition. */
export async function getVersion(ctx: ServiceContext, procedureId: string, versionId: string) {
  assertManage(ctx);
  const row = await ctx.platform.inTenant(ctx.tenantId, (tx) => versions.findVersion(tx, procedureId, versionId));
  if (!row) throw notFound();
  return presentVersion(row);
}

/**
 * Runs a change of a procedure's form with the procedure row locked, so two editors (or an editor
 * and a publisher) never interleave; audits it and drops the public cache afterwards.
 */
async function change<T>(ctx: ServiceContext, procedureId: string, action: string, fn: (tx: Tx, p: ProcedureRow) => Promise<{ result: T; details: Record<string, unknown> }>): Promise<T> {
  assertManage(ctx);
  const out = await ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const procedure = await repo.findProcedure(tx, procedureId, { lock: true });
    if (!procedure) throw notFound();
    const { result, details } = await fn(tx, procedure);
    await repo.touchProcedure(tx, procedureId);
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action, targetType: 'procedure', targetId: procedureId, details: { title: procedure.titleJa, ...details } });
    return result;
  });
  invalidatePublic(ctx.tenantId);
  return out;
}

/**
 * Saves the draft: replaces the draft's definition, or starts draft N+1 when there is none (editing a
 * live form never changes it). 400 naming `definition.<path>` when the definition is malformed.
 */
export async function saveDraft(ctx: ServiceContext, procedureId: string, input: unknown) {
  const definition = assertDefinition(input, ctx.lang);
  return change(ctx, procedureId, 'applications.form.save_draft', async (tx) => {
    const draft = await versions.findInState(tx, procedureId, ['draft']);
    const row = draft
      ? await versions.updateDefinition(tx, draft.id, definition)
      : await versions.insertVersion(tx, { tenantId: ctx.tenantId, procedureId, version: (await versions.maxVersion(tx, procedureId)) + 1, state: 'draft', definition, createdBy: ctx.actor.id });
    return { result: presentVersion(row), details: { version: row.version, created: !draft } };
  });
}

/** Throws away the draft (the live version, if any, is untouched). */
export async function discardDraft(ctx: ServiceContext, procedureId: string) {
  return change(ctx, procedureId, 'applications.form.discard_draft', async (tx, p) => {
    const draft = await versions.findInState(tx, procedureId, ['draft']);
    if (!draft) throw stateConflict('applications.error.no_draft');
    await versions.deleteVersion(tx, draft.id);
    return { result: await adminView(tx, p), details: { version: draft.version } };
  });
}

/** Publishes the draft: it becomes live and the previous live or closed version is archived (kept for its submissions). */
export async function publish(ctx: ServiceContext, procedureId: string) {
  return change(ctx, procedureId, 'applications.form.publish', async (tx, p) => {
    const draft = await versions.findInState(tx, procedureId, ['draft']);
    if (!draft) throw stateConflict('applications.error.no_draft');
    assertDefinition(draft.definition, ctx.lang); // the engine's rules may have tightened since it was saved
    const previous = await versions.findInState(tx, procedureId, ['live', 'closed']);
    if (previous) await versions.setState(tx, previous.id, 'archived');
    await versions.setState(tx, draft.id, 'live', ctx.now ?? new Date());
    return { result: await adminView(tx, p), details: { version: draft.version, archived: previous?.version ?? null } };
  });
}

/** Moves the procedure's current version from one state to another; 409 when it is not in `from`. */
function transition(action: string, from: VersionState[], to: VersionState, key: MessageKey) {
  return (ctx: ServiceContext, procedureId: string) => change(ctx, procedureId, action, async (tx, p) => {
    const current: FormVersionRow | undefined = await versions.findInState(tx, procedureId, ['live', 'closed']);
    if (!current || !from.includes(current.state)) throw stateConflict(key);
    await versions.setState(tx, current.id, to);
    return { result: await adminView(tx, p), details: { version: current.version } };
  });
}

/** Stops accepting applications: live → closed (citizens still see the procedure, not open). */
export const close = transition('applications.form.close', ['live'], 'closed', 'applications.error.not_live');
/** Accepts applications again: closed → live. */
export const reopen = transition('applications.form.reopen', ['closed'], 'live', 'applications.error.not_closed');
/** Retires the procedure's form: live or closed → archived (hidden from citizens; submissions keep it). */
export const archive = transition('applications.form.archive', ['live', 'closed'], 'archived', 'applications.error.nothing_to_archive');
