import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/connection.ts';
import type { Platform } from '../platform.ts';
import { withSystem, txRows } from '../db/tenant-tx.ts';
import { invalid } from '../http/errors.ts';
import { isValidLgCode } from '../ja/lgcode.ts';
import { mapDbErrors } from '../admin/db-errors.ts';

/** A new tenant (municipality). */
export interface NewTenant {
  slug: string;
  nameJa: string;
  nameEn: string;
  /** 全国地方公共団体コード, six digits with its check digit. */
  lgCode: string;
  hosts?: string[];
}

/** Creates a tenant as the table owner (the app role may not); checks slug and 地方公共団体コード first. */
export async function createTenant(target: Platform | Database, input: NewTenant): Promise<{ id: string; slug: string }> {
  const db: Database = 'inTenant' in target ? target.db : target;
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(input.slug)) throw invalid('slug', 'lowercase letters, digits and hyphens, 2–40 characters');
  if (!isValidLgCode(input.lgCode)) throw invalid('lgCode', 'not a valid 全国地方公共団体コード (check digit)');
  if (!input.nameJa.trim()) throw invalid('nameJa', 'required');
  return withSystem(db, async (tx) => {
    const [row] = await mapDbErrors('slug', () => txRows<{ id: string; slug: string }>(tx, sql`insert into tenants (slug, name_ja, name_en, lg_code, hosts)
      values (${input.slug}, ${input.nameJa.trim()}, ${input.nameEn.trim()}, ${input.lgCode}, ${`{${(input.hosts ?? []).join(',')}}`}::text[]) returning id, slug`));
    return row;
  });
}

/** Every tenant, for `yakuba tenant list`. */
export function listTenants(db: Database): Promise<{ id: string; slug: string; name_ja: string; name_en: string; lg_code: string; created_at: Date }[]> {
  return db.rows(sql`select id, slug, name_ja, name_en, lg_code, created_at from tenants order by created_at, slug`);
}

/** Finds a tenant's id by slug, or null. */
export async function tenantIdBySlug(db: Database, slug: string): Promise<string | null> {
  const [row] = await db.rows<{ id: string }>(sql`select id from tenants where slug = ${slug}`);
  return row?.id ?? null;
}

/** Inserts departments (code, ja, en) into a tenant and returns their ids by code. */
export async function createDepartments(tx: Tx, tenantId: string, list: [code: string, nameJa: string, nameEn: string][]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [code, nameJa, nameEn] of list) {
    const [row] = await txRows<{ id: string }>(tx, sql`insert into departments (tenant_id, code, name_ja, name_en) values (${tenantId}, ${code}, ${nameJa}, ${nameEn}) returning id`);
    ids.set(code, row.id);
  }
  return ids;
}

/** Inserts a role with its permissions and returns its id. */
export async function createRole(tx: Tx, tenantId: string, name: string, description: string, permissions: string[]): Promise<string> {
  const [row] = await txRows<{ id: string }>(tx, sql`insert into roles (tenant_id, name, description) values (${tenantId}, ${name}, ${description}) returning id`);
  for (const p of permissions) await txRows(tx, sql`insert into role_permissions (tenant_id, role_id, permission) values (${tenantId}, ${row.id}, ${p})`);
  return row.id;
}
