import type { ActionContext, ActionParams } from '../actions.ts';
import { CkanError } from '../errors.ts';
import { catalogIndex } from '../../search/catalog.ts';
import type { CatalogIndex } from '../../search/index.ts';
import { QueryError, parseQuery, parseSort } from '../../search/query.ts';
import type { SearchRequest } from '../../search/search.ts';
import { bool, integer, list, natural, str } from './params.ts';

/** CKAN's default order: the best matches first, then the most recently changed. */
export const DEFAULT_SORT = 'score desc, metadata_modified desc';
/** CKAN's ckan.search.rows_max. */
export const ROWS_MAX = 1000;

/** A query the index cannot read, as CKAN answers it: 400 Search Query Error naming the parameter. */
export function searchQueryError(err: QueryError): CkanError {
  return new CkanError(400, 'Search Query Error', `Search Query is invalid: ${err.param}: ${err.message}`, { [err.param]: [err.message] });
}

/** Runs `fn`, turning a QueryError into CKAN's Search Query Error. */
export function readingQuery<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof QueryError) throw searchQueryError(err);
    throw err;
  }
}

/** package_search's parameters (q, fq, fq_list, sort, rows, start, facet*, include_*) as a SearchRequest. */
export function searchRequestOf(params: ActionParams): SearchRequest & { sortText: string } {
  const rows = natural(params, 'rows', 10, ROWS_MAX);
  const start = natural(params, 'start', 0);
  const facet = bool(params, 'facet', true);
  const facetFields = facet ? list(params, 'facet.field') : [];
  const facetLimit = integer(params, 'facet.limit', 50);
  const facetMincount = integer(params, 'facet.mincount', 1);
  const includePrivate = bool(params, 'include_private', false);
  const includeDrafts = bool(params, 'include_drafts', false);
  const includeDeleted = bool(params, 'include_deleted', false);
  const sortText = str(params, 'sort').trim() || DEFAULT_SORT;
  return readingQuery(() => ({
    clauses: [
      ...parseQuery(str(params, 'q'), 'q', true),
      ...parseQuery(str(params, 'fq'), 'fq', false),
      ...list(params, 'fq_list').flatMap((fq) => parseQuery(fq, 'fq_list', false)),
    ],
    sort: parseSort(sortText), sortText, rows, start, facetFields, facetLimit, facetMincount, includePrivate, includeDrafts, includeDeleted,
  }));
}

/** The tenant's search index at the current catalog revision. */
export function indexOf(ctx: ActionContext): Promise<CatalogIndex> {
  return catalogIndex(ctx.platform, ctx.tenant, ctx.base);
}
