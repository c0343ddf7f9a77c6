import { localized, type ContentLang } from '../../../core/i18n/index.ts';
import type { ResourceFull } from '../resources/repo.ts';
import type { BookingRow } from './repo.ts';

/** A booking for its holder, in one language, with what they may do now. */
export function presentPublicBooking(b: BookingRow, r: ResourceFull, lang: ContentLang, now: Date) {
  const exam = r.examTypes.find((e) => e.id === b.exam_type_id);
  const upcoming = b.starts_at > now;
  return {
    reference: b.reference, status: b.status, resourceId: r.row.id,
    resourceName: localized({ ja: r.row.name_ja, en: r.row.name_en, 'ja-easy': r.row.name_easy }, lang),
    venue: localized({ ja: r.row.venue_ja, en: r.row.venue_en }, lang),
    examTypeId: b.exam_type_id, examName: exam ? localized({ ja: exam.name_ja, en: exam.name_en }, lang) : null,
    startsAt: b.starts_at.toISOString(), endsAt: b.ends_at.toISOString(), provisionalUntil: b.provisional_until?.toISOString() ?? null,
    name: b.contact_name,
    canCancel: upcoming && ['provisional', 'confirmed', 'waitlisted'].includes(b.status),
    canChange: upcoming && ['provisional', 'confirmed'].includes(b.status),
    canConfirm: b.status === 'provisional' && b.provisional_until !== null && b.provisional_until > now,
  };
}

/** A booking on the staff roster. */
export function presentRosterBooking(b: BookingRow, r: ResourceFull) {
  const exam = r.examTypes.find((e) => e.id === b.exam_type_id);
  return {
    id: b.id, reference: b.reference, status: b.status, channel: b.channel, examTypeId: b.exam_type_id, examName: exam?.name_ja ?? null,
    startsAt: b.starts_at.toISOString(), endsAt: b.ends_at.toISOString(), name: b.contact_name, kana: b.contact_kana,
    email: b.email, phone: b.phone, birthDate: b.birth_date, sex: b.sex, note: b.note,
    provisionalUntil: b.provisional_until?.toISOString() ?? null, checkedInAt: b.checked_in_at?.toISOString() ?? null, createdAt: b.created_at.toISOString(),
  };
}
