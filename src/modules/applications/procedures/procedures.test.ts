import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { childAllowanceForm } from '../engine/fixtures.ts';
import type { FormDefinition } from '../engine/types.ts';

const PW = 'correct horse battery';
const base = '/api/admin/applications';

describe('applications: procedures and versioned forms (staff API and public catalogue)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let admin: TestClient;
  let plain: TestClient;
  let deptId: string;
  let otherDeptId: string;
  const auditCount = async (action: string) => (await y.db.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`))[0].n;
  const input = (over: Record<string, unknown> = {}) => ({
    titleJa: '児童手当 認定請求', titleEn: 'Child allowance', summaryJa: '児童手当を受け取るための請求です。',
    category: 'childcare', departmentId: deptId, sharedDepartmentIds: [otherDeptId], identityLevel: 'email', opensAt: null, closesAt: null, languages: ['ja', 'en'], ...over,
  });
  const publicList = (q = '') => y.app.inject({ method: 'GET', url: `/t/tokushima/api/applications/procedures${q}` });

  beforeAll(async () => {
    y = await testApp();
    t = await twoTenants(y.platform);
    ({ admin, plain } = await signedInAdminAndStaff(y, t.tokushima.id, PW));
    [deptId, otherDeptId] = await y.platform.inTenant(t.tokushima.id, async (tx) => (await txRows<{ id: string }>(tx, sql`
      insert into departments (tenant_id, code, name_ja, name_en) values (${t.tokushima.id}, 'childcare', '子育て支援課', 'Child-rearing Support'),
        (${t.tokushima.id}, 'health', '健康増進課', 'Health Promotion') returning id`)).map((r) => r.id));
  });
  afterAll(async () => y?.close());

  it('creates, reads, replaces and deletes a procedure, audited, and names the field of bad input', async () => {
    const created = await admin.send('POST', `${base}/procedures`, input());
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({ titleJa: '児童手当 認定請求', state: 'draft', liveVersion: null, draftVersion: null, submissionCount: 0, sharedDepartmentIds: [otherDeptId], languages: ['ja', 'en'] });
    const id = created.data.id;
    const replaced = await admin.send('PUT', `${base}/procedures/${id}`, input({ titleJa: '児童手当 認定請求書', opensAt: '2025-04-01T00:00:00+09:00' }));
    expect(replaced.data).toMatchObject({ titleJa: '児童手当 認定請求書', opensAt: '2025-03-31T15:00:00.000Z' });
    expect((await admin.send('GET', `${base}/procedures/${id}`)).data.titleJa).toBe('児童手当 認定請求書');
    expect((await admin.send('GET', `${base}/procedures`)).data.items.map((p: { id: string }) => p.id)).toContain(id);

    const cases: [Record<string, unknown>, string][] = [
      [{ titleJa: '' }, 'titleJa'],
      [{ category: 'nope' }, 'category'],
      [{ departmentId: '00000000-0000-4000-8000-000000000000' }, 'departmentId'],
      [{ sharedDepartmentIds: ['00000000-0000-4000-8000-000000000000'] }, 'sharedDepartmentIds.0'],
      [{ identityLevel: 'passport' }, 'identityLevel'],
      [{ opensAt: '2025-05-01T00:00:00Z', closesAt: '2025-04-01T00:00:00Z' }, 'closesAt'],
      [{ languages: ['en'] }, 'languages'],
      [{ unknownField: 1 }, 'unknownField'],
    ];
    for (const [over, field] of cases) {
      const res = await admin.send('POST', `${base}/procedures`, input(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.field, JSON.stringify(over)).toBe(field);
    }
    expect((await admin.send('DELETE', `${base}/procedures/${id}`)).statusCode).toBe(204);
    expect((await admin.send('GET', `${base}/procedures/${id}`)).statusCode).toBe(404);
    expect([await auditCount('applications.procedure.create'), await auditCount('applications.procedure.update'), await auditCount('applications.procedure.delete')]).toEqual([1, 1, 1]);
  });

  it('refuses staff without applications.manage (403) and anonymous callers (401)', async () => {
    expect((await plain.send('GET', `${base}/procedures`)).statusCode).toBe(403);
    expect((await plain.send('POST', `${base}/procedures`, input())).statusCode).toBe(403);
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima${base}/procedures` })).statusCode).toBe(401);
  });

  it('versions forms: editing a live form makes draft N+1, publishing archives the previous version', async () => {
    const { id } = (await admin.send('POST', `${base}/procedures`, input())).data;
    expect((await admin.send('POST', `${base}/procedures/${id}/publish`)).statusCode).toBe(409); // nothing to publish yet
    const v1 = await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: childAllowanceForm });
    expect(v1.data).toMatchObject({ version: 1, state: 'draft' });
    const again = await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: childAllowanceForm });
    expect(again.data).toMatchObject({ id: v1.data.id, version: 1 }); // the same draft, edited
    const published = await admin.send('POST', `${base}/procedures/${id}/publish`);
    expect(published.data).toMatchObject({ state: 'live', liveVersion: 1, liveVersionId: v1.data.id, draftVersion: null });

    const changed: FormDefinition = structuredClone(childAllowanceForm);
    changed.pages[0]!.title = { ja: '請求者の情報（改訂）' };
    const v2 = await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: changed });
    expect(v2.data).toMatchObject({ version: 2, state: 'draft' });
    const live = await admin.send('GET', `${base}/procedures/${id}/versions/${v1.data.id}`);
    expect(live.data.state).toBe('live');
    expect(live.data.definition.pages[0].title.ja).toBe('請求者'); // untouched
    expect((await admin.send('GET', `${base}/procedures/${id}`)).data).toMatchObject({ state: 'live', liveVersion: 1, draftVersion: 2 });

    await admin.send('POST', `${base}/procedures/${id}/publish`);
    const list = (await admin.send('GET', `${base}/procedures/${id}/versions`)).data.items;
    expect(list.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[2, 'live'], [1, 'archived']]);
    expect(list[0]).toMatchObject({ submissionCount: 0, publishedAt: expect.any(String) });

    expect((await admin.send('POST', `${base}/procedures/${id}/reopen`)).statusCode).toBe(409);
    expect((await admin.send('POST', `${base}/procedures/${id}/close`)).data).toMatchObject({ state: 'closed', liveVersion: 2 });
    expect((await admin.send('POST', `${base}/procedures/${id}/close`)).json().error.code).toBe('state_conflict');
    expect((await admin.send('POST', `${base}/procedures/${id}/reopen`)).data.state).toBe('live');
    expect((await admin.send('POST', `${base}/procedures/${id}/archive`)).data).toMatchObject({ state: 'archived', liveVersion: null });
    expect(await auditCount('applications.form.publish')).toBe(2);
    expect(await auditCount('applications.form.close')).toBe(1);
  });

  it('answers a malformed definition with 400 naming definition.<path>, with every problem in details', async () => {
    const { id } = (await admin.send('POST', `${base}/procedures`, input())).data;
    const bad: FormDefinition = structuredClone(childAllowanceForm);
    (bad.pages[0]!.sections[0]!.fields[0] as { key: string }).key = '1 bad key';
    bad.pages[1]!.sections[0]!.fields[0]!.type = 'hologram' as never;
    const res = await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid', field: 'definition.pages[0].sections[0].fields[0].key' });
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['definition.pages[1].sections[0].fields[0].type']));
    expect((await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: 'nope' })).json().error.field).toBe('definition');
    expect((await admin.send('GET', `${base}/procedures/${id}/versions`)).data.items).toEqual([]); // nothing stored
  });

  it('exports a form and imports it again as a new procedure with a draft; refuses unknown formats', async () => {
    const { id } = (await admin.send('POST', `${base}/procedures`, input({ titleJa: 'がん検診 申込', category: 'health' }))).data;
    await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: childAllowanceForm });
    await admin.send('POST', `${base}/procedures/${id}/publish`);
    const exported = await admin.send('GET', `${base}/procedures/${id}/export`);
    expect(exported.data).toMatchObject({ format: 'yakuba.form/1', procedure: { titleJa: 'がん検診 申込', category: 'health', identityLevel: 'email' }, definition: childAllowanceForm });
    expect(exported.data.procedure).not.toHaveProperty('departmentId');
    const text = JSON.parse(JSON.stringify(exported.data)); // as a file would carry it

    const imported = await admin.send('POST', `${base}/procedures/import`, { ...text, departmentId: otherDeptId });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.data).toMatchObject({ titleJa: 'がん検診 申込', departmentId: otherDeptId, state: 'draft', draftVersion: 1, liveVersion: null });
    const draft = await admin.send('GET', `${base}/procedures/${imported.data.id}/versions/${imported.data.draftVersionId}`);
    expect(draft.data.definition).toEqual(childAllowanceForm);

    const wrong = await admin.send('POST', `${base}/procedures/import`, { ...text, format: 'logoform/2', departmentId: otherDeptId });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('format');
    const badProc = await admin.send('POST', `${base}/procedures/import`, { ...text, procedure: { ...text.procedure, category: 'space' }, departmentId: otherDeptId });
    expect(badProc.json().error.field).toBe('procedure.category');
    const badDef = await admin.send('POST', `${base}/procedures/import`, { ...text, definition: { schemaVersion: 1, pages: [] }, departmentId: otherDeptId });
    expect(badDef.json().error.field).toBe('definition.pages');
    await admin.send('POST', `${base}/procedures/${id}/archive`); // out of the public catalogue for the next test
  });

  it('lists only procedures with a live or closed form to citizens, localised, with the open flag and search', async () => {
    const make = async (over: Record<string, unknown>, publish = true) => {
      const { id } = (await admin.send('POST', `${base}/procedures`, input(over))).data;
      await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: childAllowanceForm });
      if (publish) await admin.send('POST', `${base}/procedures/${id}/publish`);
      return id as string;
    };
    const live = await make({ titleJa: '児童扶養手当 面談予約', titleEn: 'Child support interview', summaryJa: 'ひとり親家庭の面談を予約します。' });
    const draftOnly = await make({ titleJa: '下書きの手続き' }, false);
    const later = await make({ titleJa: 'ガン検診 申込', category: 'health', opensAt: new Date(Date.now() + 86_400_000).toISOString() });
    const closed = await make({ titleJa: '市民講座 申込', category: 'education' });
    await admin.send('POST', `${base}/procedures/${closed}/close`);

    const res = await publicList();
    const items = res.json().items as { id: string; title: string; open: boolean; departmentName: string }[];
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([live, later, closed]));
    expect(ids).not.toContain(draftOnly);
    expect(items.find((i) => i.id === live)).toMatchObject({ open: true, departmentName: '子育て支援課' });
    expect(items.find((i) => i.id === later)!.open).toBe(false);
    expect(items.find((i) => i.id === closed)!.open).toBe(false);
    expect(res.json().categories.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['childcare', 'health', 'education']));
    expect((await publicList('?lang=en')).json().items.find((i: { id: string }) => i.id === live).title).toBe('Child support interview');

    const titles = async (q: string) => (await publicList(`?q=${encodeURIComponent(q)}`)).json().items.map((i: { title: string }) => i.title);
    expect(await titles('児童')).toEqual(expect.arrayContaining(['児童扶養手当 面談予約']));
    expect(await titles('手当 面談')).toEqual(['児童扶養手当 面談予約']);
    expect(await titles('がん検診')).toEqual(['ガン検診 申込']); // hiragana finds katakana
    expect(await titles('ﾋﾄﾘ親')).toEqual(['児童扶養手当 面談予約']); // half-width kana in the summary
    expect(await titles('講座')).toEqual(['市民講座 申込']);
    expect(await titles('予約しない')).toEqual([]);
    expect((await publicList('?category=health')).json().items.map((i: { id: string }) => i.id)).toEqual([later]);

    const one = (await y.app.inject({ method: 'GET', url: `/t/tokushima/api/applications/procedures/${live}` })).json();
    expect(one).toMatchObject({ id: live, title: '児童扶養手当 面談予約', open: true, form: { version: 1, definition: childAllowanceForm } });
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima/api/applications/procedures/${closed}` })).json()).toMatchObject({ open: false, form: null });
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima/api/applications/procedures/${draftOnly}` })).statusCode).toBe(404);
  });

  it('keeps tenants apart: another city neither lists nor reaches these procedures', async () => {
    const { id } = (await admin.send('POST', `${base}/procedures`, input({ titleJa: '徳島だけの手続き' }))).data;
    await admin.send('PUT', `${base}/procedures/${id}/draft`, { definition: childAllowanceForm });
    await admin.send('POST', `${base}/procedures/${id}/publish`);
    const other = await y.app.inject({ method: 'GET', url: '/t/matsusaka/api/applications/procedures' });
    expect(other.json().items).toEqual([]);
    expect((await y.app.inject({ method: 'GET', url: `/t/matsusaka/api/applications/procedures/${id}` })).statusCode).toBe(404);
    const count = await y.platform.inTenant(t.matsusaka.id, async (tx) => (await txRows<{ n: number }>(tx, sql`select count(*)::int as n from applications_form_versions`))[0].n);
    expect(count).toBe(0);
    // A department of another tenant cannot own a procedure here.
    const [foreign] = await y.platform.inTenant(t.matsusaka.id, (tx) => txRows<{ id: string }>(tx, sql`
      insert into departments (tenant_id, code, name_ja) values (${t.matsusaka.id}, 'health', '健康づくり課') returning id`));
    expect((await admin.send('POST', `${base}/procedures`, input({ departmentId: foreign!.id }))).json().error.field).toBe('departmentId');
  });
});
