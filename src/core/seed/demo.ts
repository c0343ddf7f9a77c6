import { sql } from 'drizzle-orm';
import type { Platform } from '../platform.ts';
import { createStaffUser } from '../admin/users/create.ts';
import { createDepartments, createRole, createTenant, type NewTenant } from './tenants.ts';

export { createTenant } from './tenants.ts';
export { createStaffUser } from '../admin/users/create.ts';

/** A demo login printed once after seeding. */
export interface DemoLogin {
  tenant: string;
  email: string;
  password: string;
  note?: string;
}

type Dept = [code: string, nameJa: string, nameEn: string];

interface DemoTenant extends NewTenant {
  departments: Dept[];
  ictDept: string;
  staff: { email: string; displayName: string; dept: string; role: string };
}

/** The two demo municipalities with the departments their ICT plans name. */
export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima City', lgCode: '362018', ictDept: 'ict',
    departments: [
      ['ict', '情報推進課', 'Information Technology Promotion Division'],
      ['childcare', '子育て支援課', 'Child-rearing Support Division'],
      ['environment', '市民環境政策課', 'Citizens and Environmental Policy Division'],
      ['crisis', '危機管理課', 'Crisis Management Division'],
      ['general-affairs', '総務課', 'General Affairs Division'],
      ['public-relations', '広報広聴課', 'Public Relations and Public Hearing Division'],
      ['elderly-welfare', '高齢福祉課', 'Elderly Welfare Division'],
      ['agriculture', '農林水産課', 'Agriculture, Forestry and Fisheries Division'],
      ['tourism', '観光課', 'Tourism Division'],
      ['residents', '住民課', 'Residents Division'],
      ['personnel', '人事課', 'Personnel Division'],
      ['fire-defense', '消防局警防課', 'Fire Department Fire Defense Division'],
    ],
    staff: { email: 'kosodate@tokushima.example.jp', displayName: '徳島 花子', dept: 'childcare', role: '子育て支援担当' },
  },
  {
    slug: 'matsusaka', nameJa: '松阪市', nameEn: 'Matsusaka City', lgCode: '242047', ictDept: 'ict',
    departments: [
      ['ict', '情報企画課', 'Information Planning Division'],
      ['family-register', '戸籍住民課', 'Family Register and Residents Division'],
      ['disaster', '防災対策課', 'Disaster Prevention Division'],
      ['sanitation', '清掃政策課', 'Sanitation Policy Division'],
      ['health', '健康づくり課', 'Health Promotion Division'],
      ['personnel', '職員課', 'Personnel Division'],
      ['public-relations', '秘書広報課', 'Secretarial and Public Relations Division'],
      ['children', 'こども未来課', 'Children\'s Future Division'],
      ['elderly', '高齢者支援課', 'Elderly Support Division'],
      ['tourism', '観光交流課', 'Tourism and Exchange Division'],
    ],
    staff: { email: 'kenko@matsusaka.example.jp', displayName: '松阪 太郎', dept: 'health', role: '健康づくり担当' },
  },
];

/**
 * Seeds the demo municipalities when the installation has no tenant yet: departments, a tenant
 * administrator and one ordinary staff member with a role each, then every module's demo data.
 * Returns the logins (random passwords) for printing once; an empty list when nothing was seeded.
 */
export async function seedDemo(platform: Platform): Promise<DemoLogin[]> {
  const [{ n }] = await platform.db.rows<{ n: number }>(sql`select count(*)::int as n from tenants`);
  if (n > 0) return [];
  const logins: DemoLogin[] = [];
  const modulePermissions = platform.modules.flatMap((m) => (m.permissions ?? []).map((p) => p.id));
  const created: { id: string; slug: string }[] = [];
  for (const t of DEMO_TENANTS) {
    const tenant = await createTenant(platform, t);
    created.push(tenant);
    await platform.inTenant(tenant.id, async (tx) => {
      const depts = await createDepartments(tx, tenant.id, t.departments);
      const roleId = await createRole(tx, tenant.id, t.staff.role, `${t.departments.find((d) => d.at(0) === t.staff.dept)![1]}の業務`, modulePermissions);
      const admin = await createStaffUser(tx, {
        tenantId: tenant.id, email: `admin@${t.slug}.example.jp`, displayName: `${t.nameJa} システム管理者`, isTenantAdmin: true, departmentIds: [depts.get(t.ictDept)!],
      });
      const staff = await createStaffUser(tx, {
        tenantId: tenant.id, email: t.staff.email, displayName: t.staff.displayName, departmentIds: [depts.get(t.staff.dept)!], roleIds: [roleId],
      });
      logins.push({ tenant: t.slug, email: `admin@${t.slug}.example.jp`, password: admin.password, note: 'tenant admin; sets up 2FA at first sign-in' });
      logins.push({ tenant: t.slug, email: t.staff.email, password: staff.password, note: t.staff.role });
    });
  }
  for (const tenant of created) {
    for (const m of platform.modules) {
      if (m.seed) await platform.inTenant(tenant.id, (tx) => m.seed!({ tx, tenantId: tenant.id, platform }, tenant));
    }
  }
  return logins;
}
