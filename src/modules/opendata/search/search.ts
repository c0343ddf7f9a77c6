/**
 * package_search over a CatalogIndex: visibility, q and fq clauses, score, sort, facets, paging. Pure.
 * Candidates come from the bigram inverted index when the query has text; every candidate is then
 * checked against the normalised text itself, so the index only ever saves work.
 */
import type { Actor } from '../../../core/platform.ts';
import type { CkanPackage } from '../catalog/types.ts';
import { EXACT_FIELDS, WEIGHTED, displayNameOf, type CatalogIndex, type Doc, type ExactField, type TextKey } from './index.ts';
import { QueryError, type Clause, type SortKey, type Token, type Value } from './query.ts';
import { isVisible, type Include } from './visibility.ts';

/** What package_search asks of the index. */
export interface SearchRequest extends Include {
  clauses: Clause[];
  sort: SortKey[];
  rows: number;
  start: number;
  facetFields: string[];
  /** -1: every value */
  facetLimit: number;
  facetMincount: number;
}

export interface FacetItem { name: string; display_name: string; count: number }

/** CKAN's answer (the action adds `sort`, echoed as asked). */
export interface SearchResult {
  count: number;
  results: CkanPackage[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: FacetItem[] }>;
}

const FIELD_KEYS: Record<'text' | 'title' | 'notes', readonly TextKey[]> = { text: ['title', 'tags', 'org', 'notes'], title: ['title'], notes: ['notes'] };

function tokenScore(t: Token, doc: Doc, keys: readonly TextKey[]): number {
  let score = 0;
  for (const [key, weight] of WEIGHTED) {
    if (!keys.includes(key)) continue;
    const text = doc.text[key];
    if (text.includes(t.text)) score += weight;
    else if (t.fuzzy) {
      let hit = 0;
      for (const g of t.grams) if (text.includes(g)) hit++;
      // half of the bigrams: 避難所 (避難, 難所) finds 避難場所; scored below an exact match
      if (hit * 2 >= t.grams.length) score += (weight * hit) / t.grams.length / 2;
    }
  }
  return score;
}

function valueHolds(v: Value, field: string, doc: Doc): boolean {
  if (field === 'metadata_modified' || field === 'metadata_created') {
    if (v.kind === 'any') return true;
    if (v.kind !== 'range') return false;
    const t = field === 'metadata_modified' ? doc.modifiedMs : doc.createdMs;
    return (v.from == null || (v.fromIncl ? t >= v.from : t > v.from)) && (v.to == null || (v.toIncl ? t <= v.to : t < v.to));
  }
  const values = doc.values[field as ExactField];
  if (v.kind === 'any') return values.length > 0;
  if (v.kind === 'range') return false;
  const want = field === 'res_format' ? v.value.toUpperCase() : v.value;
  return v.kind === 'exact' ? values.includes(want) : values.some((x) => x.startsWith(want));
}

/** The clause's score when it holds for the doc, null when it does not. */
function evaluate(c: Clause, doc: Doc): number | null {
  let score: number | null;
  switch (c.kind) {
    case 'all': score = 0; break;
    case 'text': { const s = tokenScore(c.token, doc, FIELD_KEYS[c.field]); score = s > 0 ? s : null; break; }
    case 'field': {
      const holds = c.every ? c.values.every((v) => valueHolds(v, c.field, doc)) : c.values.some((v) => valueHolds(v, c.field, doc));
      score = holds ? 0 : null;
      break;
    }
    case 'or': {
      score = null;
      for (const sub of c.clauses) { const s = evaluate(sub, doc); if (s != null && (score == null || s > score)) score = s; }
      break;
    }
    case 'and': {
      score = 0;
      for (const sub of c.clauses) { const s = evaluate(sub, doc); if (s == null) { score = null; break; } score += s; }
      break;
    }
  }
  if (c.negate) return score == null ? 0 : null;
  return score;
}

/** Positions of the datasets that may hold every positive top-level text token (null: no pruning). */
function candidates(index: CatalogIndex, clauses: Clause[]): Uint8Array | null {
  let marks: Uint8Array | null = null;
  for (const c of clauses) {
    if (c.kind !== 'text' || c.negate || c.token.grams.length === 0) continue;
    const counts = new Uint16Array(index.docs.length);
    for (const g of c.token.grams) for (const p of index.grams.get(g) ?? []) counts[p]!++;
    const needed = c.token.fuzzy ? Math.ceil(c.token.grams.length / 2) : c.token.grams.length;
    const next = new Uint8Array(index.docs.length);
    for (let i = 0; i < counts.length; i++) if (counts[i]! >= needed && (!marks || marks[i])) next[i] = 1;
    marks = next;
  }
  return marks;
}

function compareBy(sort: SortKey[], scores: Float64Array) {
  return (a: Doc, b: Doc): number => {
    for (const k of sort) {
      const d = k.key === 'score' ? scores[a.pos]! - scores[b.pos]! : a.rank[k.key] - b.rank[k.key];
      if (d !== 0) return k.desc ? -d : d;
    }
    return a.pos - b.pos;
  };
}

/**
 * The hits in the order asked. Sort ranks are unique, so when the first key (after a score that is the
 * same for every hit) is a rank, walking the index's precomputed order gives the result without sorting.
 */
function ordered(index: CatalogIndex, hits: Uint8Array, scores: Float64Array, count: number, uniformScore: boolean, sort: SortKey[]): Doc[] {
  const keys = uniformScore ? sort.filter((k) => k.key !== 'score') : sort;
  const first = keys[0];
  const out: Doc[] = [];
  if (!first || first.key !== 'score') {
    const order = first && first.key !== 'score' ? index.order[first.key] : null;
    const n = index.docs.length;
    for (let i = 0; i < n && out.length < count; i++) {
      const pos = order ? order[first!.desc ? n - 1 - i : i]! : i;
      if (hits[pos]) out.push(index.docs[pos]!);
    }
    return out;
  }
  for (const d of index.docs) if (hits[d.pos]) out.push(d);
  return out.sort(compareBy(keys, scores));
}

/** Facet counts of the matching docs: count desc, then value; limited; as CKAN's `facets` and `search_facets`. */
function facetsOf(index: CatalogIndex, docs: Doc[], req: SearchRequest): Pick<SearchResult, 'facets' | 'search_facets'> {
  const facets: SearchResult['facets'] = {};
  const searchFacets: SearchResult['search_facets'] = {};
  for (const field of req.facetFields) {
    if (!(EXACT_FIELDS as readonly string[]).includes(field)) throw new QueryError('facet.field', `Cannot facet on "${field}" (known: ${EXACT_FIELDS.join(', ')})`);
    const dictionary = index.dictionary[field as ExactField];
    const { start, ids } = index.valueIds[field as ExactField];
    const counts = new Uint32Array(dictionary.length);
    for (const d of docs) {
      for (let j = start[d.pos]!, end = start[d.pos + 1]!; j < end; j++) counts[ids[j]!]!++;
    }
    let items: [string, number][] = [];
    counts.forEach((n, id) => { if (n > 0 && n >= req.facetMincount) items.push([dictionary[id]!, n]); });
    items.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (req.facetLimit >= 0) items = items.slice(0, req.facetLimit);
    facets[field] = Object.fromEntries(items);
    searchFacets[field] = { title: field, items: items.map(([name, count]) => ({ name, display_name: displayNameOf(index, field, name), count })) };
  }
  return { facets, search_facets: searchFacets };
}

/** Every dataset visible to the actor that matches, sorted (the page is cut by the caller or by `search`). */
export function matchAll(index: CatalogIndex, actor: Actor, req: Omit<SearchRequest, 'rows' | 'start' | 'facetFields' | 'facetLimit' | 'facetMincount'>): Doc[] {
  const marks = candidates(index, req.clauses);
  const hits = new Uint8Array(index.docs.length);
  const scores = new Float64Array(index.docs.length);
  let count = 0;
  let firstScore: number | null = null;
  let uniformScore = true;
  for (const doc of index.docs) {
    if (marks && !marks[doc.pos]) continue;
    if (!doc.isPublic && !isVisible({ state: doc.pkg.state, private: doc.pkg.private, departmentId: doc.departmentId }, actor, req)) continue;
    let score = 0;
    let ok = true;
    for (const c of req.clauses) {
      const s = evaluate(c, doc);
      if (s == null) { ok = false; break; }
      score += s;
    }
    if (!ok) continue;
    hits[doc.pos] = 1;
    scores[doc.pos] = score;
    count++;
    if (firstScore == null) firstScore = score;
    else if (score !== firstScore) uniformScore = false;
  }
  return ordered(index, hits, scores, count, uniformScore, req.sort);
}

/** package_search: the page of package dicts, the count and the facets of every match. */
export function search(index: CatalogIndex, actor: Actor, req: SearchRequest): SearchResult {
  const docs = matchAll(index, actor, req);
  return {
    count: docs.length,
    results: docs.slice(req.start, req.start + req.rows).map((d) => d.pkg),
    ...facetsOf(index, docs, req),
  };
}
