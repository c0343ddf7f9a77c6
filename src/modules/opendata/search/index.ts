/**
 * The in-memory search index of one tenant's catalog (what Solr is to CKAN): every dataset's package dict
 * with its search text pre-normalised, a bigram → datasets inverted index for Japanese without spaces,
 * the values of the filter/facet fields, and sort ranks. Pure: built from loaded rows, no I/O.
 */
import { normalizeForSearch } from '../../../core/ja/index.ts';
import { licenseOf } from '../catalog/licenses.ts';
import type { CkanOrganization, CkanPackage, Translated } from '../catalog/types.ts';

/** A group as group_list / group_show answer it (without package_count, which depends on the caller). */
export interface CkanGroupDict {
  id: string; name: string; title: string; title_translated: Translated; display_name: string; description: string;
  description_translated: Translated; image_url: string; image_display_url: string; type: 'group'; is_organization: false;
  state: 'active'; approval_status: 'approved'; created: string;
}

/** An organisation with the department (課) whose staff may publish its datasets. */
export interface OrgEntry {
  dict: CkanOrganization;
  departmentId: string | null;
}

/** Fields whose values are matched exactly (fq, facets). */
export const EXACT_FIELDS = ['name', 'id', 'tags', 'organization', 'owner_org', 'groups', 'res_format', 'license_id', 'state',
  'dataset_type', 'type', 'capacity', 'author', 'maintainer'] as const;
export type ExactField = (typeof EXACT_FIELDS)[number];
/** Fields matched as text, token by token (title:避難 finds 指定緊急避難場所). */
export const TEXT_FIELDS = ['title', 'notes', 'text'] as const;
/** Timestamp fields that accept ranges ([2024-01-01T00:00:00Z TO *]). */
export const DATE_FIELDS = ['metadata_modified', 'metadata_created'] as const;

/** The free-text fields of a dataset, normalised, with their weight in the score. */
export const WEIGHTED = [['title', 10], ['tags', 5], ['org', 2], ['notes', 1]] as const;
export type TextKey = (typeof WEIGHTED)[number][0];

/** One dataset in the index. */
export interface Doc {
  pos: number;
  pkg: CkanPackage;
  /** The department of the owner organisation (who may see it while private or draft). */
  departmentId: string | null;
  text: Record<TextKey, string>;
  /** The inner bigrams of all its text (the inverted index's keys). */
  bigrams: string[];
  values: Record<ExactField, string[]>;
  /** Active and not private: seen by everybody. */
  isPublic: boolean;
  modifiedMs: number;
  createdMs: number;
  /** Position in each sort order (ascending), so sorting compares integers. */
  rank: { name: number; title: number; modified: number; created: number; id: number };
}

/** A tenant's catalog, searchable. */
export interface CatalogIndex {
  revision: string;
  docs: Doc[];
  byId: Map<string, Doc>;
  byName: Map<string, Doc>;
  /** bigram → positions of the datasets whose text holds it (ascending). */
  grams: Map<string, Uint32Array>;
  orgs: Map<string, OrgEntry>;
  groups: Map<string, CkanGroupDict>;
  /** Per exact field: every value, numbered. */
  dictionary: Record<ExactField, string[]>;
  /** Per exact field, the value numbers of each dataset: those of position p are ids[start[p]] … ids[start[p + 1] - 1]. */
  valueIds: Record<ExactField, { start: Uint32Array; ids: Uint32Array }>;
  /** Per sort key: dataset positions in ascending order. */
  order: Record<keyof Doc['rank'], Uint32Array>;
}

/** The licence, organisation and group titles shown as facet display names. */
export function displayNameOf(index: CatalogIndex, field: string, value: string): string {
  if (field === 'organization') return [...index.orgs.values()].find((o) => o.dict.name === value)?.dict.title ?? value;
  if (field === 'owner_org') return index.orgs.get(value)?.dict.title ?? value;
  if (field === 'groups') return [...index.groups.values()].find((g) => g.name === value)?.title ?? value;
  if (field === 'license_id') return licenseOf(value).title;
  return value;
}

/** The inner bigrams of a normalised text (pairs of neighbouring characters inside each word). */
export function innerBigrams(normalised: string): string[] {
  const out = new Set<string>();
  for (const word of normalised.split(' ')) {
    const chars = Array.from(word);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

const both = (t: Translated) => `${t.ja} ${t.en}`;

// A private-use character: kept by NFKC and every other step of normalizeForSearch, so the four texts are
// normalised in one call (the cost of a rebuild) and split again.
const SEP = '\uE000';

function textOf(p: CkanPackage): Record<TextKey, string> {
  const raw = [
    `${both(p.title_translated)} ${p.name}`,
    p.tags.map((t) => t.name).join(' '),
    [p.organization ? `${both(p.organization.title_translated)} ${p.organization.name}` : '', ...p.groups.map((g) => `${both(g.title_translated)} ${g.name}`)].join(' '),
    both(p.notes_translated),
  ].map((t) => t.replaceAll(SEP, ' ')).join(SEP);
  const [title = '', tags = '', org = '', notes = ''] = normalizeForSearch(raw).split(SEP).map((t) => t.trim());
  return { title, tags, org, notes };
}

function valuesOf(p: CkanPackage): Record<ExactField, string[]> {
  return {
    name: [p.name], id: [p.id], tags: p.tags.map((t) => t.name), organization: p.organization ? [p.organization.name] : [],
    owner_org: [p.owner_org], groups: p.groups.map((g) => g.name),
    res_format: [...new Set(p.resources.map((r) => r.format.toUpperCase()).filter(Boolean))],
    license_id: [p.license_id], state: [p.state], dataset_type: ['dataset'], type: ['dataset'],
    capacity: [p.private ? 'private' : 'public'], author: p.author ? [p.author] : [], maintainer: p.maintainer ? [p.maintainer] : [],
  };
}

const byCodepoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assignRanks(docs: Doc[], key: keyof Doc['rank'], compare: (a: Doc, b: Doc) => number): Uint32Array {
  const sorted = [...docs].sort((a, b) => compare(a, b) || byCodepoint(a.pkg.name, b.pkg.name));
  sorted.forEach((d, i) => { d.rank[key] = i; });
  return Uint32Array.from(sorted, (d) => d.pos);
}

/** Numbers every value of each exact field, and lays out each dataset's numbers flat (facet counts stay in typed arrays). */
function numberValues(docs: Doc[]): Pick<CatalogIndex, 'dictionary' | 'valueIds'> {
  const dictionary = {} as CatalogIndex['dictionary'];
  const valueIds = {} as CatalogIndex['valueIds'];
  for (const field of EXACT_FIELDS) {
    const numbers = new Map<string, number>();
    const start = new Uint32Array(docs.length + 1);
    const ids: number[] = [];
    for (const d of docs) {
      start[d.pos] = ids.length;
      for (const v of d.values[field]) ids.push(numbers.get(v) ?? numbers.set(v, numbers.size).get(v)!);
    }
    start[docs.length] = ids.length;
    dictionary[field] = [...numbers.keys()];
    valueIds[field] = { start, ids: Uint32Array.from(ids) };
  }
  return { dictionary, valueIds };
}

/** Builds the index of a catalog: packages (deleted ones included), all organisations and groups. */
export function buildIndex(revision: string, packages: CkanPackage[], orgs: OrgEntry[], groups: CkanGroupDict[], prev?: CatalogIndex): CatalogIndex {
  const orgMap = new Map(orgs.map((o) => [o.dict.id, o]));
  const docs = packages.map((pkg, pos): Doc => {
    // A package dict carried over unchanged from the previous index keeps its normalised text (the
    // costly part of a build); organisations are the same too, or the caller rebuilds from scratch.
    const old = prev?.byId.get(pkg.id);
    const reuse = old && old.pkg === pkg ? old : null;
    const text = reuse ? reuse.text : textOf(pkg);
    return {
      pos, pkg, departmentId: orgMap.get(pkg.owner_org)?.departmentId ?? null, text,
      bigrams: reuse ? reuse.bigrams : innerBigrams(Object.values(text).join(' ')), values: reuse ? reuse.values : valuesOf(pkg),
      isPublic: pkg.state === 'active' && !pkg.private,
      modifiedMs: Date.parse(`${pkg.metadata_modified.slice(0, 23)}Z`), createdMs: Date.parse(`${pkg.metadata_created.slice(0, 23)}Z`),
      rank: { name: 0, title: 0, modified: 0, created: 0, id: 0 },
    };
  });
  const order = {
    name: assignRanks(docs, 'name', (a, b) => byCodepoint(a.pkg.name, b.pkg.name)),
    title: assignRanks(docs, 'title', (a, b) => byCodepoint(a.pkg.title, b.pkg.title)),
    modified: assignRanks(docs, 'modified', (a, b) => byCodepoint(a.pkg.metadata_modified, b.pkg.metadata_modified)),
    created: assignRanks(docs, 'created', (a, b) => byCodepoint(a.pkg.metadata_created, b.pkg.metadata_created)),
    id: assignRanks(docs, 'id', (a, b) => byCodepoint(a.pkg.id, b.pkg.id)),
  };
  const { dictionary, valueIds } = numberValues(docs);
  const postings = new Map<string, number[]>();
  for (const d of docs) {
    for (const g of d.bigrams) {
      const list = postings.get(g);
      if (list) list.push(d.pos);
      else postings.set(g, [d.pos]);
    }
  }
  const grams = new Map<string, Uint32Array>();
  for (const [g, list] of postings) grams.set(g, Uint32Array.from(list));
  return {
    revision, docs, byId: new Map(docs.map((d) => [d.pkg.id, d])), byName: new Map(docs.map((d) => [d.pkg.name, d])),
    grams, orgs: orgMap, groups: new Map(groups.map((g) => [g.id, g])), dictionary, valueIds, order,
  };
}
