import { sql } from 'drizzle-orm';
import type { SearchHit, TenantScope } from '../../core/modules/manifest.ts';
import { txRows } from '../../core/db/tenant-tx.ts';

/** Published notices whose title or body contains the query, for the portal's search. */
export async function searchNotices(scope: TenantScope, query: string, lang: string): Promise<SearchHit[]> {
  const q = `%${query.normalize('NFKC').replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await txRows<{ id: string; title_ja: string; title_en: string; body_ja: string }>(scope.tx, sql`
    select id, title_ja, title_en, body_ja from notices_notices
     where published_at is not null and published_at <= now()
       and (title_ja ilike ${q} or body_ja ilike ${q} or title_en ilike ${q})
     order by published_at desc limit 20`);
  return rows.map((r) => ({
    title: lang === 'en' && r.title_en ? r.title_en : r.title_ja,
    snippet: r.body_ja.slice(0, 120),
    url: `notices/${r.id}`,
  }));
}
