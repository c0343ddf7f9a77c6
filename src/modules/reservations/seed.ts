import { sql } from 'drizzle-orm';
import type { TenantScope } from '../../core/modules/manifest.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import * as repo from './resources/repo.ts';

type Demo = Omit<repo.ResourceValues, 'department_id' | 'lottery_entries_until' | 'lottery_slots_until' | 'active' | 'close_on_holidays' | 'close_on_new_year' | 'name_easy' | 'description_en' | 'venue_en'> & {
  department: RegExp | null;
  hours: { weekdays: number[]; opens: number; closes: number }[];
  exams?: Omit<repo.ExamTypeRow, 'id' | 'resource_id' | 'sort'>[];
};

const weekdays = [1, 2, 3, 4, 5];
const h = (hh: number, mm = 0) => hh * 60 + mm;
const base = { buffer_before_minutes: 0, buffer_after_minutes: 0, limit_per_person: 0, approval_required: false, description_ja: '', staff_only: false };

/** Demo resources of the issue: がん検診 sessions with exam types, a facility, 児童扶養手当 interviews, a meeting room and a vehicle. */
function demoResources(slug: string): Demo[] {
  const centre = slug === 'matsusaka' ? '健康センターはるる' : '保健センター';
  return [
    {
      ...base, kind: 'checkup', department: /健康|保健/, name_ja: `乳がん・子宮頸がん検診（${centre}）`, name_en: 'Breast and cervical cancer screening',
      description_ja: '集団がん検診です。対象年齢は年度末（3月31日）時点の年齢です。乳がん検診・子宮頸がん検診はそれぞれ2年度に1回です。', venue_ja: centre,
      slot_minutes: 30, seats_per_slot: 1, opens_days_ahead: 60, closes_hours_before: 48,
      hours: [{ weekdays, opens: h(9), closes: h(11, 30) }, { weekdays, opens: h(13), closes: h(15, 30) }],
      exams: [
        { code: 'breast', name_ja: '乳がん検診（マンモグラフィ）', name_en: 'Breast cancer screening (mammography)', capacity_per_slot: 4, sex: 'female', min_age: 40, max_age: null, interval_fiscal_years: 2 },
        { code: 'cervical', name_ja: '子宮頸がん検診', name_en: 'Cervical cancer screening', capacity_per_slot: 6, sex: 'female', min_age: 20, max_age: null, interval_fiscal_years: 2 },
      ],
    },
    {
      ...base, kind: 'facility', department: null, name_ja: '市民活動センター 会議室A', name_en: 'Civic activity centre, room A',
      description_ja: '30人まで使えます。営利目的の利用はできません。', venue_ja: '市民活動センター 2階',
      slot_minutes: 60, seats_per_slot: 1, opens_days_ahead: 90, closes_hours_before: 24, limit_per_person: 4,
      hours: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], opens: h(9), closes: h(21) }],
    },
    {
      ...base, kind: 'interview', department: /子育て|こども|子ども|児童/, name_ja: '児童扶養手当 面談', name_en: 'Child support allowance interview',
      description_ja: '児童扶養手当の申請や現況届の面談です。必要な書類をお持ちください。', venue_ja: '市役所本庁舎 1階 子育て支援窓口',
      slot_minutes: 45, buffer_after_minutes: 15, seats_per_slot: 1, opens_days_ahead: 30, closes_hours_before: 24, limit_per_person: 1,
      hours: [{ weekdays, opens: h(9), closes: h(16) }],
    },
    {
      ...base, kind: 'meeting_room', staff_only: true, department: null, name_ja: '本庁舎 第1会議室', name_en: 'City hall meeting room 1', venue_ja: '本庁舎 4階',
      slot_minutes: 30, seats_per_slot: 1, opens_days_ahead: 180, closes_hours_before: 0, hours: [{ weekdays, opens: h(8, 30), closes: h(17, 30) }],
    },
    {
      ...base, kind: 'vehicle', staff_only: true, department: null, name_ja: '公用車 1号車（軽自動車）', name_en: 'Official car no. 1', venue_ja: '本庁舎 駐車場',
      slot_minutes: 60, seats_per_slot: 1, opens_days_ahead: 90, closes_hours_before: 0, hours: [{ weekdays, opens: h(8), closes: h(18) }],
    },
  ];
}

/** Demo resources for a new tenant, owned by matching departments where the tenant has them. */
export async function seedReservations(scope: TenantScope, tenant: { id: string; slug: string }): Promise<void> {
  const departments = await txRows<{ id: string; name_ja: string }>(scope.tx, sql`select id, name_ja from departments order by name_ja`);
  for (const d of demoResources(tenant.slug)) {
    const { department, hours, exams, ...values } = d;
    const id = await repo.saveResource(scope.tx, tenant.id, null, {
      ...values, department_id: department ? departments.find((x) => department.test(x.name_ja))?.id ?? null : null,
      name_easy: '', description_en: '', venue_en: '', close_on_holidays: true, close_on_new_year: true, lottery_entries_until: null, lottery_slots_until: null, active: true,
    });
    await repo.replaceCalendar(scope.tx, tenant.id, id, hours.flatMap((w) => w.weekdays.map((weekday) => ({ weekday, opens_min: w.opens, closes_min: w.closes }))), []);
    for (const [sort, e] of (exams ?? []).entries()) await repo.upsertExamType(scope.tx, tenant.id, id, { ...e, sort });
  }
}
