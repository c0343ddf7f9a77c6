import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../../core/platform.ts';
import { TestClient, staffUser, twoTenants } from '../../../../core/auth/testing.ts';
import { createDepartments, createRole } from '../../../../core/seed/tenants.ts';
import { MANAGE, PUBLISH } from '../../policy.ts';
import { addToGroup, insertDataset, insertGroup, insertLinkResource, insertOrg, setOrgDepartment } from '../../testing.ts';

const PASSWORD = 'correct horse battery staple 77';

/** A catalog for the read-action tests: two organisations of two departments, datasets in every state, and staff. */
export interface ReadWorld {
  tenantId: string;
  ids: Record<string, string>;
  anonymous: TestClient;
  /** opendata.publish in 防災対策課 (owner of bosai-ka) */
  bosaiPublisher: TestClient;
  /** opendata.publish in 観光課 (owner of kanko-ka) */
  kankoPublisher: TestClient;
  /** opendata.manage */
  manager: TestClient;
}

async function signIn(app: FastifyInstance, email: string): Promise<TestClient> {
  const c = new TestClient(app);
  const res = await c.login(email, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.body}`);
  return c;
}

/** Builds the ReadWorld in tokushima (matsusaka gets one dataset of its own, which tokushima must never show). */
export async function readWorld(y: { app: FastifyInstance; platform: Platform; tenants: { reload(): Promise<void> } }): Promise<ReadWorld> {
  const { tokushima, matsusaka } = await twoTenants(y.platform);
  await y.tenants.reload();
  const tenantId = tokushima.id;
  const p = y.platform;
  const setup = await p.inTenant(tenantId, async (tx) => ({
    deps: await createDepartments(tx, tenantId, [['bosai', '防災対策課', 'Disaster prevention'], ['kanko', '観光課', 'Tourism']]),
    publish: await createRole(tx, tenantId, 'オープンデータ公開', '', [PUBLISH]),
    manage: await createRole(tx, tenantId, 'オープンデータ管理', '', [MANAGE]),
  }));
  await staffUser(p, { tenantId, email: 'bosai@tokushima.example.jp', displayName: '防災 担当', password: PASSWORD, roleIds: [setup.publish], departmentIds: [setup.deps.get('bosai')!] });
  await staffUser(p, { tenantId, email: 'kanko@tokushima.example.jp', displayName: '観光 担当', password: PASSWORD, roleIds: [setup.publish], departmentIds: [setup.deps.get('kanko')!] });
  await staffUser(p, { tenantId, email: 'od@tokushima.example.jp', displayName: '情報 担当', password: PASSWORD, roleIds: [setup.manage] });

  const bosai = await insertOrg(p, tenantId, 'bosai-ka', { ja: '防災対策課', en: 'Disaster Prevention Division' });
  const kanko = await insertOrg(p, tenantId, 'kanko-ka', { ja: '観光課', en: 'Tourism Division' });
  await setOrgDepartment(p, tenantId, bosai, setup.deps.get('bosai')!);
  await setOrgDepartment(p, tenantId, kanko, setup.deps.get('kanko')!);
  const group = await insertGroup(p, tenantId, 'anzen', { ja: '安全・安心', en: 'Safety' });
  await insertGroup(p, tenantId, 'empty-group', { ja: '空の分類', en: 'Empty' });

  const ids: Record<string, string> = { bosai, kanko, group };
  ids.hinanjo = await insertDataset(p, tenantId, bosai, {
    name: 'hinanjo', title: { ja: '指定緊急避難場所一覧', en: 'Designated emergency evacuation sites' },
    notes: { ja: '災害時に避難する場所の一覧です。', en: 'Places to go in a disaster.' }, tags: ['防災', '避難'], template_id: null,
  });
  ids.aed = await insertDataset(p, tenantId, bosai, { name: 'aed', title: { ja: 'AED設置箇所一覧', en: 'AED locations' }, tags: ['防災', 'AED'], license_id: 'PDL-1.0' });
  ids.kankoShisetsu = await insertDataset(p, tenantId, kanko, { name: 'kanko-shisetsu', title: { ja: '観光施設一覧', en: 'Tourist facilities' }, tags: ['観光'],
    notes: { ja: '災害時は最寄りの避難場所へ。', en: '' } });
  ids.bosaiPrivate = await insertDataset(p, tenantId, bosai, { name: 'bosai-private', title: { ja: '備蓄品（非公開）', en: 'Stockpile' }, tags: ['防災'], private: true });
  ids.kankoPrivate = await insertDataset(p, tenantId, kanko, { name: 'kanko-private', title: { ja: '観光客数（非公開）', en: 'Visitors' }, tags: ['観光'], private: true });
  ids.bosaiDraft = await insertDataset(p, tenantId, bosai, { name: 'bosai-draft', title: { ja: 'ハザードマップ（準備中）', en: 'Hazard map' }, tags: ['防災'], state: 'draft' });
  ids.deleted = await insertDataset(p, tenantId, kanko, { name: 'old-deleted', title: { ja: '古い観光データ', en: 'Old tourism data' }, tags: ['観光'], state: 'deleted' });
  ids.hinanjoCsv = await insertLinkResource(p, tenantId, ids.hinanjo, { name: '避難場所CSV', format: 'CSV' });
  await insertLinkResource(p, tenantId, ids.hinanjo, { name: '避難場所JSON', format: 'JSON', position: 1 });
  await insertLinkResource(p, tenantId, ids.aed, { format: 'CSV' });
  await insertLinkResource(p, tenantId, ids.kankoShisetsu, { format: 'PDF' });
  ids.privateCsv = await insertLinkResource(p, tenantId, ids.bosaiPrivate, { format: 'CSV' });
  await addToGroup(p, tenantId, ids.hinanjo, group);
  await addToGroup(p, tenantId, ids.aed, group);
  await addToGroup(p, tenantId, ids.bosaiPrivate, group);

  const other = await insertOrg(p, matsusaka.id, 'bosai-ka', { ja: '松阪 防災課', en: 'Matsusaka' });
  await insertDataset(p, matsusaka.id, other, { name: 'matsusaka-hinanjo', title: { ja: '松阪 避難所', en: 'Matsusaka shelters' }, tags: ['防災'] });

  return {
    tenantId, ids, anonymous: new TestClient(y.app),
    bosaiPublisher: await signIn(y.app, 'bosai@tokushima.example.jp'),
    kankoPublisher: await signIn(y.app, 'kanko@tokushima.example.jp'),
    manager: await signIn(y.app, 'od@tokushima.example.jp'),
  };
}
