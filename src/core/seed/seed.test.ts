import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { TestClient } from '../auth/testing.ts';
import { createTenant, seedDemo } from './demo.ts';

describe('demo seed', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let logins: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    y = await testApp();
    logins = await seedDemo(y.platform);
    await y.tenants.reload();
  });
  afterAll(async () => y?.close());

  it('creates 徳島市 and 松阪市 with the departments their plans name', async () => {
    const tenants = await y.db.rows<{ slug: string; name_ja: string; lg_code: string; departments: string[] }>(sql`
      select t.slug, t.name_ja, t.lg_code, array_agg(d.name_ja order by d.name_ja) as departments
      from tenants t join departments d on d.tenant_id = t.id group by t.slug, t.name_ja, t.lg_code order by t.slug`);
    expect(tenants.map((t) => [t.slug, t.name_ja, t.lg_code, t.departments.length])).toEqual([
      ['matsusaka', '松阪市', '242047', 10],
      ['tokushima', '徳島市', '362018', 12],
    ]);
    expect(tenants[1].departments).toEqual(expect.arrayContaining(['情報推進課', '子育て支援課', '市民環境政策課', '危機管理課', '消防局警防課']));
    expect(tenants[0].departments).toEqual(expect.arrayContaining(['情報企画課', '戸籍住民課', '防災対策課', '清掃政策課', '健康づくり課']));
  });

  it('returns an admin and a staff login per tenant that work, and seeds only once', async () => {
    expect(logins.map((l) => `${l.tenant} ${l.email}`)).toEqual([
      'tokushima admin@tokushima.example.jp', 'tokushima kosodate@tokushima.example.jp',
      'matsusaka admin@matsusaka.example.jp', 'matsusaka kenko@matsusaka.example.jp',
    ]);
    const staff = logins.find((l) => l.email === 'kenko@matsusaka.example.jp')!;
    const c = new TestClient(y.app, '/t/matsusaka');
    expect((await c.login(staff.email, staff.password)).statusCode).toBe(200);
    const me = await c.me();
    expect(me.departmentIds).toHaveLength(1);
    const admin = logins.find((l) => l.email === 'admin@tokushima.example.jp')!;
    const a = new TestClient(y.app);
    await a.login(admin.email, admin.password);
    expect(await a.me()).toMatchObject({ isTenantAdmin: true, mfaRequired: true });
    expect(await seedDemo(y.platform)).toEqual([]);
  });

  it('checks the 地方公共団体コード and the slug of a new tenant', async () => {
    await expect(createTenant(y.platform, { slug: 'naruto', nameJa: '鳴門市', nameEn: 'Naruto', lgCode: '362020' })).rejects.toMatchObject({ field: 'lgCode' });
    await expect(createTenant(y.platform, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'x', lgCode: '362018' })).rejects.toMatchObject({ status: 409, field: 'slug' });
    await expect(createTenant(y.platform, { slug: 'Bad Slug', nameJa: 'x', nameEn: 'x', lgCode: '362018' })).rejects.toMatchObject({ field: 'slug' });
    expect((await createTenant(y.platform, { slug: 'naruto', nameJa: '鳴門市', nameEn: 'Naruto City', lgCode: '362026' })).slug).toBe('naruto');
  });
});
