import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import type { TestClient } from '../../../../core/auth/testing.ts';
import { action, insertDataset } from '../../testing.ts';
import { readWorld, type ReadWorld } from './read-testing.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let w: ReadWorld;

beforeAll(async () => {
  y = await testApp();
  w = await readWorld(y);
}, 60_000);
afterAll(() => y?.close());

const get = (c: TestClient, name: string, query = '') => c.send('GET', action(name, query));
const post = (c: TestClient, name: string, body: object) => c.send('POST', action(name), body);
const names = (res: { data: { result: { results: { name: string }[] } } }) => res.data.result.results.map((p) => p.name);

describe('package_search', () => {
  it('shows the anonymous only public active datasets, with facets as CKAN', async () => {
    const res = await get(w.anonymous, 'package_search', `facet.field=${encodeURIComponent('["organization","tags","res_format","license_id"]')}`);
    expect(res.statusCode).toBe(200);
    const r = res.data.result;
    expect(r.count).toBe(3);
    expect(names(res).sort()).toEqual(['aed', 'hinanjo', 'kanko-shisetsu']);
    expect(r.sort).toBe('score desc, metadata_modified desc');
    expect(r.facets.organization).toEqual({ 'bosai-ka': 2, 'kanko-ka': 1 });
    expect(r.facets.tags).toEqual({ 防災: 2, AED: 1, 観光: 1, 避難: 1 });
    expect(r.search_facets.organization).toEqual({ title: 'organization', items: [
      { name: 'bosai-ka', display_name: '防災対策課', count: 2 }, { name: 'kanko-ka', display_name: '観光課', count: 1 }] });
    expect(r.search_facets.tags.items[0]).toEqual({ name: '防災', display_name: '防災', count: 2 });
    expect(r.facets.res_format).toEqual({ CSV: 2, JSON: 1, PDF: 1 });
    expect(r.search_facets.license_id.items.find((i: { name: string }) => i.name === 'PDL-1.0').display_name).toBe('公共データ利用規約（第1.0版）');
  });

  it('returns the translated fields beside the Japanese, and never another tenant\'s datasets', async () => {
    const res = await get(w.anonymous, 'package_search', 'q=name:hinanjo');
    const pkg = res.data.result.results[0];
    expect(pkg.title).toBe('指定緊急避難場所一覧');
    expect(pkg.title_translated).toEqual({ ja: '指定緊急避難場所一覧', en: 'Designated emergency evacuation sites' });
    expect(pkg.notes_translated.en).toBe('Places to go in a disaster.');
    expect(pkg.organization.title_translated.en).toBe('Disaster Prevention Division');
    expect(pkg.groups.map((g: { name: string }) => g.name)).toEqual(['anzen']);
    expect(pkg.resources).toHaveLength(2);
    expect(names(await get(w.anonymous, 'package_search', 'q=matsusaka'))).toEqual([]);
  });

  it('finds Japanese text without spaces, in titles, notes, tags and organisation titles, and English', async () => {
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('避難所')}`))).toContain('hinanjo');
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('緊急避難')}`))).toEqual(['hinanjo']);
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('防災対策課')}`)).sort()).toEqual(['aed', 'hinanjo']);
    expect(names(await get(w.anonymous, 'package_search', 'q=tourist'))).toEqual(['kanko-shisetsu']);
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('ｶﾝｺｳ')}`))).toEqual([]);
    // score: 避難 in hinanjo's title and tags, only in kanko-shisetsu's notes (which was modified later)
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('避難')}`))).toEqual(['hinanjo', 'kanko-shisetsu']);
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('避難')}&sort=metadata_modified desc`))).toEqual(['kanko-shisetsu', 'hinanjo']);
  });

  it('reads fq, fq_list and field terms in q (Solr subset), and names an unknown field in a 400', async () => {
    const q = (s: string) => get(w.anonymous, 'package_search', s);
    expect(names(await q(`fq=${encodeURIComponent('organization:bosai-ka')}&sort=name asc`))).toEqual(['aed', 'hinanjo']);
    expect(names(await q(`fq=${encodeURIComponent('-organization:bosai-ka')}`))).toEqual(['kanko-shisetsu']);
    expect(names(await q(`fq=${encodeURIComponent('+res_format:CSV +tags:"AED"')}`))).toEqual(['aed']);
    expect(names(await q(`fq=${encodeURIComponent('tags:(観光 OR AED)')}&sort=name asc`))).toEqual(['aed', 'kanko-shisetsu']);
    expect(names(await q(`fq=${encodeURIComponent('groups:anzen')}&sort=name asc`))).toEqual(['aed', 'hinanjo']);
    expect((await q(`fq=${encodeURIComponent('*:*')}`)).data.result.count).toBe(3);
    const list = await post(w.anonymous, 'package_search', { fq_list: ['organization:bosai-ka', 'license_id:PDL-1.0'] });
    expect(names(list)).toEqual(['aed']);
    expect(names(await q(`q=${encodeURIComponent('tags:防災 一覧')}&sort=name asc`))).toEqual(['aed', 'hinanjo']);
    const bad = await q(`fq=${encodeURIComponent('colour:red')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.success).toBe(false);
    expect(bad.data.error.__type).toBe('Search Query Error');
    expect(bad.data.error.message).toMatch(/colour/);
    expect(bad.data.error.fq).toBeDefined();
  });

  it('sorts and pages (rows, start), accepting GET strings and POST JSON numbers, capping rows at 1000', async () => {
    const all = names(await get(w.anonymous, 'package_search', 'sort=name desc'));
    expect(all).toEqual(['kanko-shisetsu', 'hinanjo', 'aed']);
    expect(names(await get(w.anonymous, 'package_search', 'sort=title_string asc'))).toEqual(['aed', 'hinanjo', 'kanko-shisetsu']);
    expect(names(await get(w.anonymous, 'package_search', 'sort=name desc&rows=1&start=1'))).toEqual(['hinanjo']);
    const viaPost = await post(w.anonymous, 'package_search', { sort: 'name desc', rows: 2, start: 1, 'facet.field': ['organization'] });
    expect(names(viaPost)).toEqual(['hinanjo', 'aed']);
    expect(viaPost.data.result.count).toBe(3);
    expect(viaPost.data.result.facets.organization).toEqual({ 'bosai-ka': 2, 'kanko-ka': 1 });
    expect((await get(w.anonymous, 'package_search', 'rows=5000')).statusCode).toBe(200);
  });

  it('refuses a negative or non-numeric rows naming rows, and an unknown sort naming sort', async () => {
    for (const rows of ['-1', 'ten']) {
      const res = await get(w.anonymous, 'package_search', `rows=${rows}`);
      expect(res.statusCode).toBe(409);
      expect(res.data.error.__type).toBe('Validation Error');
      expect(res.data.error.rows).toHaveLength(1);
    }
    const sort = await get(w.anonymous, 'package_search', 'sort=popularity desc');
    expect(sort.statusCode).toBe(400);
    expect(sort.data.error.sort).toBeDefined();
    const facet = await get(w.anonymous, 'package_search', `facet.field=${encodeURIComponent('["tags"')}`);
    expect(facet.statusCode).toBe(409);
    expect(facet.data.error['facet.field']).toBeDefined();
    const unknownFacet = await get(w.anonymous, 'package_search', `facet.field=${encodeURIComponent('["colour"]')}`);
    expect(unknownFacet.statusCode).toBe(400);
    expect(unknownFacet.data.error['facet.field']).toBeDefined();
  });

  it('limits facets with facet.limit and facet.mincount, and leaves them out with facet=false', async () => {
    const ff = `facet.field=${encodeURIComponent('["tags"]')}`;
    expect((await get(w.anonymous, 'package_search', `${ff}&facet.limit=1`)).data.result.facets.tags).toEqual({ 防災: 2 });
    expect((await get(w.anonymous, 'package_search', `${ff}&facet.mincount=2`)).data.result.search_facets.tags.items).toEqual([{ name: '防災', display_name: '防災', count: 2 }]);
    expect(Object.keys((await get(w.anonymous, 'package_search', `${ff}&facet.limit=-1`)).data.result.facets.tags)).toHaveLength(4);
    const off = (await get(w.anonymous, 'package_search', `${ff}&facet=false`)).data.result;
    expect(off.facets).toEqual({});
    expect(off.search_facets).toEqual({});
  });

  it('shows private datasets with include_private only to staff who may edit the organisation, drafts with include_drafts', async () => {
    const seen = async (c: TestClient, query = 'include_private=true&include_drafts=true') => names(await get(c, 'package_search', `${query}&rows=100&sort=name asc`));
    expect(await seen(w.anonymous)).toEqual(['aed', 'hinanjo', 'kanko-shisetsu']);
    expect(await seen(w.bosaiPublisher)).toEqual(['aed', 'bosai-draft', 'bosai-private', 'hinanjo', 'kanko-shisetsu']);
    expect(await seen(w.bosaiPublisher, 'include_private=true')).toEqual(['aed', 'bosai-private', 'hinanjo', 'kanko-shisetsu']);
    expect(await seen(w.kankoPublisher)).toEqual(['aed', 'hinanjo', 'kanko-private', 'kanko-shisetsu']);
    expect(await seen(w.manager)).toEqual(['aed', 'bosai-draft', 'bosai-private', 'hinanjo', 'kanko-private', 'kanko-shisetsu']);
    expect(await seen(w.manager, 'include_private=false')).toEqual(['aed', 'hinanjo', 'kanko-shisetsu']);
    expect(await seen(w.manager, 'include_deleted=true')).toContain('old-deleted');
    expect(await seen(w.bosaiPublisher, 'include_deleted=true')).not.toContain('old-deleted');
  });

  it('sees a change on the very next search (catalog revision)', async () => {
    const before = (await get(w.anonymous, 'package_search', 'q=kouen')).data.result.count;
    expect(before).toBe(0);
    await insertDataset(y.platform, w.tenantId, w.ids.kanko!, { name: 'kouen', title: { ja: '公園一覧', en: 'Parks' }, tags: ['観光'] });
    expect(names(await get(w.anonymous, 'package_search', 'q=kouen'))).toEqual(['kouen']);
    expect(names(await get(w.anonymous, 'package_search', `q=${encodeURIComponent('公園')}`))).toEqual(['kouen']);
    expect((await get(w.anonymous, 'package_list')).data.result).toContain('kouen');
  });
});

describe('package_show, package_list, current_package_list_with_resources, resource_show', () => {
  it('shows a public dataset by id or name to anybody', async () => {
    const byName = await get(w.anonymous, 'package_show', 'id=hinanjo&include_tracking=true');
    expect(byName.statusCode).toBe(200);
    expect(byName.data.result.id).toBe(w.ids.hinanjo);
    expect((await get(w.anonymous, 'package_show', `id=${w.ids.hinanjo}`)).data.result.name).toBe('hinanjo');
    expect((await get(w.anonymous, 'package_show', 'id=nothing-here')).statusCode).toBe(404);
    expect((await get(w.anonymous, 'package_show')).statusCode).toBe(409);
  });

  it('answers 403 for a private dataset and 404 for a draft or deleted one the caller may not see', async () => {
    const priv = await get(w.anonymous, 'package_show', 'id=bosai-private');
    expect(priv.statusCode).toBe(403);
    expect(priv.data.error.__type).toBe('Authorization Error');
    expect((await get(w.kankoPublisher, 'package_show', 'id=bosai-private')).statusCode).toBe(403);
    expect((await get(w.bosaiPublisher, 'package_show', 'id=bosai-private')).data.result.private).toBe(true);
    expect((await get(w.manager, 'package_show', 'id=bosai-private')).statusCode).toBe(200);
    const draft = await get(w.anonymous, 'package_show', 'id=bosai-draft');
    expect(draft.statusCode).toBe(404);
    expect(draft.data.error.__type).toBe('Not Found Error');
    expect((await get(w.bosaiPublisher, 'package_show', 'id=bosai-draft')).data.result.state).toBe('draft');
    expect((await get(w.anonymous, 'package_show', 'id=old-deleted')).statusCode).toBe(404);
    expect((await get(w.kankoPublisher, 'package_show', 'id=old-deleted')).statusCode).toBe(404);
    expect((await get(w.manager, 'package_show', 'id=old-deleted')).data.result.state).toBe('deleted');
  });

  it('lists the names of public active datasets sorted, with limit and offset', async () => {
    const all = (await get(w.anonymous, 'package_list')).data.result as string[];
    expect(all).toEqual([...all].sort());
    expect(all).not.toContain('bosai-private');
    expect((await get(w.manager, 'package_list')).data.result).toEqual(all);
    expect((await get(w.anonymous, 'package_list', 'limit=1&offset=1')).data.result).toEqual([all[1]]);
  });

  it('lists datasets with resources, the most recently modified first', async () => {
    const res = await get(w.anonymous, 'current_package_list_with_resources', 'limit=100');
    const list = res.data.result as { name: string; metadata_modified: string; resources: unknown[] }[];
    expect(list.map((p) => p.metadata_modified)).toEqual(list.map((p) => p.metadata_modified).sort().reverse());
    expect(list.find((p) => p.name === 'hinanjo')!.resources).toHaveLength(2);
    expect(list.map((p) => p.name)).not.toContain('bosai-private');
    expect((await get(w.anonymous, 'current_package_list_with_resources', 'limit=1&offset=1')).data.result).toHaveLength(1);
  });

  it('shows a resource by id, with the visibility of its dataset', async () => {
    const res = await get(w.anonymous, 'resource_show', `id=${w.ids.hinanjoCsv}`);
    expect(res.data.result).toMatchObject({ id: w.ids.hinanjoCsv, package_id: w.ids.hinanjo, format: 'CSV', name: '避難場所CSV' });
    expect((await get(w.anonymous, 'resource_show', `id=${w.ids.privateCsv}`)).statusCode).toBe(403);
    expect((await get(w.bosaiPublisher, 'resource_show', `id=${w.ids.privateCsv}`)).statusCode).toBe(200);
    expect((await get(w.anonymous, 'resource_show', 'id=not-a-uuid')).statusCode).toBe(404);
  });
});
