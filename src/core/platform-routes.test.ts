import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { testApp } from '../test/app.ts';

describe('routes over every manifest: search, datasets, KPIs', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    y = await testApp();
    const [{ id }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('tokushima', '徳島市', 'Tokushima', '362018') returning id`);
    await y.db.rows(sql`insert into notices_notices (tenant_id, title_ja, title_en, body_ja, published_at) values
      (${id}, '阿波おどり期間の交通規制', 'Traffic during Awa Odori', '期間中は市内中心部で交通規制があります。', now() - interval '1 hour'),
      (${id}, '未公開の阿波おどり情報', '', '下書き', null)`);
    await y.tenants.reload();
  });
  afterAll(async () => y?.close());

  it('finds published records through the modules\' search hooks, never drafts', async () => {
    const res = await y.app.inject('/t/tokushima/api/search?q=' + encodeURIComponent('阿波おどり'));
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((h: { title: string }) => h.title)).toEqual(['阿波おどり期間の交通規制']);
    expect((await y.app.inject('/t/tokushima/api/search?q=')).json().error.field).toBe('q');
  });

  it('lists and serves the modules\' open-data datasets as CSV with BOM and as JSON', async () => {
    const list = (await y.app.inject('/t/tokushima/api/datasets')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toContain('notices.notices');
    const csv = await y.app.inject('/t/tokushima/api/datasets/notices.notices.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = iconv.decode(csv.rawPayload, 'utf8');
    expect(text).toContain('阿波おどり期間の交通規制');
    expect(text).not.toContain('未公開');
    const json = (await y.app.inject('/t/tokushima/api/datasets/notices.notices.json')).json();
    expect(json.rows).toHaveLength(1);
    expect((await y.app.inject('/t/tokushima/api/datasets/nothing.here.json')).statusCode).toBe(404);
  });

  it('keeps KPIs and settings for staff', async () => {
    expect((await y.app.inject('/t/tokushima/api/admin/core/kpis?from=2026-01-01&to=2026-12-31')).statusCode).toBe(401);
    expect((await y.app.inject('/t/tokushima/api/admin/core/settings')).statusCode).toBe(401);
  });
});
