import type { Tx } from '../../../core/db/connection.ts';
import { isDbError } from '../../../core/db/params.ts';
import { can } from '../../../core/auth/access.ts';
import { presentOrganization } from '../catalog/load.ts';
import type { CkanGroup, CkanOrganization } from '../catalog/types.ts';
import { authError, notFoundError } from '../ckan/errors.ts';
import { MANAGE, PUBLISH } from '../policy.ts';
import { FieldErrors, fieldError } from './field-errors.ts';
import { checkName, checkTranslated } from './fields.ts';
import { setMembership } from './repo.ts';
import { assertPublisher, editableDataset, type WriteContext } from './service.ts';
import {
  datasetsOwned, deleteOwner, departmentExists, insertOwner, orgsForDepartments, ownerByRef, ownerNameTaken, updateOwner,
  type Kind, type OwnerFields, type OwnerRow,
} from './org-repo.ts';

/** Organisations (課 that publish) and groups (themes) through CKAN's organization_* and group_* actions. */

const NAME_IN_USE: [string, string] = ['Group name already exists in database', 'この name は既に使われています'];

/** An organisation or group as CKAN answers it. */
export function presentOwner(kind: Kind, r: OwnerRow): CkanOrganization | (CkanGroup & { type: 'group'; is_organization: false }) {
  if (kind === 'organization') return { ...presentOrganization(r), department_id: r.department_id } as CkanOrganization;
  const org = presentOrganization(r);
  return { id: r.id, name: r.name, title: org.title, title_translated: org.title_translated, display_name: org.title, description: org.description, image_url: r.image_url, type: 'group', is_organization: false };
}

function assertManager(ctx: WriteContext): void {
  if (!can(ctx.actor, MANAGE)) throw authError('Access denied: organisations and groups are managed by the open data administrators (組織とグループはオープンデータ管理者が管理します)');
}

async function parseOwner(tx: Tx, kind: Kind, p: Record<string, unknown>, current: OwnerFields, mode: 'create' | 'update' | 'patch', selfId: string | null): Promise<OwnerFields> {
  const errors = new FieldErrors();
  const patch = mode === 'patch';
  const out: OwnerFields = { ...current };
  if (p.name !== undefined || mode === 'create') out.name = checkName(errors, 'name', p.name);
  out.title = checkTranslated(errors, p, 'title', patch ? current.title : { ja: '', en: '' }, { required: false, max: 200, patch });
  if (!out.title.ja) out.title = { ja: out.name, en: out.title.en };
  out.description = checkTranslated(errors, p, 'description', patch ? current.description : { ja: '', en: '' }, { required: false, max: 20000, patch });
  if (p.image_url !== undefined) {
    if (p.image_url !== null && (typeof p.image_url !== 'string' || p.image_url.length > 500)) errors.add('image_url', 'Must be a string of at most 500 characters', '500文字以内の文字列で指定してください');
    else out.imageUrl = (p.image_url as string | null) ?? '';
  } else if (!patch) out.imageUrl = '';
  // department_id is this catalog's own field (which 課 publishes for the organisation): kept unless sent.
  if (kind === 'organization' && p.department_id !== undefined) {
    if (p.department_id === null || p.department_id === '') out.departmentId = null;
    else if (typeof p.department_id !== 'string' || !await departmentExists(tx, p.department_id)) errors.add('department_id', 'Department not found', '部署が見つかりません');
    else out.departmentId = p.department_id;
  }
  if (out.name && !errors.fields.name && await ownerNameTaken(tx, kind, out.name, selfId)) errors.add('name', ...NAME_IN_USE);
  errors.throwIfAny();
  return out;
}

const audit = (ctx: WriteContext, tx: Tx, kind: Kind, verb: string, id: string, details: Record<string, unknown>) =>
  ctx.platform.audit.record(tx, { tenantId: ctx.tenant.id, actor: ctx.actor, action: `opendata.${kind}.${verb}`, targetType: `opendata_${kind}`, targetId: id, details, ip: ctx.ip ?? null });

const unique = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (isDbError(err, '23505', '_tenant_id_name_key')) throw fieldError('name', ...NAME_IN_USE);
    throw err;
  }
};

async function existing(tx: Tx, kind: Kind, p: Record<string, unknown>): Promise<OwnerRow> {
  const ref = p.id ?? p.name;
  if (typeof ref !== 'string' || !ref) throw fieldError('id', 'Missing value', '必須項目です');
  const row = await ownerByRef(tx, kind, ref);
  if (!row) throw notFoundError(kind === 'organization' ? 'Organization' : 'Group');
  return row;
}

/** organization_create / group_create (opendata.manage). */
export async function createOwner(ctx: WriteContext, kind: Kind, params: Record<string, unknown>) {
  assertManager(ctx);
  return unique(() => ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const empty: OwnerFields = { name: '', title: { ja: '', en: '' }, description: { ja: '', en: '' }, imageUrl: '', departmentId: null };
    const f = await parseOwner(tx, kind, params, empty, 'create', null);
    const row = await insertOwner(tx, kind, ctx.tenant.id, f);
    await audit(ctx, tx, kind, 'create', row.id, { name: row.name });
    return presentOwner(kind, row);
  }));
}

/** organization_update / group_update (replace) and *_patch (only fields given). */
export async function updateOwnerAction(ctx: WriteContext, kind: Kind, params: Record<string, unknown>, mode: 'update' | 'patch') {
  assertManager(ctx);
  return unique(() => ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await existing(tx, kind, params);
    const current: OwnerFields = { name: row.name, title: row.title, description: { ja: row.description.ja ?? '', en: row.description.en ?? '' }, imageUrl: row.image_url, departmentId: row.department_id };
    const p = params.id === undefined ? { ...params, name: undefined } : params;
    const f = await parseOwner(tx, kind, p, current, mode, row.id);
    const updated = await updateOwner(tx, kind, row.id, f);
    await audit(ctx, tx, kind, 'update', row.id, { name: updated.name, mode });
    return presentOwner(kind, updated);
  }));
}

/** organization_delete (refused while it owns datasets) / group_delete (memberships go with it). */
export async function deleteOwnerAction(ctx: WriteContext, kind: Kind, params: Record<string, unknown>): Promise<null> {
  assertManager(ctx);
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const row = await existing(tx, kind, params);
    if (kind === 'organization') {
      const n = await datasetsOwned(tx, row.id);
      if (n > 0) throw fieldError('id', `Organization cannot be deleted while it owns ${n} dataset(s), deleted ones included`, `この組織はデータセットを${n}件持っているため削除できません（削除済みを含む）`);
    }
    await deleteOwner(tx, kind, row.id);
    await audit(ctx, tx, kind, 'delete', row.id, { name: row.name });
  });
  return null;
}

/** member_create / member_delete for dataset ↔ group (`object_type: package`); the dataset's editors may. */
export async function setGroupMember(ctx: WriteContext, params: Record<string, unknown>, member: boolean) {
  assertPublisher(ctx.actor);
  if (params.object_type !== 'package') throw fieldError('object_type', 'Only datasets (package) can be members of groups here', 'グループに入れられるのはデータセット（package）だけです');
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const group = await existing(tx, 'group', { id: params.id });
    const d = await editableDataset(tx, ctx.actor, { id: params.object }, 'id');
    await setMembership(tx, ctx.tenant.id, d.id, group.id, member);
    await audit(ctx, tx, 'group', member ? 'member_create' : 'member_delete', group.id, { dataset: d.name });
    return member ? { id: `${group.id}:${d.id}`, table_name: 'package', table_id: d.id, group_id: group.id, capacity: String(params.capacity ?? 'public'), state: 'active' } : null;
  });
}

/** organization_list_for_user: where the caller may create datasets (all for managers; own departments' for publishers). */
export async function orgsForUser(ctx: WriteContext): Promise<CkanOrganization[]> {
  if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'system') return [];
  const all = can(ctx.actor, MANAGE);
  if (!all && !can(ctx.actor, PUBLISH)) return [];
  const rows = await ctx.platform.inTenant(ctx.tenant.id, (tx) => orgsForDepartments(tx, all, ctx.actor.departmentIds));
  return rows.map((r) => presentOwner('organization', r) as CkanOrganization);
}
