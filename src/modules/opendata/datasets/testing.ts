import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../core/platform.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { createDepartments, createRole } from '../../../core/seed/tenants.ts';
import { TestClient, staffUser, twoTenants } from '../../../core/auth/testing.ts';
import { MANAGE, PUBLISH } from '../policy.ts';
import { action, insertOrg } from '../testing.ts';

const PASSWORD = 'correct horse battery staple 9';

/**
 * The write-side cast: two departments with an organisation each, a publisher of each department
 * (signed in), a manager signed in and holding an API token, and an anonymous client.
 */
export async function writeCast(y: { app: FastifyInstance; platform: Platform }) {
  const t = await twoTenants(y.platform);
  const tenantId = t.tokushima.id;
  const { depts, publish, manage } = await y.platform.inTenant(tenantId, async (tx) => ({
    depts: await createDepartments(tx, tenantId, [['bosai', '防災対策課', 'Disaster Prevention'], ['kanko', '観光課', 'Tourism']]),
    publish: await createRole(tx, tenantId, 'publisher', '', [PUBLISH]),
    manage: await createRole(tx, tenantId, 'manager', '', [MANAGE]),
  }));
  const orgA = await insertOrg(y.platform, tenantId, 'bosai');
  const orgB = await insertOrg(y.platform, tenantId, 'kanko');
  await y.platform.inTenant(tenantId, async (tx) => {
    await txRows(tx, sql`update opendata_organizations set department_id = ${depts.get('bosai')!} where id = ${orgA}`);
    await txRows(tx, sql`update opendata_organizations set department_id = ${depts.get('kanko')!} where id = ${orgB}`);
  });
  const signIn = async (email: string, roleIds: string[], departmentIds: string[]) => {
    await staffUser(y.platform, { tenantId, email, displayName: email, password: PASSWORD, roleIds, departmentIds });
    const c = new TestClient(y.app);
    await c.login(email, PASSWORD);
    return c;
  };
  const pubA = await signIn('a@tokushima.example.jp', [publish], [depts.get('bosai')!]);
  const pubB = await signIn('b@tokushima.example.jp', [publish], [depts.get('kanko')!]);
  const manager = await signIn('m@tokushima.example.jp', [manage], []);
  const token = (await manager.send('POST', '/api/auth/tokens', { name: 'harvester' })).data.token as string;
  const anon = new TestClient(y.app);
  await anon.me();
  /** A CKAN action as a machine client with the manager's token. */
  const withToken = (name: string, body: Record<string, unknown>) => y.app.inject({
    method: 'POST', url: `/t/tokushima${action(name)}`, headers: { authorization: token, 'content-type': 'application/json' }, payload: body,
  }).then((r) => Object.assign(r, { data: r.json() }));
  return { t, tenantId, orgA, orgB, pubA, pubB, manager, anon, withToken, depts };
}
