/** Organisation and group reads: organization_list, organization_show, group_list, group_show. */
import type { Actor } from '../../../../core/platform.ts';
import type { ActionContext, ActionDef, ActionParams } from '../actions.ts';
import { notFoundError, validationError } from '../errors.ts';
import type { CatalogIndex, CkanGroupDict } from '../../search/index.ts';
import type { CkanOrganization } from '../../catalog/types.ts';
import { matchAll } from '../../search/search.ts';
import { INCLUDE_ALL, PUBLIC_ONLY, isVisible, type Include } from '../../search/visibility.ts';
import { canSeePrivate } from '../../policy.ts';
import { bool, list, natural, required, str } from './params.ts';
import { DEFAULT_SORT, indexOf } from './search-request.ts';
import { parseSort } from '../../search/query.ts';

type Kind = 'organization' | 'group';
type Dict = (CkanOrganization | CkanGroupDict) & { display_name?: string };

/** CKAN's group_and_organization_list_max and _all_fields_max. */
const LIST_MAX = 1000;
const ALL_FIELDS_MAX = 25;
/** How many datasets organization_show / group_show include at most. */
const SHOW_DATASETS_MAX = 1000;

/** Staff see their private datasets counted; the public, public ones. */
const countingFor = (actor: Actor): Include => (canSeePrivate(actor) ? { ...PUBLIC_ONLY, includePrivate: true } : PUBLIC_ONLY);

/** Dataset counts per organisation id or group id, of the datasets the caller may see. */
function countsOf(index: CatalogIndex, kind: Kind, actor: Actor): Map<string, number> {
  const include = countingFor(actor);
  const groupIdByName = new Map([...index.groups.values()].map((g) => [g.name, g.id]));
  const counts = new Map<string, number>();
  for (const d of index.docs) {
    if (!isVisible({ state: d.pkg.state, private: d.pkg.private, departmentId: d.departmentId }, actor, include)) continue;
    const keys = kind === 'organization' ? [d.pkg.owner_org] : d.values.groups.map((n) => groupIdByName.get(n)!);
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function dictsOf(index: CatalogIndex, kind: Kind): Dict[] {
  return kind === 'organization'
    ? [...index.orgs.values()].map((o) => ({ ...o.dict, display_name: o.dict.title, image_display_url: o.dict.image_url }))
    : [...index.groups.values()];
}

function sortOf(params: ActionParams): { key: 'name' | 'title' | 'package_count'; desc: boolean } {
  const text = (str(params, 'sort') || str(params, 'order_by') || 'title asc').trim();
  const m = /^(name|title|package_count)(?:\s+(asc|desc))?$/i.exec(text);
  if (!m) throw validationError('sort', `Cannot sort by "${text}": use name, title or package_count with asc or desc`);
  return { key: m[1]!.toLowerCase() as 'name' | 'title' | 'package_count', desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
}

function listAction(kind: Kind): ActionDef {
  const plural = kind === 'organization' ? 'organizations' : 'groups';
  return {
    name: `${kind}_list`,
    help: `Return the names of the site's ${plural}, or their dicts with all_fields=true. Parameters: sort ("title asc" (default), "name asc", "package_count desc"), limit, offset, ${plural} (names to keep), all_fields, include_dataset_count.`,
    async handler(ctx, params) {
      const allFields = bool(params, 'all_fields', false);
      const limit = natural(params, 'limit', allFields ? ALL_FIELDS_MAX : LIST_MAX, allFields ? ALL_FIELDS_MAX : LIST_MAX);
      const offset = natural(params, 'offset', 0);
      const sort = sortOf(params);
      const only = new Set(list(params, plural));
      const withCount = bool(params, 'include_dataset_count', true);
      const index = await indexOf(ctx);
      const counts = countsOf(index, kind, ctx.actor);
      const rows = dictsOf(index, kind).filter((d) => only.size === 0 || only.has(d.name)).map((d) => ({ d, count: counts.get(d.id) ?? 0 }));
      rows.sort((a, b) => {
        const diff = sort.key === 'package_count' ? a.count - b.count
          : (sort.key === 'name' ? a.d.name : a.d.title).localeCompare(sort.key === 'name' ? b.d.name : b.d.title, 'ja');
        return (sort.desc ? -diff : diff) || a.d.name.localeCompare(b.d.name);
      });
      const page = rows.slice(offset, offset + limit);
      if (!allFields) return page.map((r) => r.d.name);
      return page.map((r) => ({ ...r.d, ...(withCount ? { package_count: r.count } : {}) }));
    },
  };
}

/** The organisation or group of an id or name, or a 404. */
function find(index: CatalogIndex, kind: Kind, idOrName: string): Dict {
  const found = dictsOf(index, kind).find((d) => d.id === idOrName || d.name === idOrName);
  if (!found) throw notFoundError(kind === 'organization' ? 'Organization' : 'Group');
  return found;
}

function showAction(kind: Kind): ActionDef {
  return {
    name: `${kind}_show`,
    help: `Return the details of a${kind === 'organization' ? 'n organization' : ' group'}. Parameters: id (id or name), include_datasets (default false; up to ${SHOW_DATASETS_MAX} of its datasets), include_dataset_count (default true).`,
    async handler(ctx: ActionContext, params) {
      const id = required(params, 'id');
      const includeDatasets = bool(params, 'include_datasets', false);
      const withCount = bool(params, 'include_dataset_count', true);
      const index = await indexOf(ctx);
      const dict = find(index, kind, id);
      const clause = kind === 'organization'
        ? { kind: 'field' as const, field: 'owner_org', values: [{ kind: 'exact' as const, value: dict.id }], every: false, negate: false }
        : { kind: 'field' as const, field: 'groups', values: [{ kind: 'exact' as const, value: dict.name }], every: false, negate: false };
      const include = canSeePrivate(ctx.actor) ? { ...INCLUDE_ALL, includeDrafts: false } : PUBLIC_ONLY;
      const docs = matchAll(index, ctx.actor, { ...include, clauses: [clause], sort: parseSort(DEFAULT_SORT) });
      return {
        ...dict, ...(withCount ? { package_count: docs.length } : {}), extras: [], tags: [], groups: [], users: [],
        ...(includeDatasets ? { packages: docs.slice(0, SHOW_DATASETS_MAX).map((d) => d.pkg) } : {}),
      };
    },
  };
}

/** The organisation and group read actions. */
export const orgGroupReads: ActionDef[] = [listAction('organization'), showAction('organization'), listAction('group'), showAction('group')];
