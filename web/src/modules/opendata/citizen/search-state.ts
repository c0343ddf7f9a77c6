import { FACET_FIELDS, type FacetField } from '../types.ts';
import { PAGE_SIZE, type SearchQuery } from '../api.ts';

/** The catalog page's state, all of it kept in the URL query so links, reloads and Back work. */
export interface CatalogState {
  q: string;
  facets: Record<FacetField, string[]>;
  sort: string;
  /** 1-based */
  page: number;
}

/** The sort orders offered (CKAN sort strings); '' is CKAN's default, relevance then newest. */
export const SORTS = ['', 'metadata_modified desc', 'title_string asc'] as const;

/** Reads the state from a URL query (unknown values are dropped, bad pages become 1). */
export function readState(search: URLSearchParams): CatalogState {
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, [...new Set(search.getAll(f).filter(Boolean))]])) as Record<FacetField, string[]>;
  const sort = search.get('sort') ?? '';
  const page = Number(search.get('page'));
  return {
    q: (search.get('q') ?? '').trim(),
    facets,
    sort: (SORTS as readonly string[]).includes(sort) ? sort : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL query of a state (empty parts left out, page 1 unsaid). */
export function writeState(s: CatalogState): string {
  const q = new URLSearchParams();
  if (s.q) q.set('q', s.q);
  for (const f of FACET_FIELDS) for (const v of s.facets[f]) q.append(f, v);
  if (s.sort) q.set('sort', s.sort);
  if (s.page > 1) q.set('page', String(s.page));
  const str = q.toString();
  return str ? `?${str}` : '';
}

/** The same state with one facet value switched on or off (back to page 1, as the results change). */
export function toggleFacet(s: CatalogState, field: FacetField, value: string, on: boolean): CatalogState {
  const now = s.facets[field].filter((v) => v !== value);
  return { ...s, facets: { ...s.facets, [field]: on ? [...now, value] : now }, page: 1 };
}

/** How many facet values are chosen. */
export function chosenCount(s: CatalogState): number {
  return FACET_FIELDS.reduce((n, f) => n + s.facets[f].length, 0);
}

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The package_search query of a state. Chosen values are ANDed as CKAN's own pages do
 * (`organization:"x" tags:"y"`): each tick narrows the results.
 */
export function toQuery(s: CatalogState): SearchQuery {
  const fq = FACET_FIELDS.flatMap((f) => s.facets[f].map((v) => `${f}:${quote(v)}`)).join(' ');
  return { q: s.q, fq, sort: s.sort, start: (s.page - 1) * PAGE_SIZE };
}
