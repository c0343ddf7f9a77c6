import { sql } from 'drizzle-orm';
import type { OpenDataDef } from '../../../core/modules/manifest.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { loadConfig } from '../../../config.ts';

/** Where citizens apply online for a procedure: the tenant's portal page of it. */
function applyUrl(slug: string, id: string): string {
  return `${loadConfig().baseUrl}/t/${slug}/applications/${id}`;
}

/** 手続き一覧: the procedures citizens can find (live or closed form), with owner and open window. */
export const applicationOpenData: OpenDataDef[] = [{
  id: 'procedures',
  title: { ja: '手続き一覧（電子申請）', en: 'Procedures (online applications)' },
  columns: ['ID', '手続名', '手続名_英語', '分類', '担当課', '受付開始', '受付終了', '受付状況', 'オンライン申請URL'],
  rows: async (tx, tenantId) => {
    const rows = await txRows<{ id: string; title_ja: string; title_en: string; category: string; dept: string | null; opens_at: Date | null; closes_at: Date | null; state: string; slug: string }>(tx, sql`
      select p.id, p.title_ja, p.title_en, p.category, d.name_ja as dept, p.opens_at, p.closes_at, v.state, t.slug
        from applications_procedures p
        join applications_form_versions v on v.procedure_id = p.id and v.state in ('live', 'closed')
        join tenants t on t.id = p.tenant_id
        left join departments d on d.id = p.department_id
       where p.tenant_id = ${tenantId}::uuid
       order by p.created_at, p.id`);
    return rows.map((r) => ({
      'ID': r.id,
      '手続名': r.title_ja,
      '手続名_英語': r.title_en,
      '分類': r.category,
      '担当課': r.dept ?? '',
      '受付開始': r.opens_at,
      '受付終了': r.closes_at,
      '受付状況': r.state === 'live' ? '受付中' : '受付停止中',
      'オンライン申請URL': applyUrl(r.slug, r.id),
    }));
  },
}];
