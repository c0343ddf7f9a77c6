/**
 * The work of an online submission done before it is queued for a batch (submit-batch.ts): the
 * procedure and its form (cached), the identity level, the window, and the answers normalised,
 * pruned, validated and derived. Anything this cannot settle for sure goes to the single path in
 * submit.ts, which answers it exactly as before; the batch transaction re-checks what may change.
 */
import { hasReservationField } from './reservation.ts';
import type { Platform } from '../../../core/platform.ts';
import { normaliseEmail } from '../../../core/auth/citizen/context.ts';
import { computeValues, normalizeAnswers, pruneAnswers, validateAnswers } from '../engine/index.ts';
import type { Answers, FormDefinition, FormLang, UploadInfo } from '../engine/types.ts';
import type { SubmissionContext } from './context.ts';
import type { SubmitInput } from './submit.ts';
import { answersInvalid, applicantNameOf, asAnswers, fileRefs } from './answers.ts';
import { findProcedureForSubmit, findVersion, isOpen, type ProcedureForSubmit } from './procedure-access.ts';
import { usableUploads } from './uploads-repo.ts';

/** An online submission ready to be written in a batch. */
export interface PreparedSubmission {
  ctx: SubmissionContext;
  key: string | null;
  hash: string;
  lang: string;
  procedureId: string;
  versionId: string;
  /** The identity level the checks here assumed (the batch falls back when it changed). */
  identityLevel: ProcedureForSubmit['identityLevel'];
  citizenId: string | null;
  /** The address given, normalised; null: the signed-in citizen's verified address, if any. */
  email: string | null;
  def: FormDefinition;
  answers: Answers;
  computed: Record<string, number | string | null>;
  applicantName: string;
  /** Uploads to attach (one entry per upload id). */
  refs: { id: string; fieldPath: string }[];
  draftToken: string | null;
  /** The request as sent (the single path answers from it). */
  input: SubmitInput;
}

/** How long what a procedure row says (window, identity level, live version) is trusted before it is read again. */
const META_TTL_MS = 1000;
const MAX_CACHED = 500;
const UUID = /^[0-9a-f-]{36}$/i;

interface Meta { at: number; p: ProcedureForSubmit; def: FormDefinition | null }
/** Per platform: procedure rows (short-lived) and form definitions by version (a published version never changes). */
const caches = new WeakMap<Platform, { meta: Map<string, Promise<Meta | undefined>>; defs: Map<string, FormDefinition> }>();

function cacheOf(platform: Platform) {
  let c = caches.get(platform);
  if (!c) caches.set(platform, (c = { meta: new Map(), defs: new Map() }));
  return c;
}

async function loadMeta(ctx: SubmissionContext, procedureId: string): Promise<Meta | undefined> {
  const cache = cacheOf(ctx.platform);
  const id = `${ctx.tenant.id}:${procedureId}`;
  const hit = cache.meta.get(id);
  if (hit) {
    const m = await hit;
    if (m && Date.now() - m.at < META_TTL_MS) return m;
    if (cache.meta.get(id) !== hit) return loadMeta(ctx, procedureId); // another caller reloads it
  }
  if (cache.meta.size >= MAX_CACHED) cache.meta.clear();
  const loading = ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const p = await findProcedureForSubmit(tx, procedureId, { withDefinition: false });
    if (!p) return undefined;
    const defKey = `${ctx.tenant.id}:${p.versionId}`;
    let def = p.versionId ? cache.defs.get(defKey) ?? null : null;
    if (p.versionId && !def) {
      def = (await findVersion(tx, p.versionId))?.definition ?? null;
      if (def) {
        if (cache.defs.size >= MAX_CACHED) cache.defs.clear();
        cache.defs.set(defKey, def);
      }
    }
    return { at: Date.now(), p, def };
  });
  cache.meta.set(id, loading);
  loading.catch(() => cache.meta.delete(id));
  return loading;
}

/** Forgets what is cached of a tenant's procedure (the batch saw it change). */
export function forgetProcedure(platform: Platform, tenantId: string, procedureId: string): void {
  cacheOf(platform).meta.delete(`${tenantId}:${procedureId}`);
}

/**
 * Prepares an online submission for a batch; null when the single path must answer it (identity
 * levels that read or spend codes, a closed or changed procedure, unknown uploads, and invalid answers
 * sent with an idempotency key: a retry of a stored submission must replay, not fail). Invalid
 * answers without a key are refused here with 400, nothing queued.
 */
export async function prepareOnline(ctx: SubmissionContext, input: SubmitInput, lang: string, key: string | null, hash: string): Promise<PreparedSubmission | null> {
  if (!UUID.test(input.procedureId)) return null;
  const meta = await loadMeta(ctx, input.procedureId);
  // A form that books a slot takes the single path: the booking shares the submission's transaction alone.
  if (!meta?.def || !meta.p.versionId || hasReservationField(meta.def)) return null;
  const { p, def } = meta;
  const versionId = meta.p.versionId;
  const citizenId = ctx.actor.kind === 'citizen' ? ctx.actor.id : null;
  if (p.identityLevel !== 'none' && !(p.identityLevel === 'account' && citizenId)) return null;
  if (!isOpen(p, ctx.now ?? new Date()) || (input.versionId && input.versionId !== p.versionId)) return null;
  const answers = pruneAnswers(def, normalizeAnswers(def, asAnswers(input.answers)));
  const all = fileRefs(def, answers);
  const refs = [...new Map(all.map((r) => [r.id, r])).values()];
  const uploads: Record<string, UploadInfo> = {};
  if (refs.length > 0) {
    if (!refs.every((r) => UUID.test(r.id))) return null;
    const found = await ctx.platform.inTenant(ctx.tenant.id, (tx) => usableUploads(tx, p.id, refs.map((r) => r.id)));
    if (found.length !== refs.length) return null;
    for (const u of found) uploads[u.id] = { id: u.id, contentType: u.content_type, size: u.size, filename: u.filename };
  }
  const errors = validateAnswers(def, answers, { lang: lang as FormLang, uploads });
  if (errors.length) {
    if (key) return null;
    throw answersInvalid(errors);
  }
  return {
    ctx, key, hash, lang, procedureId: p.id, versionId, identityLevel: p.identityLevel, citizenId,
    email: input.email ? normaliseEmail(input.email) : null, def, answers, computed: computeValues(def, answers),
    applicantName: applicantNameOf(def, answers), refs, draftToken: input.draftToken ?? null, input,
  };
}
