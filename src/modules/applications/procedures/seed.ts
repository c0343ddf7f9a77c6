import { sql } from 'drizzle-orm';
import type { TenantScope } from '../../../core/modules/manifest.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { FormDefinition } from '../engine/types.ts';
import * as repo from './repo.ts';
import * as versions from './versions-repo.ts';
import { linkInterviewResource } from './seed-interview-link.ts';
import { childAllowanceDefinition, childSupportInterviewDefinition } from './seed-forms-children.ts';
import { cancerScreeningDefinition, courseDefinition } from './seed-forms-other.ts';

type Texts = Omit<repo.ProcedureValues, 'departmentId' | 'sharedDepartmentIds' | 'searchText' | 'opensAt' | 'closesAt'>;

interface DemoProcedure {
  /** Department names tried in order (regular expressions on name_ja); the first department otherwise. */
  departments: RegExp[];
  texts: Texts;
  definition: FormDefinition;
  window?: (now: Date) => { opensAt: Date | null; closesAt: Date | null };
}

const day = 86_400_000;
const all3 = ['ja', 'en', 'ja-easy'];

/** The four demo procedures of the issue: 児童手当 認定請求, 児童扶養手当 面談予約, がん検診 申込, 講座申込. */
export const DEMO_PROCEDURES: DemoProcedure[] = [
  {
    departments: [/子育て|こども|子ども|児童/],
    definition: childAllowanceDefinition,
    texts: {
      category: 'childcare', identityLevel: 'email', languages: all3,
      titleJa: '児童手当 認定請求', titleEn: 'Child allowance: claim', titleEasy: 'じどう てあての もうしこみ',
      summaryJa: '中学生・高校生年代までの児童を養育している方が、児童手当を受け取るための請求です。', summaryEn: 'Claim the child allowance if you raise children up to high-school age.', summaryEasy: 'こどもを そだてて いる 人が もらえる お金の もうしこみ です。',
      descriptionJa: '出生や転入の日の翌日から15日以内に請求してください。請求した月の翌月分から支給されます。', descriptionEn: 'Apply within 15 days of a birth or of moving in. The allowance is paid from the month after you apply.', descriptionEasy: 'こどもが うまれた 日か ひっこして きた 日から 15日の うちに もうしこんで ください。',
      eligibilityJa: '市内に住所があり、高校生年代（18歳到達後最初の3月31日）までの児童を養育している方。', eligibilityEn: 'Residents raising children up to the end of March after they turn 18.', eligibilityEasy: '市に すんで いて、18さいに なった あとの 3月31日までの こどもを そだてて いる 人。',
      feesJa: '無料', feesEn: 'Free', feesEasy: 'おかねは いりません',
      documentsJa: '本人確認書類の写し、請求者名義の口座の通帳の写し', documentsEn: 'A copy of an identity document; a copy of the bank book of an account in your name', documentsEasy: 'あなたが だれか わかる カードの しゃしん、つうちょうの しゃしん',
    },
  },
  {
    departments: [/子育て|こども|子ども|児童/, /福祉/],
    definition: childSupportInterviewDefinition,
    texts: {
      category: 'welfare', identityLevel: 'none', languages: all3,
      titleJa: '児童扶養手当 面談予約', titleEn: 'Child support allowance: book an interview', titleEasy: 'ひとり親の てあての そうだんの よやく',
      summaryJa: 'ひとり親家庭などの児童扶養手当の申請前に必要な面談を予約します。', summaryEn: 'Book the interview required before applying for the child support allowance for single-parent families.', summaryEasy: 'ひとり親の てあてを もうしこむ まえの そうだんを よやく します。',
      descriptionJa: '面談は約1時間です。空いている面談の日時を申請フォームで選んでください。申請すると確認のメールが届きます。メールのリンクから日時の変更や取消ができます。',
      descriptionEn: 'The interview takes about an hour. Pick a free interview time in the form. You then get a confirmation email with a link to change or cancel the time.',
      descriptionEasy: 'そうだんは 1時間 ぐらい です。もうしこみの フォームで、あいて いる 日と 時間を えらんで ください。もうしこむと メールが とどきます。メールの リンクから 日時を かえたり、やめたり できます。',
      eligibilityJa: '父母の離婚などにより、ひとり親で児童を養育している方。', eligibilityEn: 'Single parents raising children after a divorce, bereavement or similar.', eligibilityEasy: 'ひとりで こどもを そだてて いる 人。',
      feesJa: '無料', feesEn: 'Free', feesEasy: 'おかねは いりません',
      documentsJa: '面談時に戸籍謄本、預金通帳、本人確認書類をお持ちください。', documentsEn: 'Bring your family register, bank book and an identity document to the interview.', documentsEasy: 'そうだんの 日に こせき、つうちょう、あなたが だれか わかる カードを もって きて ください。',
    },
  },
  {
    departments: [/健康|保健/, /福祉/],
    definition: cancerScreeningDefinition,
    window: (now) => ({ opensAt: new Date(now.getTime() - 30 * day), closesAt: new Date(now.getTime() + 180 * day) }),
    texts: {
      category: 'health', identityLevel: 'email', languages: all3,
      titleJa: 'がん検診 申込', titleEn: 'Cancer screening: sign up', titleEasy: 'がんの けんしんの もうしこみ',
      summaryJa: '胃・肺・大腸・乳・子宮頸がん検診を、年齢と性別に応じて申し込めます。', summaryEn: 'Sign up for stomach, lung, colorectal, breast and cervical cancer screening by age and sex.', summaryEasy: 'がんの けんしんを もうしこめます。',
      descriptionJa: '受診券は申込後に郵送します。集団検診の日程は保健センターから通知します。', descriptionEn: 'Your screening voucher is posted after you sign up; the health centre tells you the date of group screenings.', descriptionEasy: 'もうしこんだ あとで けんしんの けんを ゆうびんで おくります。',
      eligibilityJa: '市内に住民登録があり、今年度末時点で20歳以上の方（検診ごとに対象年齢があります）。', eligibilityEn: 'Residents aged 20 or over at the end of the fiscal year (each screening has its own age).', eligibilityEasy: '市に すんで いる 20さい いじょうの 人。',
      feesJa: '検診ごとに300円〜3,000円。70歳以上の方、生活保護受給世帯・市民税非課税世帯の方は無料。', feesEn: '300 to 3,000 yen per screening; free from age 70 and for households on public assistance or exempt from municipal tax.', feesEasy: '300えんから 3000えん。70さい いじょうの 人などは むりょう。',
      documentsJa: 'なし（当日、受診券と本人確認書類をお持ちください）', documentsEn: 'None (bring the voucher and an identity document on the day)', documentsEasy: 'ありません',
    },
  },
  {
    departments: [/生涯学習|教育|文化|公民館/, /広報/, /市民/],
    definition: courseDefinition,
    window: (now) => ({ opensAt: new Date(now.getTime() - 7 * day), closesAt: new Date(now.getTime() + 30 * day) }),
    texts: {
      category: 'education', identityLevel: 'none', languages: all3,
      titleJa: '市民講座 申込', titleEn: 'Community courses: sign up', titleEasy: 'こうざの もうしこみ',
      summaryJa: 'スマートフォン教室、郷土料理教室、防災講座、日本語教室の参加申込です。', summaryEn: 'Sign up for the smartphone, local cooking, disaster preparedness and Japanese courses.', summaryEasy: 'スマートフォンや りょうりの こうざに もうしこめます。',
      descriptionJa: '定員を超えた場合は抽選です。結果は締切後1週間以内にメールでお知らせします。', descriptionEn: 'Places are drawn by lot when oversubscribed; results are emailed within a week of the deadline.', descriptionEasy: '人が おおい ときは くじびき です。けっかは メールで おしらせ します。',
      eligibilityJa: '市内在住・在勤・在学の方', eligibilityEn: 'People who live, work or study in the city', eligibilityEasy: '市に すんで いる 人、市で はたらいて いる 人、市の 学校に かよって いる 人',
      feesJa: '講座により無料〜1,000円（材料費・教材費）', feesEn: 'Free to 1,000 yen depending on the course (materials)', feesEasy: 'むりょうから 1000えん',
      documentsJa: 'なし', documentsEn: 'None', documentsEasy: 'ありません',
    },
  },
];

/** Picks the owning department: the first name pattern that matches one, else the tenant's first department. */
function chooseDepartment(depts: { id: string; name_ja: string }[], patterns: RegExp[]): string | null {
  for (const p of patterns) {
    const found = depts.find((d) => p.test(d.name_ja));
    if (found) return found.id;
  }
  return depts[0]?.id ?? null;
}

/** Seeds the four demo procedures with live forms (version 1) for one tenant. */
export async function seedApplications(scope: TenantScope, tenant: { id: string; slug: string }): Promise<void> {
  const depts = await txRows<{ id: string; name_ja: string }>(scope.tx, sql`select id, name_ja from departments order by created_at, code`);
  const now = new Date();
  for (const [i, demo] of DEMO_PROCEDURES.entries()) {
    const window = demo.window?.(now) ?? { opensAt: null, closesAt: null };
    const row = await repo.insertProcedure(scope.tx, tenant.id, null, {
      ...demo.texts, ...window,
      departmentId: chooseDepartment(depts, demo.departments),
      sharedDepartmentIds: [],
      searchText: repo.searchTextOf(demo.texts),
    }, new Date(now.getTime() + i)); // one transaction: keep the catalogue in this order
    await versions.insertVersion(scope.tx, { tenantId: tenant.id, procedureId: row.id, version: 1, state: 'live', definition: demo.definition === childSupportInterviewDefinition ? await linkInterviewResource(scope.tx, demo.definition) : demo.definition, createdBy: null, publishedAt: now });
  }
}
