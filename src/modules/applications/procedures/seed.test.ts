import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { twoTenants } from '../../../core/auth/testing.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { createDepartments } from '../../../core/seed/tenants.ts';
import { checkDefinition, computeValues, validateAnswers, visibleFields } from '../engine/index.ts';
import type { Answers } from '../engine/types.ts';
import { DEMO_PROCEDURES, seedApplications } from './seed.ts';
import { applicationOpenData } from './open-data.ts';
import { searchProcedures } from './search.ts';
import { cancerScreeningDefinition, courseDefinition } from './seed-forms-other.ts';
import { childAllowanceDefinition, childSupportInterviewDefinition } from './seed-forms-children.ts';

const today = '2025-06-01';
const name = { family: '松阪', given: '花子', familyKana: 'マツサカ', givenKana: 'ハナコ' };
const address = { prefecture: '三重県', city: '松阪市', street: '高町1-1' };

describe('applications: demo procedures', () => {
  it('ships four forms the engine accepts, each with every text in ja, en and やさしい日本語', () => {
    expect(DEMO_PROCEDURES.map((d) => d.texts.titleJa)).toEqual(['児童手当 認定請求', '児童扶養手当 面談予約', 'がん検診 申込', '市民講座 申込']);
    for (const d of DEMO_PROCEDURES) {
      expect(checkDefinition(d.definition), d.texts.titleJa).toEqual([]);
      for (const page of d.definition.pages) expect(page.title['ja-easy'] && page.title.en, page.id).toBeTruthy();
    }
  });

  it('computes the child allowance by age: 15,000 yen under 3, 10,000 yen from 3', () => {
    const children = [
      { name, birthDate: '2024-01-10', relationship: 'child', livesTogether: 'yes' },
      { name, birthDate: '2017-05-05', relationship: 'child', livesTogether: 'yes' },
    ];
    const answers: Answers = {
      applicant: name, birthDate: '1988-02-03', postalCode: '515-0011', address, phone: '0598-00-0000', email: 'hanako@example.jp',
      occupation: 'employee', hasSpouse: 'no', children, bankName: '百五銀行', branchName: '松阪支店', accountType: 'ordinary', accountNumber: '1234567',
      idDocument: ['u1'], consent: true,
    };
    expect(validateAnswers(childAllowanceDefinition, answers, { lang: 'ja', today, uploads: { u1: { id: 'u1', contentType: 'application/pdf', size: 2000 } } })).toEqual([]);
    expect(computeValues(childAllowanceDefinition, answers, { today })).toEqual({ childCount: 2, monthlyAmount: 25000 });
  });

  it('shows cancer screenings by sex and age, and computes the fee (free from 70)', () => {
    const base: Answers = { applicant: name, sex: 'female', postalCode: '515-0011', address, phone: '0598-00-0000', email: 'hanako@example.jp', venue: 'clinic', exemption: 'none', consent: true };
    const at45: Answers = { ...base, birthDate: '1980-01-01', stomach: 'xray', lung: 'yes', colorectal: 'no', breast: 'yes', cervical: 'yes', pregnant: 'no' };
    expect(validateAnswers(cancerScreeningDefinition, at45, { lang: 'ja', today })).toEqual([]);
    expect(computeValues(cancerScreeningDefinition, at45, { today })).toEqual({ fee: 1000 + 300 + 1500 + 1000 });
    expect(computeValues(cancerScreeningDefinition, { ...at45, birthDate: '1950-01-01' }, { today })).toEqual({ fee: 0 });
    expect(computeValues(cancerScreeningDefinition, { ...at45, exemption: 'welfare' }, { today })).toEqual({ fee: 0 });
    const keys = (a: Answers) => visibleFields(cancerScreeningDefinition, a, { today }).map((v) => v.field.key);
    const youngMan = keys({ ...base, sex: 'male', birthDate: '1995-01-01' });
    expect(youngMan).not.toEqual(expect.arrayContaining(['stomach']));
    expect(youngMan.filter((k) => ['stomach', 'lung', 'breast', 'cervical'].includes(k))).toEqual([]);
    expect(keys({ ...base, birthDate: '1995-01-01' }).filter((k) => ['stomach', 'breast', 'cervical'].includes(k))).toEqual(['cervical']);
    expect(validateAnswers(cancerScreeningDefinition, { ...at45, breast: undefined as never }, { lang: 'ja', today }).map((e) => e.path)).toEqual(['breast']);
  });

  it('books an interview and signs up for a course with a computed material fee', () => {
    const interview: Answers = { applicant: name, phone: '0598-00-0000', email: 'hanako@example.jp', situation: 'divorce', childCount: 2, firstDate: '2025-06-10', firstSlot: '10', interpreter: 'no', consent: true };
    expect(validateAnswers(childSupportInterviewDefinition, interview, { lang: 'en', today })).toEqual([]);
    expect(validateAnswers(childSupportInterviewDefinition, { ...interview, firstDate: '2025-06-02' }, { lang: 'ja', today }).map((e) => e.path)).toEqual(['firstDate']);
    const course: Answers = { course: 'cooking', applicant: name, phone: '0598-00-0000', email: 'hanako@example.jp', participants: 3, companions: '松阪 一郎（8歳）、松阪 次郎（6歳）', consent: true };
    expect(validateAnswers(courseDefinition, course, { lang: 'ja', today })).toEqual([]);
    expect(computeValues(courseDefinition, course, { today })).toEqual({ materialFee: 1500 });
    expect(validateAnswers(courseDefinition, { ...course, participants: 5 }, { lang: 'ja', today }).map((e) => e.path)).toEqual(['participants']);
  });
});

describe('applications: seeding a tenant', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    y = await testApp();
    t = await twoTenants(y.platform);
    await y.platform.inTenant(t.matsusaka.id, (tx) => createDepartments(tx, t.matsusaka.id, [['ict', '情報企画課', 'ICT'], ['health', '健康づくり課', 'Health'], ['children', 'こども未来課', 'Children']]));
    await y.platform.inTenant(t.matsusaka.id, (tx) => seedApplications({ tx, tenantId: t.matsusaka.id, platform: y.platform }, t.matsusaka));
  });
  afterAll(async () => y?.close());

  it('publishes the four procedures, owned by the departments their names suggest', async () => {
    const res = await y.app.inject({ method: 'GET', url: '/t/matsusaka/api/applications/procedures' });
    const items = res.json().items as { title: string; departmentName: string; open: boolean }[];
    expect(items.map((i) => [i.title, i.departmentName, i.open])).toEqual([
      ['児童手当 認定請求', 'こども未来課', true],
      ['児童扶養手当 面談予約', 'こども未来課', true],
      ['がん検診 申込', '健康づくり課', true],
      ['市民講座 申込', 'こども未来課', true], // no learning or PR department here: the first by code
    ]);
    // Kana find the kanji title through the やさしい日本語 title (じどう てあての もうしこみ), which is searched too.
    const kana = await y.platform.inTenant(t.matsusaka.id, (tx) => searchProcedures({ tx, tenantId: t.matsusaka.id, platform: y.platform }, 'ジドウ テアテ', 'ja'));
    expect(kana.map((h) => h.title)).toEqual(['児童手当 認定請求']);
    const kanji = await y.platform.inTenant(t.matsusaka.id, (tx) => searchProcedures({ tx, tenantId: t.matsusaka.id, platform: y.platform }, '児童', 'en'));
    expect(kanji.map((h) => h.title)).toEqual(['Child allowance: claim', 'Child support allowance: book an interview']);
    expect(kanji[0]!.url).toMatch(/^applications\/[0-9a-f-]{36}$/);
  });

  it('publishes the 手続き一覧 dataset of the tenant only', async () => {
    const rows = await y.platform.inTenant(t.matsusaka.id, (tx) => applicationOpenData[0]!.rows(tx, t.matsusaka.id));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ '手続名': '児童手当 認定請求', '担当課': 'こども未来課', '受付状況': '受付中', 'オンライン申請URL': expect.stringMatching(/\/t\/matsusaka\/applications\/[0-9a-f-]{36}$/) });
    expect(Object.keys(rows[0]!)).toEqual(applicationOpenData[0]!.columns);
    const other = await y.platform.inTenant(t.tokushima.id, (tx) => applicationOpenData[0]!.rows(tx, t.tokushima.id));
    expect(other).toEqual([]);
    const [{ n }] = await y.platform.inTenant(t.tokushima.id, (tx) => txRows<{ n: number }>(tx, sql`select count(*)::int as n from applications_procedures`));
    expect(n).toBe(0);
  });
});
