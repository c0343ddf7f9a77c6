import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import type { TestClient } from '../../../../core/auth/testing.ts';
import { action } from '../../testing.ts';
import { readWorld, type ReadWorld } from './read-testing.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let w: ReadWorld;

beforeAll(async () => {
  y = await testApp();
  w = await readWorld(y);
}, 60_000);
afterAll(() => y?.close());

const get = (c: TestClient, name: string, query = '') => c.send('GET', action(name, query));

describe('organization_list, organization_show', () => {
  it('lists names by title, or dicts with counts of the public datasets', async () => {
    expect((await get(w.anonymous, 'organization_list', 'sort=name asc')).data.result).toEqual(['bosai-ka', 'kanko-ka']);
    expect((await get(w.anonymous, 'organization_list', 'sort=name desc')).data.result).toEqual(['kanko-ka', 'bosai-ka']);
    expect((await get(w.anonymous, 'organization_list')).data.result.sort()).toEqual(['bosai-ka', 'kanko-ka']);
    const res = await get(w.anonymous, 'organization_list', 'all_fields=true&sort=package_count desc');
    expect(res.data.result.map((o: { name: string; package_count: number }) => [o.name, o.package_count])).toEqual([['bosai-ka', 2], ['kanko-ka', 1]]);
    expect(res.data.result[0]).toMatchObject({ title: '防災対策課', title_translated: { ja: '防災対策課', en: 'Disaster Prevention Division' }, is_organization: true, type: 'organization' });
    expect((await get(w.anonymous, 'organization_list', 'sort=name asc&limit=1&offset=1')).data.result).toEqual(['kanko-ka']);
    const noCount = await get(w.anonymous, 'organization_list', 'all_fields=true&include_dataset_count=false');
    expect(noCount.data.result[0].package_count).toBeUndefined();
    const bad = await get(w.anonymous, 'organization_list', 'sort=colour asc');
    expect(bad.statusCode).toBe(409);
    expect(bad.data.error.sort).toBeDefined();
  });

  it('counts private datasets for staff who may edit them', async () => {
    const counts = async (c: TestClient) => Object.fromEntries((await get(c, 'organization_list', 'all_fields=true')).data.result.map((o: { name: string; package_count: number }) => [o.name, o.package_count]));
    expect(await counts(w.anonymous)).toEqual({ 'bosai-ka': 2, 'kanko-ka': 1 });
    expect(await counts(w.bosaiPublisher)).toEqual({ 'bosai-ka': 3, 'kanko-ka': 1 });
    expect(await counts(w.manager)).toEqual({ 'bosai-ka': 3, 'kanko-ka': 2 });
  });

  it('shows an organisation by id or name, with its datasets when asked', async () => {
    const res = await get(w.anonymous, 'organization_show', 'id=bosai-ka&include_datasets=true');
    expect(res.statusCode).toBe(200);
    expect(res.data.result).toMatchObject({ id: w.ids.bosai, name: 'bosai-ka', package_count: 2 });
    expect(res.data.result.packages.map((p: { name: string }) => p.name).sort()).toEqual(['aed', 'hinanjo']);
    const byId = await get(w.anonymous, 'organization_show', `id=${w.ids.bosai}`);
    expect(byId.data.result.packages).toBeUndefined();
    expect(byId.data.result.package_count).toBe(2);
    expect((await get(w.bosaiPublisher, 'organization_show', 'id=bosai-ka&include_datasets=true')).data.result.package_count).toBe(3);
    expect((await get(w.anonymous, 'organization_show', 'id=anzen')).statusCode).toBe(404);
    expect((await get(w.anonymous, 'organization_show', 'id=nowhere')).data.error.__type).toBe('Not Found Error');
  });
});

describe('group_list, group_show', () => {
  it('lists groups and shows one with its public datasets', async () => {
    expect((await get(w.anonymous, 'group_list', 'sort=name asc')).data.result).toEqual(['anzen', 'empty-group']);
    const all = await get(w.anonymous, 'group_list', 'all_fields=true&sort=package_count desc');
    expect(all.data.result.map((g: { name: string; package_count: number }) => [g.name, g.package_count])).toEqual([['anzen', 2], ['empty-group', 0]]);
    expect(all.data.result[0]).toMatchObject({ title: '安全・安心', display_name: '安全・安心', title_translated: { ja: '安全・安心', en: 'Safety' }, is_organization: false });
    const show = await get(w.anonymous, 'group_show', 'id=anzen&include_datasets=true');
    expect(show.data.result.package_count).toBe(2);
    expect(show.data.result.packages.map((p: { name: string }) => p.name).sort()).toEqual(['aed', 'hinanjo']);
    expect((await get(w.manager, 'group_show', 'id=anzen')).data.result.package_count).toBe(3);
    expect((await get(w.anonymous, 'group_show', 'id=bosai-ka')).statusCode).toBe(404);
  });
});

describe('tag_list, status_show, license_list, help_show', () => {
  it('lists the tags of public datasets, filtered by query, with counts in all_fields', async () => {
    expect((await get(w.anonymous, 'tag_list')).data.result).toEqual(['AED', '観光', '避難', '防災'].sort());
    expect((await get(w.anonymous, 'tag_list', `query=${encodeURIComponent('防')}`)).data.result).toEqual(['防災']);
    const all = await get(w.anonymous, 'tag_list', 'all_fields=true');
    expect(all.data.result.find((t: { name: string }) => t.name === '防災')).toEqual({ name: '防災', display_name: '防災', vocabulary_id: null, count: 2 });
  });

  it('says which CKAN it speaks, and lists licences with CC BY 4.0 first', async () => {
    const status = (await get(w.anonymous, 'status_show')).data.result;
    expect(status).toMatchObject({ ckan_version: '2.10.4', locale_default: 'ja', error_emails_to: null });
    expect(status.site_url).toMatch(/\/t\/tokushima$/);
    expect(status.extensions).toContain('yakuba');
    const licences = (await get(w.anonymous, 'license_list')).data.result;
    expect(licences[0]).toMatchObject({ id: 'CC-BY-4.0', url: expect.stringContaining('creativecommons.org') });
    expect(licences.map((l: { id: string }) => l.id)).toContain('PDL-1.0');
  });

  it('shows the help of an action, and 404s an unknown one', async () => {
    expect((await get(w.anonymous, 'help_show', 'name=package_search')).data.result).toMatch(/facet\.field/);
    expect((await get(w.anonymous, 'help_show', 'name=nothing')).statusCode).toBe(404);
    expect((await get(w.anonymous, 'help_show')).statusCode).toBe(409);
  });
});
