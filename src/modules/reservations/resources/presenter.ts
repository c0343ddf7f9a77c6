import { localized, type ContentLang } from '../../../core/i18n/index.ts';
import type { ExamTypeRow, ResourceFull } from './repo.ts';
import type { ResourceInput } from './schema.ts';

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** An exam's eligibility rule. */
export const eligibilityOf = (e: ExamTypeRow) => ({ sex: e.sex, minAge: e.min_age, maxAge: e.max_age, intervalFiscalYears: e.interval_fiscal_years });

/** A resource for citizens, in one language. */
export function presentPublicResource(r: ResourceFull, lang: ContentLang, ageBasis: string) {
  const x = r.row;
  return {
    id: x.id, kind: x.kind,
    name: localized({ ja: x.name_ja, en: x.name_en, 'ja-easy': x.name_easy }, lang),
    description: localized({ ja: x.description_ja, en: x.description_en }, lang),
    venue: localized({ ja: x.venue_ja, en: x.venue_en }, lang),
    slotMinutes: x.slot_minutes, opensDaysAhead: x.opens_days_ahead, closesHoursBefore: x.closes_hours_before,
    approvalRequired: x.approval_required, limitPerPerson: x.limit_per_person,
    examTypes: r.examTypes.map((e) => ({ id: e.id, code: e.code, name: localized({ ja: e.name_ja, en: e.name_en }, lang), capacityPerSlot: e.capacity_per_slot, eligibility: eligibilityOf(e) })),
    lottery: x.lottery_entries_until ? { entriesUntil: x.lottery_entries_until.toISOString(), slotsUntil: x.lottery_slots_until!, drawn: x.lottery_drawn_at !== null } : null,
    ageBasis,
  };
}

/** A resource for staff: every field and rule. */
export function presentAdminResource(r: ResourceFull) {
  const x = r.row;
  return {
    id: x.id, kind: x.kind as ResourceInput['kind'], staffOnly: x.staff_only,
    nameJa: x.name_ja, nameEn: x.name_en, nameEasy: x.name_easy, descriptionJa: x.description_ja, descriptionEn: x.description_en,
    venueJa: x.venue_ja, venueEn: x.venue_en, departmentId: x.department_id,
    slotMinutes: x.slot_minutes, bufferBeforeMinutes: x.buffer_before_minutes, bufferAfterMinutes: x.buffer_after_minutes,
    seatsPerSlot: x.seats_per_slot, opensDaysAhead: x.opens_days_ahead, closesHoursBefore: x.closes_hours_before,
    limitPerPerson: x.limit_per_person, approvalRequired: x.approval_required, closeOnHolidays: x.close_on_holidays, closeOnNewYear: x.close_on_new_year,
    lottery: x.lottery_entries_until ? { entriesUntil: x.lottery_entries_until.toISOString(), slotsUntil: x.lottery_slots_until! } : null,
    lotteryDrawnAt: x.lottery_drawn_at?.toISOString() ?? null,
    active: x.active, feedEnabled: x.feed_token_hash !== null,
    hours: r.hours.map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens_min), closes: hhmm(h.closes_min) })),
    examTypes: r.examTypes.map((e) => ({ id: e.id, code: e.code, nameJa: e.name_ja, nameEn: e.name_en, capacityPerSlot: e.capacity_per_slot, ...eligibilityOf(e) })),
    dayOverrides: r.overrides.map((o) => ({ date: o.day, closed: o.closed, note: o.note })),
    createdAt: x.created_at.toISOString(), updatedAt: x.updated_at.toISOString(),
  };
}
