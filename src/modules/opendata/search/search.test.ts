import { describe, expect, it } from 'vitest';
import { anonymousActor, systemActor } from '../../../core/auth/access.ts';
import type { Actor } from '../../../core/platform.ts';
import type { CkanPackage } from '../catalog/types.ts';
import { buildIndex, type OrgEntry } from './index.ts';
import { QueryError, parseQuery, parseSort } from './query.ts';
import { search, type SearchRequest } from './search.ts';
import { PUBLIC_ONLY } from './visibility.ts';

const ORGS = ['bosai', 'kosodate', 'kanko', 'seiso', 'kenko'];
const TAGS = ['防災', '子育て', '観光', 'ごみ', '健康', 'AED', '避難'];
const FORMATS = ['CSV', 'JSON', 'PDF', 'XLSX'];

const org = (name: string, i: number): OrgEntry => ({
  departmentId: `dep-${name}`,
  dict: { id: `org-${name}`, name, title: `${name}課`, title_translated: { ja: `${name}課`, en: name }, description: '', description_translated: { ja: '', en: '' },
    image_url: '', type: 'organization', is_organization: true, state: 'active', approval_status: 'approved', created: `2020-01-0${i + 1}T00:00:00.000000` },
});

/** A package dict as load.ts builds it, from a few varying fields. */
function pkg(i: number, over: Partial<CkanPackage> = {}): CkanPackage {
  const o = org(ORGS[i % ORGS.length]!, i % ORGS.length).dict;
  const tags = [TAGS[i % TAGS.length]!, ...(i % 3 === 0 ? [TAGS[(i + 2) % TAGS.length]!] : [])].map((name) => ({ name, display_name: name, state: 'active' as const, vocabulary_id: null }));
  const formats = FORMATS.slice(0, (i % 4) + 1);
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `dataset-${String(i).padStart(5, '0')}`,
    title: `データセット${i}`, title_translated: { ja: `データセット${i}`, en: `Dataset ${i}` }, notes: '', notes_translated: { ja: '', en: '' },
    type: 'dataset', state: 'active', private: false, license_id: i % 2 ? 'CC-BY-4.0' : 'PDL-1.0', license_title: '', license_url: '',
    owner_org: o.id, organization: o, author: '', author_email: '', maintainer: '', maintainer_email: '', url: '', version: '',
    tags, groups: [], extras: [], template_id: null, source: null, num_resources: formats.length, num_tags: tags.length,
    resources: formats.map((format, k) => ({ id: `r${i}-${k}`, format } as CkanPackage['resources'][number])),
    metadata_created: `2023-${String((i % 12) + 1).padStart(2, '0')}-${day}T00:00:00.000000`,
    metadata_modified: `2024-${String((i % 12) + 1).padStart(2, '0')}-${day}T${String(i % 24).padStart(2, '0')}:00:00.000000`,
    ...over,
  };
}

const request = (over: Partial<SearchRequest> & { q?: string; fq?: string } = {}): SearchRequest => ({
  ...PUBLIC_ONLY, rows: 10, start: 0, facetFields: [], facetLimit: 50, facetMincount: 1,
  sort: parseSort(over.q ? 'score desc, metadata_modified desc' : 'name asc'),
  clauses: [...parseQuery(over.q ?? '', 'q', true), ...parseQuery(over.fq ?? '', 'fq', false)], ...over,
});
const anon: Actor = anonymousActor('t');

describe('search over 3,000 generated datasets', () => {
  const N = 3000;
  const packages = Array.from({ length: N }, (_, i) => pkg(i, i % 10 === 9 ? { private: true } : i % 50 === 7 ? { state: 'draft' } : {}));
  const index = buildIndex('1', packages, ORGS.map(org), []);
  const publicCount = packages.filter((p) => !p.private && p.state === 'active').length;

  it('counts only public active datasets for the anonymous, and facets sum to the count', () => {
    const r = search(index, anon, request({ facetFields: ['organization', 'res_format', 'license_id'], facetLimit: -1 }));
    expect(r.count).toBe(publicCount);
    const sum = (f: string) => Object.values(r.facets[f]!).reduce((a, b) => a + b, 0);
    expect(sum('organization')).toBe(publicCount);
    expect(sum('license_id')).toBe(publicCount);
    expect(r.facets.res_format!.CSV).toBe(publicCount); // every dataset has a CSV
    expect(r.search_facets.organization!.items[0]).toMatchObject({ display_name: expect.stringMatching(/課$/) });
    const counts = r.search_facets.res_format!.items.map((i) => i.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('pages with rows and start without overlap, in the sort order asked', () => {
    const all = search(index, anon, request({ rows: 1000 })).results.map((p) => p.name);
    const pages = [0, 1, 2].flatMap((k) => search(index, anon, request({ rows: 100, start: 100 * k })).results.map((p) => p.name));
    expect(pages).toEqual(all.slice(0, 300));
    expect(all).toEqual([...all].sort());
    const last = search(index, anon, request({ rows: 10, start: publicCount - 3 }));
    expect(last.results).toHaveLength(3);
    const byModified = search(index, anon, request({ rows: 50, sort: parseSort('metadata_modified desc, name asc') })).results.map((p) => p.metadata_modified);
    expect(byModified).toEqual([...byModified].sort().reverse());
  });

  it('filters by fq and facets the filtered set only', () => {
    const r = search(index, anon, request({ fq: 'organization:bosai +res_format:JSON -tags:避難', facetFields: ['organization', 'tags'] }));
    expect(r.count).toBeGreaterThan(0);
    expect(r.facets.organization).toEqual({ bosai: r.count });
    expect(r.facets.tags!['避難']).toBeUndefined();
    const either = search(index, anon, request({ fq: 'tags:(観光 OR ごみ)' })).count;
    expect(either).toBe(search(index, anon, request({ fq: 'tags:観光' })).count + search(index, anon, request({ fq: 'tags:ごみ' })).count
      - search(index, anon, request({ fq: 'tags:観光 tags:ごみ' })).count);
  });

  it('shows private and drafts only to whom asks and may, deleted only with include_deleted to managers', () => {
    const staff = systemActor('t');
    expect(search(index, staff, request()).count).toBe(publicCount);
    expect(search(index, staff, request({ includePrivate: true, includeDrafts: true })).count).toBe(N);
    expect(search(index, anon, request({ includePrivate: true, includeDrafts: true })).count).toBe(publicCount);
  });
});

describe('text matching', () => {
  const packages = [
    pkg(1, { name: 'hinanjo', title: '指定緊急避難場所一覧', title_translated: { ja: '指定緊急避難場所一覧', en: 'Designated emergency evacuation sites' }, tags: [] }),
    pkg(2, { name: 'aed', title: 'AED設置箇所', title_translated: { ja: 'AED設置箇所', en: 'AED locations' }, tags: [], notes_translated: { ja: '避難場所の近くにもあります', en: '' } }),
    pkg(3, { name: 'kanko', title: '観光施設', title_translated: { ja: '観光施設', en: 'Tourist facilities' }, tags: [] }),
  ];
  const index = buildIndex('1', packages, ORGS.map(org), []);
  const names = (q: string, fq = '') => search(index, anon, request({ q, fq })).results.map((p) => p.name);

  it('finds Japanese without spaces, title above notes, and English words', () => {
    expect(names('避難場所')).toEqual(['hinanjo', 'aed']);
    expect(names('避難所')).toContain('hinanjo');
    expect(names('ｴｰｲｰﾃﾞｨｰ')).toEqual([]);
    expect(names('ＡＥＤ')).toEqual(['aed']);
    expect(names('evacuation')).toEqual(['hinanjo']);
    expect(names('tourist 施設')).toEqual(['kanko']);
    expect(names('避難場所 -name:aed')).toEqual(['hinanjo']);
    expect(names('title:観光')).toEqual(['kanko']);
    expect(names('観光 OR AED').sort()).toEqual(['aed', 'kanko']);
    expect(names('存在しない言葉')).toEqual([]);
  });

  it('reads the Solr subset and refuses unknown fields naming them', () => {
    expect(() => parseQuery('colour:red', 'fq', false)).toThrow(QueryError);
    expect(() => parseQuery('colour:red', 'fq', false)).toThrow(/colour/);
    expect(parseQuery('10:00', 'q', true)).toMatchObject([{ kind: 'text' }]);
    expect(parseQuery('*:*', 'fq', false)).toEqual([{ kind: 'all', negate: false }]);
    expect(parseQuery('organization:"a b"', 'fq', false)).toMatchObject([{ kind: 'field', values: [{ kind: 'exact', value: 'a b' }] }]);
    expect(() => parseSort('colour asc')).toThrow(/colour/);
    expect(names('', 'metadata_modified:[2024-01-01T00:00:00Z TO *]')).toHaveLength(3);
    expect(names('', 'metadata_modified:[* TO 2000-01-01T00:00:00Z]')).toHaveLength(0);
  });
});
