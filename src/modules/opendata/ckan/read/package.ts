/** Dataset reads: package_list, package_show, package_search, current_package_list_with_resources, resource_show. */
import type { ActionContext, ActionDef } from '../actions.ts';
import { authError, notFoundError } from '../errors.ts';
import { datasetIdOf, loadPackages } from '../../catalog/load.ts';
import type { CkanPackage } from '../../catalog/types.ts';
import { INCLUDE_ALL, PUBLIC_ONLY, isVisible } from '../../search/visibility.ts';
import { matchAll, search } from '../../search/search.ts';
import { natural, required } from './params.ts';
import { indexOf, readingQuery, searchRequestOf, ROWS_MAX } from './search-request.ts';
import { orgDepartmentOf, resourceDatasetOf } from './repo.ts';

/**
 * A dataset as its caller may see it, read fresh from the database (download counts are current).
 * Private ones the caller may not see answer 403; drafts and deleted ones 404, as if they did not exist.
 */
async function visiblePackage(ctx: ActionContext, find: (tx: Parameters<typeof datasetIdOf>[0]) => Promise<string | null>, what: string): Promise<CkanPackage> {
  const found = await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const id = await find(tx);
    if (!id) return null;
    const [pkg] = await loadPackages(tx, ctx.base, { ids: [id] }, { includeDeleted: true });
    return pkg ? { pkg, departmentId: await orgDepartmentOf(tx, pkg.owner_org) } : null;
  });
  if (!found) throw notFoundError(what);
  const { pkg, departmentId } = found;
  if (isVisible({ state: pkg.state, private: pkg.private, departmentId }, ctx.actor, { ...INCLUDE_ALL, includeDeleted: true })) return pkg;
  if (pkg.state !== 'active') throw notFoundError(what);
  throw authError(`User not authorized to read package ${pkg.name}`);
}

const packageList: ActionDef = {
  name: 'package_list',
  help: 'Return a list of the names of the site\'s public, active datasets, sorted by name. Parameters: limit (int), offset (int).',
  async handler(ctx, params) {
    const limit = natural(params, 'limit', Number.MAX_SAFE_INTEGER);
    const offset = natural(params, 'offset', 0);
    const index = await indexOf(ctx);
    const names = index.docs.filter((d) => d.pkg.state === 'active' && !d.pkg.private).map((d) => d.pkg.name);
    return names.slice(offset, offset + limit);
  },
};

const packageShow: ActionDef = {
  name: 'package_show',
  help: 'Return the metadata of a dataset and its resources. Parameters: id (string, the id or name of the dataset); include_tracking is ignored.',
  async handler(ctx, params) {
    const id = required(params, 'id');
    return visiblePackage(ctx, (tx) => datasetIdOf(tx, id), 'Dataset');
  },
};

const packageSearch: ActionDef = {
  name: 'package_search',
  help: [
    'Search for datasets. Parameters: q (free text; field:value terms allowed), fq and fq_list (filters: field:value, field:"a b",',
    '-field:value, field:(a OR b), metadata_modified:[2024-01-01T00:00:00Z TO *], *:*), sort (default "score desc, metadata_modified desc";',
    'name, title_string, metadata_modified, metadata_created, id), rows (default 10, max 1000), start, facet, facet.field (JSON list),',
    'facet.limit (default 50, -1 for all), facet.mincount (default 1), include_private, include_drafts.',
    'Fields: name, id, title, notes, text, tags, organization, owner_org, groups, res_format, license_id, state, capacity.',
    'Returns {count, results, sort, facets, search_facets}.',
  ].join(' '),
  async handler(ctx, params) {
    const req = searchRequestOf(params);
    const index = await indexOf(ctx);
    const result = readingQuery(() => search(index, ctx.actor, req));
    return { count: result.count, results: result.results, sort: req.sortText, facets: result.facets, search_facets: result.search_facets };
  },
};

const currentPackageList: ActionDef = {
  name: 'current_package_list_with_resources',
  help: 'Return the datasets with their resources, the most recently modified first. Parameters: limit (int, default 10, max 1000), offset (int), page (int, deprecated).',
  async handler(ctx, params) {
    const limit = natural(params, 'limit', 10, ROWS_MAX);
    const page = params.offset == null && params.page != null ? natural(params, 'page', 1) : null;
    const offset = page != null ? Math.max(page - 1, 0) * limit : natural(params, 'offset', 0);
    const index = await indexOf(ctx);
    const docs = matchAll(index, ctx.actor, { ...PUBLIC_ONLY, includePrivate: true, clauses: [], sort: [{ key: 'modified', desc: true }] });
    return docs.slice(offset, offset + limit).map((d) => d.pkg);
  },
};

const resourceShow: ActionDef = {
  name: 'resource_show',
  help: 'Return the metadata of a resource. Parameters: id (string, the resource id).',
  async handler(ctx, params) {
    const id = required(params, 'id');
    const pkg = await visiblePackage(ctx, (tx) => resourceDatasetOf(tx, id), 'Resource');
    const resource = pkg.resources.find((r) => r.id === id);
    if (!resource) throw notFoundError('Resource');
    return resource;
  },
};

/** The dataset read actions. */
export const packageReads: ActionDef[] = [packageList, packageShow, packageSearch, currentPackageList, resourceShow];
