import type { TenantApi } from '../../app/api.ts';
import type { CkanGroup, CkanLicense, CkanOrganization, CkanPackage, DatastoreResult, SearchResult } from './types.ts';
import { FACET_FIELDS } from './types.ts';

// Every call of the citizen catalog pages: the CKAN Action API at /t/{slug}/api/3/action/{name}, which
// answers `{help, success, result}` (errors arrive as ApiError through the shared client).

/** Rows per page of the catalog search. */
export const PAGE_SIZE = 20;
/** Rows per page of a datastore table preview. */
export const PREVIEW_ROWS = 20;

/** The path of an action with its query (no origin): `/api/3/action/{name}?…`. */
export function actionPath(name: string, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/api/3/action/${name}${s ? `?${s}` : ''}`;
}

async function call<T>(api: TenantApi, name: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const body = await api.get<{ success: boolean; result: T }>(actionPath(name, params).slice('/api'.length));
  return body.result;
}

/** What the catalog page asks package_search for. */
export interface SearchQuery { q: string; fq: string; sort: string; start: number }

/** package_search with the catalog's facets (every value, so the checkboxes show all choices). */
export const packageSearch = (api: TenantApi, s: SearchQuery) => call<SearchResult>(api, 'package_search', {
  q: s.q, fq: s.fq, sort: s.sort, rows: PAGE_SIZE, start: s.start,
  'facet.field': JSON.stringify(FACET_FIELDS), 'facet.limit': 50,
});

/** The newest datasets, for the home page. */
export const newestPackages = (api: TenantApi, rows: number) =>
  call<SearchResult>(api, 'package_search', { sort: 'metadata_modified desc', rows });

/** package_show by name or id. */
export const packageShow = (api: TenantApi, id: string) => call<CkanPackage>(api, 'package_show', { id });

/** Every organisation with its titles (to show facet values in English). */
export const organizationList = (api: TenantApi) => call<CkanOrganization[]>(api, 'organization_list', { all_fields: 'true' });

/** Every group with its titles (to show facet values in English). */
export const groupList = (api: TenantApi) => call<CkanGroup[]>(api, 'group_list', { all_fields: 'true' });

/** The licences with their addresses. */
export const licenseList = (api: TenantApi) => call<CkanLicense[]>(api, 'license_list');

/** One page of a datastore table. */
export const datastoreSearch = (api: TenantApi, resourceId: string, offset: number, limit = PREVIEW_ROWS) =>
  call<DatastoreResult>(api, 'datastore_search', { resource_id: resourceId, limit, offset });
