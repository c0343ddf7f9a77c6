import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import type { Actor } from '../../core/platform.ts';
import * as service from './service.ts';
import { notices } from './index.ts';

const editor = (tenantId: string): Actor => ({ kind: 'staff', id: null, tenantId, permissions: new Set(['notices.manage']), departmentIds: [], sessionId: null });
const clerk = (tenantId: string): Actor => ({ kind: 'staff', id: null, tenantId, permissions: new Set(), departmentIds: [], sessionId: null });

describe('notices (reference module)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;
  beforeAll(async () => {
    y = await testApp();
    [{ id: tenantId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('matsusaka', '松阪市', 'Matsusaka', '242047') returning id`);
    await y.tenants.reload();
  });
  afterAll(async () => y?.close());

  it('publishes to citizens in their language and keeps drafts hidden', async () => {
    const ctx = { platform: y.platform, tenantId, actor: editor(tenantId) };
    await service.create(ctx, { titleJa: 'ごみ収集日の変更', titleEn: 'Collection day change', bodyJa: '本文', bodyEn: 'Body', category: 'garbage', publishedAt: new Date(Date.now() - 1000).toISOString() });
    const draft = await service.create(ctx, { titleJa: '下書き', bodyJa: '未公開', publishedAt: null });
    const ja = (await y.app.inject('/t/matsusaka/api/notices')).json();
    expect(ja.items.map((n: { title: string }) => n.title)).toEqual(['ごみ収集日の変更']);
    const en = (await y.app.inject('/t/matsusaka/api/notices?lang=en')).json();
    expect(en.items[0].title).toBe('Collection day change');
    const easy = (await y.app.inject('/t/matsusaka/api/notices?lang=ja-easy')).json();
    expect(easy.items[0].title).toBe('ごみ収集日の変更'); // no plain-Japanese text given: falls back to Japanese
    expect((await y.app.inject(`/t/matsusaka/api/notices/${draft.id}`)).statusCode).toBe(404);
  });

  it('refuses writes without the permission, at the route and in the service', async () => {
    const anon = await y.app.inject({ method: 'GET', url: '/t/matsusaka/api/admin/notices' });
    expect(anon.statusCode).toBe(401);
    await expect(service.create({ platform: y.platform, tenantId, actor: clerk(tenantId) }, { titleJa: 'x', bodyJa: 'y' })).rejects.toMatchObject({ status: 403 });
  });

  it('feeds its KPI and open-data dataset from the tenant only', async () => {
    const kpi = notices.kpis![0];
    const n = await y.platform.inTenant(tenantId, (tx) => kpi.compute(tx, { tenantId, from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 1000) }));
    expect(n).toBe(1);
    const rows = await y.platform.inTenant(tenantId, (tx) => notices.openData![0].rows(tx, tenantId));
    expect(rows.map((r) => r['タイトル'])).toEqual(['ごみ収集日の変更']);
  });

  it('answers invalid input with 4xx naming the field', async () => {
    const res = await y.app.inject({ method: 'GET', url: '/t/matsusaka/api/notices?limit=5000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('limit');
  });
});
