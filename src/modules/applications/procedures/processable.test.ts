import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { addProcedure, submissionWorld, type World } from '../submissions/submissions-testing.ts';

const URL = '/api/admin/applications/procedures/processable';

describe('GET /procedures/processable: the procedures a staff member may process', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    y = await testApp();
    w = await submissionWorld(y);
    ids.kodomo = w.procedureId;
    ids.zeimu = (await addProcedure(y.platform, w.tenantId, { title: '税の相談', departmentId: w.departments.zeimu })).procedureId;
    ids.shared = (await addProcedure(y.platform, w.tenantId, { title: '合同窓口', departmentId: w.departments.zeimu, shared: [w.departments.kodomo], state: 'closed' })).procedureId;
    ids.archived = (await addProcedure(y.platform, w.tenantId, { title: '終了した手続き', departmentId: w.departments.kodomo })).procedureId;
    await y.db.rows(sql`update applications_form_versions set state = 'archived' where procedure_id = ${ids.archived}::uuid`);
  });
  afterAll(async () => y?.close());

  const titles = async (client: World['processor']) => {
    const res = await client.send('GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    return (res.data.items as { title: string }[]).map((p) => p.title).sort();
  };

  it('lists own and shared procedures (not archived) per department; process_all sees every one', async () => {
    expect(await titles(w.processor)).toEqual(['児童手当 認定請求', '合同窓口'].sort());
    expect(await titles(w.outsider)).toEqual(['合同窓口', '税の相談'].sort());
    expect(await titles(w.overseer)).toEqual(['児童手当 認定請求', '合同窓口', '税の相談'].sort());
    const shared = (await w.processor.send('GET', URL)).data.items.find((p: { id: string }) => p.id === ids.shared);
    expect(shared).toEqual({ id: ids.shared, title: '合同窓口', departmentId: w.departments.zeimu, state: 'closed' });
  });

  it('refuses staff without applications.process(_all) and anonymous callers', async () => {
    expect((await w.plain.send('GET', URL)).statusCode).toBe(403);
    expect((await y.app.inject({ method: 'GET', url: `/t/tokushima${URL}` })).statusCode).toBe(401);
  });
});
