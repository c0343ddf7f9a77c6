import { sql } from 'drizzle-orm';
import type { Platform, Tenant } from '../../core/platform.ts';

/** Tenants that have rows matching a system-wide query (jobs run across tenants, then work inside each). */
export async function tenantsWith(platform: Platform, where: ReturnType<typeof sql>): Promise<Tenant[]> {
  const rows = await platform.db.rows<{ id: string; slug: string; name_ja: string; name_en: string; lg_code: string; settings: Record<string, unknown> | null }>(sql`
    select id, slug, name_ja, name_en, lg_code, settings from tenants t where exists (${where})`);
  return rows.map((r) => ({ id: r.id, slug: r.slug, nameJa: r.name_ja, nameEn: r.name_en, lgCode: r.lg_code, settings: r.settings ?? {} }));
}
