import type { Tx } from '../../../core/db/connection.ts';
import type { Actor, Platform, Tenant } from '../../../core/platform.ts';
import { isDbError } from '../../../core/db/params.ts';
import { datasetIdOf, loadPackages, type UrlBase } from '../catalog/load.ts';
import type { CkanPackage } from '../catalog/types.ts';
import { authError, notFoundError } from '../ckan/errors.ts';
import { canEditOrg, canSeePrivate } from '../policy.ts';
import { FieldErrors, fieldError, validationErrors } from './field-errors.ts';
import { defaultFields, parseDatasetFields, type DatasetFields } from './fields.ts';
import {
  datasetForWrite, datasetNameTaken, groupsByRefs, insertDatasetRow, keepResources, orgByRef, publishState, resourcesOf, setDatasetGroups,
  softDeleteDataset, updateDatasetRow, type OrgRef, type StoredDataset,
} from './repo.ts';

/** Who writes, where, and where download addresses point (the answer is a CKAN package dict). */
export interface WriteContext {
  platform: Platform;
  tenant: Tenant;
  actor: Actor;
  base: UrlBase;
  ip?: string | null;
}

const NAME_IN_USE: [string, string] = ['That URL is already in use.', 'このURL（name）は既に使われています'];

/** Writes need a staff member who may publish somewhere (citizens and anonymous callers never). */
export function assertPublisher(actor: Actor): void {
  if (!canSeePrivate(actor)) throw authError('Access denied: staff with open data rights only (オープンデータの権限を持つ職員のみ)');
}

/** Living datasets belong to the sync job: the API refuses to change them. */
export function assertNotLiving(d: { source: string | null }): void {
  if (d.source) {
    throw authError(`This dataset is kept up to date by the platform from ${d.source}; it cannot be changed through the API (このデータセットは元の業務システムから自動で更新されるため、APIでは変更できません)`);
  }
}

/**
 * The standard check guards publication: a dataset with a 自治体標準 template may not be public (active
 * and not private) while any of its resources failed the check. Call after the write, in its transaction.
 */
export async function assertPublishable(tx: Tx, datasetId: string): Promise<void> {
  const s = await publishState(tx, datasetId);
  if (!s || !s.public || !s.template_id || s.failing.length === 0) return;
  const messages = s.failing.flatMap((name) => [
    `Resource "${name}" fails the standard check (${s.template_id}); fix it or keep the dataset private or draft`,
    `リソース「${name}」が標準データセットのチェック（${s.template_id}）を通っていません。修正するか、非公開か下書きのままにしてください`,
  ]);
  throw validationErrors({ resources: messages });
}

const unique = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (isDbError(err, '23505', 'opendata_datasets_tenant_id_name_key')) throw fieldError('name', ...NAME_IN_USE);
    throw err;
  }
};

/** Resolves organisation and groups and checks the name is free, adding every problem to `errors`. */
async function resolveRefs(tx: Tx, errors: FieldErrors, f: DatasetFields, selfId: string | null): Promise<{ org: OrgRef | null; groupIds: string[] }> {
  const org = f.ownerOrg ? await orgByRef(tx, f.ownerOrg) : null;
  if (f.ownerOrg && !org) errors.add('owner_org', 'Organization does not exist', '組織が見つかりません');
  const groups = await groupsByRefs(tx, f.groups);
  for (const ref of f.groups) {
    if (!groups.some((g) => g.id === ref || g.name === ref)) errors.add('groups', `Group was not found: ${ref}`, `グループ ${ref} が見つかりません`);
  }
  if (f.name && !errors.fields.name && await datasetNameTaken(tx, f.name, selfId)) errors.add('name', ...NAME_IN_USE);
  return { org, groupIds: [...new Set(groups.map((g) => g.id))] };
}

async function fresh(tx: Tx, ctx: WriteContext, id: string): Promise<CkanPackage> {
  const [pkg] = await loadPackages(tx, ctx.base, { ids: [id] }, { includeDeleted: true });
  return pkg!;
}

const audit = (ctx: WriteContext, tx: Tx, verb: string, id: string, details: Record<string, unknown>) =>
  ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: `opendata.dataset.${verb}`, targetType: 'opendata_dataset', targetId: id, details, ip: ctx.ip ?? null });

/** package_create: checks every field, writes the dataset and its groups, and answers the package dict. */
export async function createDataset(ctx: WriteContext, params: Record<string, unknown>): Promise<CkanPackage> {
  assertPublisher(ctx.actor);
  return unique(() => ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const errors = new FieldErrors();
    const f = parseDatasetFields(errors, params, defaultFields(), 'create');
    const { org, groupIds } = await resolveRefs(tx, errors, f, null);
    // Resources are checked and stored by resource_create (uploads, the standard check): say so, never drop them silently.
    if (Array.isArray(params.resources) && params.resources.length > 0) {
      errors.add('resources', 'Add resources with resource_create once the dataset exists', 'リソースはデータセットを作成した後に resource_create で追加してください');
    }
    errors.throwIfAny();
    if (!canEditOrg(ctx.actor, org!.department_id)) throw authError(`User not authorized to add dataset to this organization: ${org!.name} (この組織にデータセットを追加する権限がありません)`);
    const id = await insertDatasetRow(tx, ctx.tenant.id, { ...f, ownerOrgId: org!.id }, ctx.actor.id);
    await setDatasetGroups(tx, ctx.tenant.id, id, groupIds);
    await assertPublishable(tx, id);
    await audit(ctx, tx, 'create', id, { name: f.name, owner_org: org!.name });
    return fresh(tx, ctx, id);
  }));
}

/** The stored dataset as fields, for package_patch to start from. */
function fieldsOf(d: StoredDataset): DatasetFields {
  return {
    name: d.name, title: { ja: d.title.ja ?? '', en: d.title.en ?? '' }, notes: { ja: d.notes.ja ?? '', en: d.notes.en ?? '' }, ownerOrg: d.owner_org,
    licenseId: d.license_id, tags: d.tags, groups: d.group_ids, extras: d.extras ?? [], private: d.private, state: d.state === 'draft' ? 'draft' : 'active',
    templateId: d.template_id, url: d.url, version: d.version, author: d.author, authorEmail: d.author_email, maintainer: d.maintainer, maintainerEmail: d.maintainer_email,
  };
}

/** A dataset the caller may change, by `id` (or `name`), locked; 404, 403 for another department's or a living one. */
export async function editableDataset(tx: Tx, actor: Actor, params: Record<string, unknown>, key = 'id'): Promise<StoredDataset> {
  const ref = params[key] ?? (key === 'id' ? params.name : undefined);
  if (typeof ref !== 'string' || !ref) throw fieldError(key, 'Missing value', '必須項目です');
  const id = await datasetIdOf(tx, ref);
  const d = id ? await datasetForWrite(tx, id) : null;
  if (!d) throw notFoundError('Package');
  assertNotLiving(d);
  if (!canEditOrg(actor, d.org_department_id)) throw authError(`User not authorized to edit package ${d.name} (このデータセットを編集する権限がありません)`);
  return d;
}

/** The resource order of package_update/patch: existing ids only (new ones go through resource_create). */
async function resourceOrder(tx: Tx, errors: FieldErrors, datasetId: string, raw: unknown): Promise<string[] | null> {
  if (raw === undefined) return null;
  const existing = await resourcesOf(tx, datasetId);
  if (!Array.isArray(raw)) {
    errors.add('resources', 'Must be a list of resources', 'リソースの配列で指定してください');
    return null;
  }
  const ids: string[] = [];
  for (const r of raw) {
    const id = r && typeof r === 'object' ? (r as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !existing.some((e) => e.id === id)) {
      errors.add('resources', 'Only existing resources (by id) may be listed here, to reorder or drop them; add new ones with resource_create',
        'ここには既存のリソース（id）だけを並べ替え・削除のために指定できます。新しいリソースは resource_create で追加してください');
    } else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * package_update (`replace`: fields not given go back to their defaults; name and organisation stay)
 * and package_patch (only the fields given). `resources`, when given, may only reorder or drop
 * existing resources; when left out they stay as they are.
 */
export async function updateDataset(ctx: WriteContext, params: Record<string, unknown>, mode: 'update' | 'patch'): Promise<CkanPackage> {
  assertPublisher(ctx.actor);
  return unique(() => ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const d = await editableDataset(tx, ctx.actor, params);
    const errors = new FieldErrors();
    const base = mode === 'patch' ? fieldsOf(d) : { ...defaultFields(), name: d.name, ownerOrg: d.owner_org };
    // `name` identified the dataset when no id was sent: it is not a rename then.
    const p = params.id === undefined ? { ...params, name: undefined } : params;
    const f = parseDatasetFields(errors, p, base, mode);
    const { org, groupIds } = await resolveRefs(tx, errors, f, d.id);
    const order = await resourceOrder(tx, errors, d.id, params.resources);
    errors.throwIfAny();
    if (org!.id !== d.owner_org && !canEditOrg(ctx.actor, org!.department_id)) {
      throw authError(`User not authorized to move the dataset to this organization: ${org!.name} (この組織へデータセットを移す権限がありません)`);
    }
    await updateDatasetRow(tx, d.id, { ...f, ownerOrgId: org!.id });
    await setDatasetGroups(tx, ctx.tenant.id, d.id, groupIds);
    if (order) await keepResources(tx, d.id, order);
    await assertPublishable(tx, d.id);
    await audit(ctx, tx, 'update', d.id, { name: f.name, mode, ...(org!.id !== d.owner_org ? { moved_from: d.owner_org, owner_org: org!.name } : {}) });
    return fresh(tx, ctx, d.id);
  }));
}

/** package_delete: soft (state deleted, kept so harvesters see it go); answers null as CKAN. */
export async function deleteDataset(ctx: WriteContext, params: Record<string, unknown>): Promise<null> {
  assertPublisher(ctx.actor);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const d = await editableDataset(tx, ctx.actor, params);
    if (d.state === 'deleted') return;
    await softDeleteDataset(tx, d.id);
    await audit(ctx, tx, 'delete', d.id, { name: d.name });
  });
  return null;
}

