/**
 * Test setup for resources and the datastore: a tenant with two departments, a publisher of each, an
 * administrator, organisations owned by the departments, and multipart posts built by hand.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../core/platform.ts';
import { createDepartments, createRole } from '../../../core/seed/tenants.ts';
import { TestClient, signedInAdminAndStaff, staffUser, twoTenants } from '../../../core/auth/testing.ts';
import { PUBLISH } from '../policy.ts';
import { insertOrg } from '../testing.ts';

const PASSWORD = 'correct horse battery staple 42';

/** The world of the resource tests. */
export interface ResourceWorld {
  tenantId: string;
  /** the organisation of 都市計画課 (the publisher's department) and of 企画課 */
  orgs: { toshi: string; kikaku: string };
  admin: TestClient;
  publisher: TestClient;
  outsider: TestClient;
  anonymous: TestClient;
}

async function signIn(app: FastifyInstance, email: string): Promise<TestClient> {
  const c = new TestClient(app);
  const res = await c.login(email, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.body}`);
  return c;
}

/** Creates the tenants, departments, publishers, administrator and organisations. */
export async function resourceWorld(y: { app: FastifyInstance; platform: Platform; tenants: { reload(): Promise<void> } }): Promise<ResourceWorld> {
  const { tokushima } = await twoTenants(y.platform);
  await y.tenants.reload();
  const tenantId = tokushima.id;
  const { admin } = await signedInAdminAndStaff(y, tenantId, PASSWORD);
  const setup = await y.platform.inTenant(tenantId, async (tx) => ({
    deps: await createDepartments(tx, tenantId, [['toshi', '都市計画課', 'City planning'], ['kikaku', '企画課', 'Planning']]),
    role: await createRole(tx, tenantId, 'オープンデータ公開', '', [PUBLISH]),
  }));
  const toshi = setup.deps.get('toshi')!;
  const kikaku = setup.deps.get('kikaku')!;
  await staffUser(y.platform, { tenantId, email: 'toshi@tokushima.example.jp', displayName: '都市 担当', password: PASSWORD, roleIds: [setup.role], departmentIds: [toshi] });
  await staffUser(y.platform, { tenantId, email: 'kikaku@tokushima.example.jp', displayName: '企画 担当', password: PASSWORD, roleIds: [setup.role], departmentIds: [kikaku] });
  const orgs = { toshi: await insertOrg(y.platform, tenantId, 'toshi'), kikaku: await insertOrg(y.platform, tenantId, 'kikaku') };
  await y.platform.inTenant(tenantId, async (tx) => {
    await tx.execute(sql`update opendata_organizations set department_id = ${toshi} where id = ${orgs.toshi}`);
    await tx.execute(sql`update opendata_organizations set department_id = ${kikaku} where id = ${orgs.kikaku}`);
  });
  return {
    tenantId, orgs, admin,
    publisher: await signIn(y.app, 'toshi@tokushima.example.jp'),
    outsider: await signIn(y.app, 'kikaku@tokushima.example.jp'),
    anonymous: new TestClient(y.app),
  };
}

/** A file part of a multipart post. */
export interface FilePart {
  field: string;
  filename: string;
  data: Buffer;
  contentType?: string;
}

/** POSTs multipart/form-data (text fields and at most one file) with the client's cookies and CSRF token. */
export async function postMultipart(app: FastifyInstance, client: TestClient, url: string, fields: Record<string, string>, file?: FilePart) {
  const boundary = `----yakuba${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  const res = await app.inject({ method: 'POST', url: `${client.prefix}${url}`, headers, payload: Buffer.concat(parts) });
  const json = res.headers['content-type']?.toString().includes('json') ? res.json() : null;
  return Object.assign(res, { data: json });
}
