/**
 * datastore_search and datastore_info with CKAN's semantics and result shape. A resource is searchable
 * when its dataset is visible to the caller (the same rule as the dataset) and its datastore is active.
 */
import type { Tx } from '../../../core/db/connection.ts';
import { toCsv } from '../../../core/ja/csv.ts';
import type { ActionContext, ActionParams } from '../ckan/actions.ts';
import { notFoundError, validationError } from '../ckan/errors.ts';
import { canSeeDataset } from '../resources/access.ts';
import { resourceAccess } from '../resources/repo.ts';
import { searchQuery, type SearchQuery } from './params.ts';
import { countRows, fieldsOf, searchRows } from './repo.ts';
import type { DatastoreField } from './store.ts';

/** datastore_search's result (CKAN 2.10). */
export interface DatastoreSearchResult {
  resource_id: string;
  fields: DatastoreField[];
  records: Record<string, unknown>[] | unknown[][] | string;
  total?: number;
  total_was_estimated?: boolean;
  limit: number;
  offset?: number;
  records_format?: string;
  _links: { start: string; next: string };
}

function resourceIdOf(params: ActionParams): string {
  const id = params.resource_id ?? params.id;
  if (typeof id !== 'string' || id.trim() === '') throw validationError('resource_id', 'Missing value');
  return id.trim();
}

/** The query string CKAN puts in `_links`: the parameters as sent (objects as JSON), with the given offset. */
function link(ctx: ActionContext, params: ActionParams, offset: number | null): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === 'offset' || v === undefined || v === null) continue;
    q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  if (offset !== null) q.set('offset', String(offset));
  return `/t/${ctx.tenant.slug}/api/3/action/datastore_search?${q.toString()}`;
}

/** A stored value as answered: number columns as numbers even when a loader stored text. */
function out(f: DatastoreField, v: unknown): unknown {
  if (v === undefined) return null;
  if ((f.type === 'int' || f.type === 'numeric' || f.type === 'float') && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

function records(query: SearchQuery, rows: { row_id: number; data: Record<string, unknown> }[]): DatastoreSearchResult['records'] {
  const cell = (f: DatastoreField, r: { row_id: number; data: Record<string, unknown> }) => (f.id === '_id' ? r.row_id : out(f, r.data[f.id]));
  if (query.format === 'objects') return rows.map((r) => Object.fromEntries(query.fields.map((f) => [f.id, cell(f, r)])));
  const lists = rows.map((r) => query.fields.map((f) => cell(f, r)));
  if (query.format === 'lists') return lists;
  // CKAN's csv/tsv records: the rows without a header line.
  if (query.format === 'csv') return toCsv(lists);
  return lists.map((l) => l.map((v) => (v == null ? '' : String(v).replace(/[\t\r\n]/g, ' '))).join('\t')).join('\r\n') + (lists.length ? '\r\n' : '');
}

/** The columns of a visible, active datastore resource; 404 (CKAN's "Resource not found") otherwise. */
async function visibleFields(ctx: ActionContext, tx: Tx, resourceId: string): Promise<DatastoreField[]> {
  const r = await resourceAccess(tx, resourceId);
  if (!r || !canSeeDataset(ctx.actor, r) || !r.datastore_active) throw notFoundError(`Resource "${resourceId}"`);
  return fieldsOf(tx, resourceId);
}

/** datastore_search: a page of a tabular resource's rows, filtered, searched, sorted and projected. */
export async function datastoreSearch(ctx: ActionContext, params: ActionParams): Promise<DatastoreSearchResult> {
  const resourceId = resourceIdOf(params);
  // One transaction for the lookup and the search: a search is a few milliseconds, a round trip counts.
  const { query, rows, total } = await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const q = searchQuery(params, await visibleFields(ctx, tx, resourceId));
    const page = await searchRows(tx, resourceId, q.conditions, q.sort, q.limit, q.offset, q.includeTotal);
    if (!q.includeTotal) return { query: q, rows: page.rows, total: undefined };
    // An empty page carries no count: none match when the first page is empty; else (limit 0, an offset past the end) count apart.
    return { query: q, rows: page.rows, total: page.total ?? (q.offset === 0 && q.limit > 0 ? 0 : await countRows(tx, resourceId, q.conditions)) };
  });
  return {
    resource_id: resourceId,
    fields: query.fields,
    records: records(query, rows),
    ...(total === undefined ? {} : { total, total_was_estimated: false }),
    limit: query.limit,
    offset: query.offset,
    ...(query.format === 'objects' ? {} : { records_format: query.format }),
    _links: { start: link(ctx, params, null), next: link(ctx, params, query.offset + query.limit) },
  };
}

/** datastore_info: the columns of a tabular resource and its row count. */
export async function datastoreInfo(ctx: ActionContext, params: ActionParams): Promise<{ meta: { count: number }; fields: DatastoreField[] }> {
  const resourceId = resourceIdOf(params);
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const fields = await visibleFields(ctx, tx, resourceId);
    return { meta: { count: await countRows(tx, resourceId, []) }, fields };
  });
}
