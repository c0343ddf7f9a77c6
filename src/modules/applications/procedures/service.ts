import type { Actor, Platform } from '../../../core/platform.ts';
import type { Tx } from '../../../core/db/connection.ts';
import type { ContentLang } from '../../../core/i18n/index.ts';
import { AppError, forbidden, notFound } from '../../../core/http/errors.ts';
import { publicCache } from '../../../core/http/public-cache.ts';
import { t } from '../../../core/i18n/index.ts';
import { can } from '../../../core/auth/access.ts';
import { PROCESS, PROCESS_ALL, canManage, canProcess } from '../policy.ts';
import * as repo from './repo.ts';
import * as versions from './versions-repo.ts';
import { submissionCounts } from './counts.ts';
import { presentAdmin, presentPublic, presentSummary, procedureState } from './presenter.ts';
import { CATEGORIES, type ProcedureRow } from './schema.ts';
import type { ProcedureInput } from './http-schema.ts';

/** Route prefix of the public catalogue in the public read cache; every write drops the tenant's copies. */
export const PUBLIC_ROUTE = '/applications/procedures';

/** Who is asking, in which tenant: every service function takes one. */
export interface ServiceContext {
  platform: Platform;
  tenantId: string;
  actor: Actor;
  now?: Date;
  /** Language of messages built here (definition problems); Japanese by default. */
  lang?: 'ja' | 'en';
}

/** Throws 403 unless the actor may build procedures. */
export function assertManage(ctx: ServiceContext): void {
  if (!canManage(ctx.actor)) throw forbidden();
}

/** Drops the tenant's cached public catalogue (after any change citizens could see). */
export function invalidatePublic(tenantId: string): void {
  publicCache.invalidate(tenantId, PUBLIC_ROUTE);
}

const bad = (field: string, key: 'applications.error.department_unknown' | 'applications.error.closes_before_opens' | 'applications.error.languages_ja') =>
  new AppError(400, 'invalid', key, {}, field);

/** Checks an input against the tenant's data and turns it into column values. */
export async function toValues(tx: Tx, input: ProcedureInput): Promise<repo.ProcedureValues> {
  const shared = (input.sharedDepartmentIds ?? []).filter((id) => id !== input.departmentId);
  const known = await repo.departmentsAmong(tx, [input.departmentId, ...shared]);
  if (!known.has(input.departmentId)) throw bad('departmentId', 'applications.error.department_unknown');
  const missing = shared.findIndex((id) => !known.has(id));
  if (missing >= 0) throw bad(`sharedDepartmentIds.${missing}`, 'applications.error.department_unknown');
  const opensAt = input.opensAt ? new Date(input.opensAt) : null;
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (opensAt && closesAt && closesAt <= opensAt) throw bad('closesAt', 'applications.error.closes_before_opens');
  const languages = input.languages ?? ['ja'];
  if (!languages.includes('ja')) throw bad('languages', 'applications.error.languages_ja');
  const texts = {
    titleJa: input.titleJa.trim(), titleEn: input.titleEn?.trim() ?? '', titleEasy: input.titleEasy?.trim() ?? '',
    summaryJa: input.summaryJa ?? '', summaryEn: input.summaryEn ?? '', summaryEasy: input.summaryEasy ?? '',
    descriptionJa: input.descriptionJa ?? '', descriptionEn: input.descriptionEn ?? '', descriptionEasy: input.descriptionEasy ?? '',
  };
  if (!texts.titleJa) throw new AppError(400, 'invalid', 'error.field_required', { field: 'titleJa' }, 'titleJa');
  return {
    ...texts,
    eligibilityJa: input.eligibilityJa ?? '', eligibilityEn: input.eligibilityEn ?? '', eligibilityEasy: input.eligibilityEasy ?? '',
    feesJa: input.feesJa ?? '', feesEn: input.feesEn ?? '', feesEasy: input.feesEasy ?? '',
    documentsJa: input.documentsJa ?? '', documentsEn: input.documentsEn ?? '', documentsEasy: input.documentsEasy ?? '',
    category: input.category,
    departmentId: input.departmentId,
    sharedDepartmentIds: shared,
    identityLevel: input.identityLevel ?? 'none',
    opensAt, closesAt, languages,
    searchText: repo.searchTextOf(texts),
  };
}

/** A procedure as staff see it, read inside `tx`. */
export async function adminView(tx: Tx, row: ProcedureRow) {
  const heads = await versions.listHeads(tx, [row.id]);
  const counts = await submissionCounts(tx, row.id);
  return presentAdmin(row, heads, counts.byProcedure.get(row.id) ?? 0);
}

/** Every procedure of the tenant for the console. */
export async function listForStaff(ctx: ServiceContext) {
  assertManage(ctx);
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const rows = await repo.listProcedures(tx);
    const heads = await versions.listHeads(tx);
    const counts = await submissionCounts(tx);
    return rows.map((r) => presentAdmin(r, heads.filter((h) => h.procedureId === r.id), counts.byProcedure.get(r.id) ?? 0));
  });
}

/**
 * The procedures the actor may process (own departments, shared with them, or all with PROCESS_ALL),
 * in any state but archived, for the inbox's filter and tools; 403 without either permission.
 */
export async function listProcessable(ctx: ServiceContext) {
  if (!can(ctx.actor, PROCESS) && !can(ctx.actor, PROCESS_ALL)) throw forbidden();
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const rows = (await repo.listProcedures(tx)).filter((r) => canProcess(ctx.actor, r));
    const heads = await versions.listHeads(tx, rows.map((r) => r.id));
    return rows
      .map((r) => ({ id: r.id, title: r.titleJa, departmentId: r.departmentId, state: procedureState(heads.filter((h) => h.procedureId === r.id)) }))
      .filter((p) => p.state !== 'archived');
  });
}

/** One procedure for the console. */
export async function getForStaff(ctx: ServiceContext, id: string) {
  assertManage(ctx);
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const row = await repo.findProcedure(tx, id);
    if (!row) throw notFound();
    return adminView(tx, row);
  });
}

/** Creates a procedure (without a form yet: the first PUT /draft makes version 1). */
export async function create(ctx: ServiceContext, input: ProcedureInput) {
  assertManage(ctx);
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const row = await repo.insertProcedure(tx, ctx.tenantId, ctx.actor.id, await toValues(tx, input));
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'applications.procedure.create', targetType: 'procedure', targetId: row.id, details: { title: row.titleJa } });
    return adminView(tx, row);
  });
}

/** Replaces a procedure's catalogue fields (its form is versioned apart). */
export async function replace(ctx: ServiceContext, id: string, input: ProcedureInput) {
  assertManage(ctx);
  const result = await ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    if (!(await repo.findProcedure(tx, id, { lock: true }))) throw notFound();
    const row = (await repo.updateProcedure(tx, id, await toValues(tx, input)))!;
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'applications.procedure.update', targetType: 'procedure', targetId: id, details: { title: row.titleJa } });
    return adminView(tx, row);
  });
  invalidatePublic(ctx.tenantId);
  return result;
}

/** Deletes a procedure and its versions; 409 once it has submissions (they keep it). */
export async function remove(ctx: ServiceContext, id: string): Promise<void> {
  assertManage(ctx);
  await ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const row = await repo.findProcedure(tx, id, { lock: true });
    if (!row) throw notFound();
    const counts = await submissionCounts(tx, id);
    if ((counts.byProcedure.get(id) ?? 0) > 0) throw new AppError(409, 'has_submissions', 'applications.error.has_submissions', {}, 'id');
    await repo.deleteProcedure(tx, id);
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'applications.procedure.delete', targetType: 'procedure', targetId: id, details: { title: row.titleJa } });
  });
  invalidatePublic(ctx.tenantId);
}

/** The public catalogue: procedures with a live or closed form, searched and filtered, with the categories in use. */
export async function listPublic(ctx: ServiceContext, opts: { q?: string; category?: string; lang: ContentLang }) {
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const found = await repo.listPublic(tx, { q: opts.q, category: opts.category });
    const rows = await repo.proceduresByIds(tx, found.map((f) => f.id));
    const depts = await repo.departmentNames(tx);
    const used = new Set((await repo.listPublic(tx)).map((r) => r.category));
    const msgLang = opts.lang === 'en' ? 'en' : 'ja';
    return {
      items: found.map((f) => presentSummary(rows.get(f.id)!, f.state, depts.get(f.department_id ?? ''), opts.lang, now)),
      categories: CATEGORIES.filter((c) => used.has(c)).map((c) => ({ id: c, label: t(msgLang, `applications.category.${c}`) })),
    };
  });
}

/** One public procedure with its live form; 404 for drafts and archived procedures. */
export async function getPublic(ctx: ServiceContext, id: string, lang: ContentLang) {
  const now = ctx.now ?? new Date();
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const row = await repo.findProcedure(tx, id);
    const version = row && await versions.findInState(tx, id, ['live', 'closed']);
    if (!row || !version) throw notFound();
    const depts = await repo.departmentNames(tx);
    return presentPublic(row, version, depts.get(row.departmentId ?? ''), lang, now);
  });
}
