import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Actor } from '../../../core/platform.ts';
import { childAllowanceForm } from '../engine/fixtures.ts';
import * as service from './service.ts';
import * as forms from './versions-service.ts';
import { findProcedureForSubmit, findVersion } from '../submissions/procedure-access.ts';

const builder = (tenantId: string): Actor => ({ kind: 'staff', id: null, tenantId, permissions: new Set(['applications.manage']), departmentIds: [], sessionId: null });
const processor = (tenantId: string): Actor => ({ kind: 'staff', id: null, tenantId, permissions: new Set(['applications.process']), departmentIds: [], sessionId: null });

describe('applications: form versions in the database', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;
  let deptId: string;
  const ctx = () => ({ platform: y.platform, tenantId, actor: builder(tenantId) });
  const newLiveProcedure = async () => {
    const p = await service.create(ctx(), { titleJa: '児童手当 認定請求', category: 'childcare', departmentId: deptId });
    await forms.saveDraft(ctx(), p.id, childAllowanceForm);
    await forms.publish(ctx(), p.id);
    return p.id;
  };
  const sqlIn = <T>(q: ReturnType<typeof sql>) => y.platform.inTenant(tenantId, (tx) => txRows<T>(tx, q));
  /** The database's own message for a statement that fails (Drizzle wraps it as the cause). */
  const refusal = async (q: ReturnType<typeof sql>): Promise<string> => {
    try {
      await sqlIn(q);
    } catch (err) {
      return String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message);
    }
    return 'accepted';
  };

  beforeAll(async () => {
    y = await testApp();
    [{ id: tenantId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('matsusaka', '松阪市', 'Matsusaka', '242047') returning id`);
    await y.tenants.reload();
    [{ id: deptId }] = await sqlIn<{ id: string }>(sql`insert into departments (tenant_id, code, name_ja) values (${tenantId}, 'children', 'こども未来課') returning id`);
  });
  afterAll(async () => y?.close());

  it('refuses, in the database itself, to change a published definition or turn it back into a draft', async () => {
    const id = await newLiveProcedure();
    const [live] = await sqlIn<{ id: string }>(sql`select id from applications_form_versions where procedure_id = ${id} and state = 'live'`);
    expect(await refusal(sql`update applications_form_versions set definition = '{"schemaVersion":1,"pages":[]}' where id = ${live!.id}`)).toMatch(/cannot change/);
    expect(await refusal(sql`update applications_form_versions set state = 'draft' where id = ${live!.id}`)).toMatch(/draft again/);
    expect(await refusal(sql`update applications_form_versions set version = 7 where id = ${live!.id}`)).toMatch(/fixed/);
    await sqlIn(sql`update applications_form_versions set state = 'archived' where id = ${live!.id}`);
    expect(await refusal(sql`update applications_form_versions set state = 'live' where id = ${live!.id}`)).toMatch(/stays archived/);
    const [row] = await sqlIn<{ pages: number }>(sql`select jsonb_array_length(definition->'pages')::int as pages from applications_form_versions where id = ${live!.id}`);
    expect(row!.pages).toBe(childAllowanceForm.pages.length);
  });

  it('allows at most one draft and one live-or-closed version per procedure', async () => {
    const id = await newLiveProcedure();
    expect(await refusal(sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition)
      values (${tenantId}, ${id}, 5, 'closed', '{}')`)).toMatch(/one_current/);
    await sqlIn(sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition) values (${tenantId}, ${id}, 2, 'draft', '{}')`);
    expect(await refusal(sql`insert into applications_form_versions (tenant_id, procedure_id, version, state, definition)
      values (${tenantId}, ${id}, 3, 'draft', '{}')`)).toMatch(/one_draft/);
  });

  it('publishes safely when two editors publish at once: one wins, the other finds no draft', async () => {
    const id = await newLiveProcedure();
    await forms.saveDraft(ctx(), id, childAllowanceForm);
    const results = await Promise.allSettled([forms.publish(ctx(), id), forms.publish(ctx(), id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const states = await sqlIn<{ version: number; state: string }>(sql`select version, state from applications_form_versions where procedure_id = ${id} order by version`);
    expect(states).toEqual([{ version: 1, state: 'archived' }, { version: 2, state: 'live' }]);
  });

  it('keeps the version a submission was made on readable after a new version goes live', async () => {
    const id = await newLiveProcedure();
    const before = await y.platform.inTenant(tenantId, (tx) => findProcedureForSubmit(tx, id));
    expect(before).toMatchObject({ id, departmentId: deptId, identityLevel: 'none', version: 1, versionState: 'live' });
    const changed = structuredClone(childAllowanceForm);
    changed.pages[0]!.title = { ja: '改訂後' };
    await forms.saveDraft(ctx(), id, changed);
    await forms.publish(ctx(), id);
    const old = await y.platform.inTenant(tenantId, (tx) => findVersion(tx, before!.versionId!));
    expect(old).toMatchObject({ version: 1 });
    expect((await sqlIn<{ state: string }>(sql`select state from applications_form_versions where id = ${before!.versionId}`))[0]!.state).toBe('archived');
    expect(old!.definition.pages[0]!.title.ja).toBe('請求者');
    await forms.close(ctx(), id);
    expect((await y.platform.inTenant(tenantId, (tx) => findProcedureForSubmit(tx, id)))!.versionState).toBe('closed');
  });

  it('refuses every version change to staff without applications.manage, in the service too', async () => {
    const id = await newLiveProcedure();
    const denied = { platform: y.platform, tenantId, actor: processor(tenantId) };
    await expect(forms.saveDraft(denied, id, childAllowanceForm)).rejects.toMatchObject({ status: 403 });
    await expect(forms.publish(denied, id)).rejects.toMatchObject({ status: 403 });
    await expect(forms.close(denied, id)).rejects.toMatchObject({ status: 403 });
    await expect(service.remove(denied, id)).rejects.toMatchObject({ status: 403 });
  });
});
