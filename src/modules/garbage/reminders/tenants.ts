import { sql } from 'drizzle-orm';
import type { Platform } from '../../../core/platform.ts';

/** Tenants that have published garbage data (jobs run across tenants, then work inside each). */
export async function tenantsWithPublications(platform: Platform): Promise<{ id: string; slug: string }[]> {
  return platform.db.rows<{ id: string; slug: string }>(sql`select t.id, t.slug from tenants t where exists (select 1 from garbage_publications p where p.tenant_id = t.id)`);
}
