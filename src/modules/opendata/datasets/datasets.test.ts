import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { action, insertLinkResource } from '../testing.ts';
import { writeCast } from './testing.ts';

let y: Awaited<ReturnType<typeof testApp>>;
let c: Awaited<ReturnType<typeof writeCast>>;

beforeAll(async () => {
  y = await testApp();
  c = await writeCast(y);
});
afterAll(() => y.close());

const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => y.platform.inTenant(c.tenantId, (tx) => txRows<T>(tx, query));

describe('package_create … package_delete', () => {
  it('creates, shows, patches, updates (replacing) and soft-deletes a dataset with a staff session', async () => {
    expect((await c.manager.send('POST', action('group_create'), { name: 'bousai-theme', title: '防災' })).statusCode).toBe(200);
    const created = await c.pubA.send('POST', action('package_create'), {
      name: 'shelters', title_translated: { ja: '避難所一覧', en: 'Shelters' }, notes: '市内の避難所', owner_org: 'bosai',
      tags: [{ name: '防災' }, { name: '避難所' }], extras: [{ key: 'spatial', value: '徳島市' }], groups: [{ name: 'bousai-theme' }],
      author_email: 'bosai@city.tokushima.example.jp',
    });
    expect(created.statusCode, created.body).toBe(200);
    const pkg = created.data.result;
    expect(pkg).toMatchObject({ name: 'shelters', title: '避難所一覧', title_translated: { ja: '避難所一覧', en: 'Shelters' }, license_id: 'CC-BY-4.0',
      private: false, state: 'active', organization: { name: 'bosai' }, extras: [{ key: 'spatial', value: '徳島市' }] });
    expect(pkg.tags.map((t: { name: string }) => t.name)).toEqual(['避難所', '防災'].sort());
    expect(pkg.groups.map((g: { name: string }) => g.name)).toEqual(['bousai-theme']);

    const shown = await c.anon.send('GET', action('package_show', 'id=shelters'));
    expect(shown.data.result.id).toBe(pkg.id);

    const patched = await c.pubA.send('POST', action('package_patch'), { id: 'shelters', notes_translated: { ja: '指定避難所', en: 'Designated shelters' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data.result).toMatchObject({ title: '避難所一覧', notes: '指定避難所', tags: expect.arrayContaining([expect.objectContaining({ name: '防災' })]) });
    expect(patched.data.result.metadata_modified > pkg.metadata_modified).toBe(true);

    const updated = await c.pubA.send('POST', action('package_update'), { id: pkg.id, title: '避難所', license_id: 'PDL-1.0' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.data.result).toMatchObject({ name: 'shelters', title: '避難所', notes: '', license_id: 'PDL-1.0', tags: [], groups: [], extras: [], author_email: '' });

    const deleted = await c.pubA.send('POST', action('package_delete'), { id: 'shelters' });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.data.result).toBeNull();
    const [row] = await q<{ state: string; deleted_at: Date | null }>(sql`select state, deleted_at from opendata_datasets where id = ${pkg.id}`);
    expect(row).toMatchObject({ state: 'deleted' });
    expect(row!.deleted_at).not.toBeNull();
    expect((await c.anon.send('GET', action('package_show', 'id=shelters'))).statusCode).toBe(404);
    const audit = await q<{ action: string }>(sql`select action from audit_log where target_id = ${pkg.id} order by at, seq`);
    expect(audit.map((a) => a.action)).toEqual(['opendata.dataset.create', 'opendata.dataset.update', 'opendata.dataset.update', 'opendata.dataset.delete']);
  });

  it('needs the CSRF token with a session, and refuses anonymous callers with 403 Authorization Error', async () => {
    expect((await c.pubA.send('POST', action('package_create'), { name: 'no-csrf', owner_org: 'bosai' }, { csrf: false })).statusCode).toBe(403);
    const anon = await c.anon.send('POST', action('package_create'), { name: 'anon', owner_org: 'bosai' });
    expect(anon.statusCode).toBe(403);
    expect(anon.data.error.__type).toBe('Authorization Error');
    expect((await c.pubA.send('GET', action('package_create', 'name=by-get&owner_org=bosai'))).statusCode).toBe(400);
  });

  it('names every field at fault, in CKAN\'s words and in Japanese', async () => {
    const res = await c.pubA.send('POST', action('package_create'), {
      name: 'Bad Name', owner_org: 'nowhere', license_id: 'proprietary', tags: [{ name: 'a,b' }], groups: [{ name: 'no-such-group' }],
      extras: [{ key: 'k', value: '1' }, { key: 'k', value: '2' }], private: 'maybe', state: 'public', template_id: 'no-such-template',
      author_email: 'not an email', title_translated: { en: 'only English' }, resources: [{ url: 'https://example.jp/a.csv' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.data.error.__type).toBe('Validation Error');
    for (const field of ['name', 'owner_org', 'license_id', 'tags', 'groups', 'extras', 'private', 'state', 'template_id', 'author_email', 'title_translated', 'resources']) {
      expect(res.data.error[field], field).toBeInstanceOf(Array);
    }
    expect(res.data.error.name[0]).toBe('Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_');
    expect(res.data.error.name[1]).toMatch(/半角英小文字/);
    expect(res.data.error.author_email[0]).toBe('Email not an email is not a valid format');
    const missing = await c.pubA.send('POST', action('package_create'), {});
    expect(Object.keys(missing.data.error).filter((k) => !k.startsWith('_') && k !== 'message').sort()).toEqual(['name', 'owner_org']);
    expect(missing.data.error.name[0]).toBe('Missing value');
  });

  it('answers 409 "That URL is already in use." for a taken name, also when two creates race', async () => {
    expect((await c.pubA.send('POST', action('package_create'), { name: 'taken', owner_org: 'bosai' })).statusCode).toBe(200);
    const again = await c.pubA.send('POST', action('package_create'), { name: 'taken', owner_org: 'bosai' });
    expect(again.statusCode).toBe(409);
    expect(again.data.error.name[0]).toBe('That URL is already in use.');
    const race = await Promise.all([1, 2, 3].map(() => c.withToken('package_create', { name: 'race', owner_org: 'kanko' })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const r of race.filter((x) => x.statusCode === 409)) expect(r.data.error.name[0]).toBe('That URL is already in use.');
    expect(await q(sql`select id from opendata_datasets where name = 'race'`)).toHaveLength(1);
  });
});

describe('who may write', () => {
  it('keeps publishers to their own department\'s organisations; managers (here by API token) everywhere', async () => {
    const other = await c.pubB.send('POST', action('package_create'), { name: 'not-mine', owner_org: 'bosai' });
    expect(other.statusCode).toBe(403);
    expect(other.data.error.__type).toBe('Authorization Error');
    expect((await c.pubA.send('POST', action('package_create'), { name: 'mine', owner_org: 'bosai' })).statusCode).toBe(200);
    expect((await c.pubB.send('POST', action('package_patch'), { id: 'mine', title: '横取り' })).statusCode).toBe(403);
    expect((await c.pubB.send('POST', action('package_delete'), { id: 'mine' })).statusCode).toBe(403);
    // Moving needs rights on the new organisation as well.
    expect((await c.pubA.send('POST', action('package_patch'), { id: 'mine', owner_org: 'kanko' })).statusCode).toBe(403);
    const moved = await c.withToken('package_owner_org_update', { id: 'mine', organization_id: 'kanko' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await c.pubB.send('POST', action('package_patch'), { id: 'mine', title: '観光課のもの' })).data.result.title).toBe('観光課のもの');
    const mineA = await c.pubA.send('GET', action('organization_list_for_user', 'permission=create_dataset'));
    expect(mineA.data.result.map((o: { name: string }) => o.name)).toEqual(['bosai']);
    expect((await c.withToken('organization_list_for_user', {})).data.result.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['bosai', 'kanko']));
    expect((await c.anon.send('GET', action('organization_list_for_user'))).data.result).toEqual([]);
  });

  it('refuses to change living datasets, which the platform keeps up to date', async () => {
    expect((await c.pubA.send('POST', action('package_create'), { name: 'living', owner_org: 'bosai' })).statusCode).toBe(200);
    await q(sql`update opendata_datasets set source = 'disaster/shelters' where name = 'living'`);
    for (const [name, body] of [['package_patch', { id: 'living', title: 'x' }], ['package_update', { id: 'living' }], ['package_delete', { id: 'living' }]] as const) {
      const res = await c.withToken(name, body);
      expect(res.statusCode, name).toBe(403);
      expect(res.data.error.message).toMatch(/kept up to date by the platform/);
    }
  });
});

describe('the publishing guard', () => {
  it('keeps a templated dataset private or draft while a resource fails the standard check', async () => {
    const created = await c.pubA.send('POST', action('package_create'), { name: 'aed', title: 'AED設置箇所', owner_org: 'bosai', template_id: 'aed', state: 'draft' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.data.result.id as string;
    const res = await insertLinkResource(y.platform, c.tenantId, id, { name: 'AED一覧' });
    await q(sql`update opendata_resources set check_ok = false where id = ${res}`);
    const publish = await c.pubA.send('POST', action('package_patch'), { id: 'aed', state: 'active' });
    expect(publish.statusCode).toBe(409);
    expect(publish.data.error.resources.join(' ')).toContain('AED一覧');
    expect((await q<{ state: string }>(sql`select state from opendata_datasets where id = ${id}`))[0]!.state).toBe('draft');
    expect((await c.pubA.send('POST', action('package_patch'), { id: 'aed', state: 'active', private: true })).statusCode).toBe(200);
    await q(sql`update opendata_resources set check_ok = true where id = ${res}`);
    expect((await c.pubA.send('POST', action('package_patch'), { id: 'aed', private: false })).data.result).toMatchObject({ state: 'active', private: false });
  });

  it('lets package_update reorder and drop existing resources, not add new ones', async () => {
    const id = (await c.pubA.send('POST', action('package_create'), { name: 'ordered', owner_org: 'bosai' })).data.result.id as string;
    const r1 = await insertLinkResource(y.platform, c.tenantId, id, { name: 'one', position: 0 });
    const r2 = await insertLinkResource(y.platform, c.tenantId, id, { name: 'two', position: 1 });
    const r3 = await insertLinkResource(y.platform, c.tenantId, id, { name: 'three', position: 2 });
    const res = await c.pubA.send('POST', action('package_update'), { id, resources: [{ id: r3 }, { id: r1 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.result.resources.map((r: { id: string }) => r.id)).toEqual([r3, r1]);
    expect(await q(sql`select id from opendata_resources where id = ${r2}`)).toHaveLength(0);
    const add = await c.pubA.send('POST', action('package_update'), { id, resources: [{ url: 'https://example.jp/new.csv' }] });
    expect(add.statusCode).toBe(409);
    expect(add.data.error.resources[0]).toMatch(/resource_create/);
  });
});

describe('organisations and groups', () => {
  it('are managed by opendata.manage only; an organisation with datasets is not deleted', async () => {
    expect((await c.pubA.send('POST', action('organization_create'), { name: 'kikaku', title: '企画課' })).statusCode).toBe(403);
    const org = await c.withToken('organization_create', { name: 'kikaku', title_translated: { ja: '企画課', en: 'Planning' }, department_id: c.depts.get('bosai') });
    expect(org.statusCode, org.body).toBe(200);
    expect(org.data.result).toMatchObject({ name: 'kikaku', title: '企画課', is_organization: true });
    expect((await c.withToken('organization_create', { name: 'kikaku' })).data.error.name[0]).toBe('Group name already exists in database');
    expect((await c.withToken('organization_create', { name: 'x', department_id: 'nope' })).data.error).toHaveProperty('department_id');
    expect((await c.withToken('organization_patch', { id: 'kikaku', description: '計画' })).data.result).toMatchObject({ title: '企画課', description: '計画' });
    expect((await c.pubA.send('POST', action('package_create'), { name: 'plan', owner_org: 'kikaku' })).statusCode).toBe(200);
    const refused = await c.withToken('organization_delete', { id: 'kikaku' });
    expect(refused.statusCode).toBe(409);
    expect((await c.withToken('organization_delete', { id: 'kanko-empty' })).statusCode).toBe(404);
    expect((await c.withToken('organization_create', { name: 'empty-org' })).statusCode).toBe(200);
    expect((await c.withToken('organization_delete', { id: 'empty-org' })).statusCode).toBe(200);
    const actions = await q<{ action: string }>(sql`select action from audit_log where action like 'opendata.organization.%' order by at, seq`);
    expect(actions.map((a) => a.action)).toEqual(['opendata.organization.create', 'opendata.organization.update', 'opendata.organization.create', 'opendata.organization.delete']);
  });

  it('put datasets in groups with member_create and take them out; group_delete keeps the datasets', async () => {
    expect((await c.withToken('group_create', { name: 'kosodate', title: '子育て' })).statusCode).toBe(200);
    expect((await c.pubA.send('POST', action('group_update'), { id: 'kosodate', title: 'x' })).statusCode).toBe(403);
    const ds = (await c.pubA.send('POST', action('package_create'), { name: 'nursery', owner_org: 'bosai' })).data.result;
    const member = await c.pubA.send('POST', action('member_create'), { id: 'kosodate', object: 'nursery', object_type: 'package', capacity: 'public' });
    expect(member.statusCode, member.body).toBe(200);
    expect((await c.anon.send('GET', action('package_show', 'id=nursery'))).data.result.groups.map((g: { name: string }) => g.name)).toEqual(['kosodate']);
    expect((await c.pubB.send('POST', action('member_create'), { id: 'kosodate', object: 'nursery', object_type: 'package' })).statusCode).toBe(403);
    expect((await c.pubA.send('POST', action('member_create'), { id: 'kosodate', object: 'nursery', object_type: 'user' })).statusCode).toBe(409);
    expect((await c.withToken('group_delete', { id: 'kosodate' })).statusCode).toBe(200);
    const after = (await c.anon.send('GET', action('package_show', 'id=nursery'))).data.result;
    expect(after.groups).toEqual([]);
    expect(after.metadata_modified > ds.metadata_modified).toBe(true);
  });
});
