/**
 * Test setup for the submission tests: a tenant with two departments, staff who may and may not
 * process, procedures written straight into the tables (the catalogue is tested by procedures/), and
 * helpers for citizens, uploads and the outbox.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../core/platform.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { createDepartments, createRole } from '../../../core/seed/tenants.ts';
import { TestClient, signedInAdminAndStaff, staffUser, twoTenants } from '../../../core/auth/testing.ts';
import { hashPassword } from '../../../core/auth/passwords.ts';
import { createSession } from '../../../core/auth/sessions.ts';
import { writeOidcSettings } from '../../../core/auth/oidc/settings.ts';
import { childAllowanceForm } from '../engine/fixtures.ts';
import type { FormDefinition } from '../engine/types.ts';
import { PROCESS, PROCESS_ALL } from '../policy.ts';

/** The password of every test account. */
export const PASSWORD = 'correct horse battery staple 42';
/** Bytes file-type reads as a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** Bytes of a Windows executable (MZ header). */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

/** The world the submission tests run in. */
export interface World {
  tenantId: string;
  departments: { kodomo: string; zeimu: string };
  procedureId: string;
  versionId: string;
  admin: TestClient;
  plain: TestClient;
  processor: TestClient;
  processorId: string;
  outsider: TestClient;
  outsiderId: string;
  overseer: TestClient;
}

/** A procedure with a live version, written directly; returns the procedure and version ids. */
export async function addProcedure(platform: Platform, tenantId: string, p: {
  title?: string; departmentId: string | null; shared?: string[]; identityLevel?: string; opensAt?: string | null; closesAt?: string | null;
  state?: 'live' | 'closed'; definition?: FormDefinition;
}): Promise<{ procedureId: string; versionId: string }> {
  return platform.inTenant(tenantId, async (tx) => {
    const shared = `{${(p.shared ?? []).join(',')}}`;
    const [row] = await txRows<{ id: string }>(tx, sql`insert into applications_procedures (tenant_id, title_ja, title_en, category, department_id, shared_department_ids, identity_level, opens_at, closes_at)
      values (${tenantId}, ${p.title ?? '児童手当 認定請求'}, ${`${p.title ?? 'Child allowance'} (en)`}, 'childcare', ${p.departmentId}, ${shared}::uuid[], ${p.identityLevel ?? 'none'},
        ${p.opensAt ?? null}::timestamptz, ${p.closesAt ?? null}::timestamptz) returning id`);
    const [v] = await txRows<{ id: string }>(tx, sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition, published_at)
      values (${tenantId}, ${row!.id}, 1, ${p.state ?? 'live'}, ${JSON.stringify(p.definition ?? childAllowanceForm)}::jsonb, now()) returning id`);
    return { procedureId: row!.id, versionId: v!.id };
  });
}

/** Signs a staff member in. */
async function signIn(app: FastifyInstance, email: string): Promise<TestClient> {
  const c = new TestClient(app);
  const res = await c.login(email, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.body}`);
  return c;
}

/** Creates the tenants, departments, staff (processor of 子育て, of 税務, one who processes all) and a procedure of 子育て. */
export async function submissionWorld(y: { app: FastifyInstance; platform: Platform; tenants: { reload(): Promise<void> } }): Promise<World> {
  const { tokushima } = await twoTenants(y.platform);
  await y.tenants.reload();
  const tenantId = tokushima.id;
  const { admin, plain } = await signedInAdminAndStaff(y, tenantId, PASSWORD);
  const setup = await y.platform.inTenant(tenantId, async (tx) => ({
    deps: await createDepartments(tx, tenantId, [['kodomo', '子育て支援課', 'Child support'], ['zeimu', '税務課', 'Tax']]),
    role: await createRole(tx, tenantId, '申請処理', '', [PROCESS]),
    allRole: await createRole(tx, tenantId, '申請統括', '', [PROCESS_ALL]),
  }));
  const departments = { kodomo: setup.deps.get('kodomo')!, zeimu: setup.deps.get('zeimu')! };
  const { procedureId, versionId } = await addProcedure(y.platform, tenantId, { departmentId: departments.kodomo });
  const processor = await staffUser(y.platform, { tenantId, email: 'kodomo@tokushima.example.jp', displayName: '子育て 担当', password: PASSWORD, roleIds: [setup.role], departmentIds: [departments.kodomo] });
  const outsider = await staffUser(y.platform, { tenantId, email: 'zeimu@tokushima.example.jp', displayName: '税務 担当', password: PASSWORD, roleIds: [setup.role], departmentIds: [departments.zeimu] });
  await staffUser(y.platform, { tenantId, email: 'all@tokushima.example.jp', displayName: '統括', password: PASSWORD, roleIds: [setup.allRole] });
  return {
    tenantId, departments, procedureId, versionId, admin, plain,
    processor: await signIn(y.app, 'kodomo@tokushima.example.jp'), processorId: processor.id,
    outsider: await signIn(y.app, 'zeimu@tokushima.example.jp'), outsiderId: outsider.id,
    overseer: await signIn(y.app, 'all@tokushima.example.jp'),
  };
}

/** A browser with the pre-session CSRF token, as the web app holds it before anyone signs in. */
export async function anonymous(app: FastifyInstance, prefix = '/t/tokushima'): Promise<TestClient> {
  const c = new TestClient(app, prefix);
  await c.me();
  return c;
}

/** A citizen account with a verified email, signed in with its password. */
export async function signedInCitizen(app: FastifyInstance, platform: Platform, tenantId: string, email: string): Promise<{ client: TestClient; id: string }> {
  const hash = await hashPassword(PASSWORD);
  const [row] = await platform.inTenant(tenantId, (tx) => txRows<{ id: string }>(tx, sql`insert into citizens (tenant_id, email, email_verified_at, password_hash, display_name)
    values (${tenantId}, ${email}, now(), ${hash}, '住民') returning id`));
  const client = await anonymous(app);
  const res = await client.send('POST', '/api/citizen/login', { email, password: PASSWORD });
  if (res.statusCode !== 200) throw new Error(`citizen login: ${res.body}`);
  return { client, id: row!.id };
}

/**
 * A citizen session made as the OIDC callback makes it: the tenant's provider configured, the
 * identity stamped and the session created in one transaction.
 */
export async function strongCitizen(app: FastifyInstance, platform: Platform, tenantId: string, citizenId: string, acr: string | null): Promise<TestClient> {
  const session = await platform.inTenant(tenantId, async (tx) => {
    await writeOidcSettings(tx, tenantId, { issuer: 'https://id.example.jp', clientId: 'yakuba', scopes: ['openid', 'email'], label: { ja: '外部ID', en: 'External ID' }, acrValues: ['urn:jp:mynumber'] });
    await txRows(tx, sql`insert into citizen_identities (tenant_id, citizen_id, issuer, subject, acr, last_login_at)
      values (${tenantId}, ${citizenId}, 'https://id.example.jp', ${`sub-${citizenId}`}, ${acr}, now())
      on conflict (tenant_id, issuer, subject) do update set acr = excluded.acr, last_login_at = now()`);
    return createSession(tx, { tenantId, subjectKind: 'citizen', subjectId: citizenId });
  });
  const client = new TestClient(app);
  client.cookies.set('yakuba_session', session.token);
  client.cookies.set('yakuba_csrf', session.csrfToken);
  client.csrf = session.csrfToken;
  return client;
}

/** Uploads a file as multipart (field `file`) with the client's cookies and CSRF token. */
export async function upload(app: FastifyInstance, client: TestClient, procedureId: string, filename: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----yakuba${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  return app.inject({ method: 'POST', url: `${client.prefix}/api/applications/procedures/${procedureId}/uploads`, headers, payload });
}

/** Emails queued for an address, oldest first. */
export async function mailsTo(platform: Platform, to: string): Promise<{ subject: string; text: string }[]> {
  const rows = await platform.db.rows<{ payload: { to: string; subject: string; text: string } }>(sql`
    select payload from outbox where channel = 'email' and payload->>'to' = ${to} order by created_at, id`);
  return rows.map((r) => ({ subject: r.payload.subject, text: r.payload.text }));
}

/** Audit entries of an action (newest last). */
export async function auditOf(platform: Platform, action: string): Promise<{ actor_id: string | null; target_id: string | null; personal_data: boolean; details: Record<string, unknown> }[]> {
  return platform.db.rows(sql`select actor_id, target_id, personal_data, details from audit_log where action = ${action} order by seq`);
}
