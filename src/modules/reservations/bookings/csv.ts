import { toCsv } from '../../../core/ja/csv.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import { t, type MessageKey } from '../../../core/i18n/index.ts';
import type { ResourceFull } from '../resources/repo.ts';
import type { BookingRow } from './repo.ts';

const jstTime = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(11, 16);

/** CSV text of a resource's bookings, with Japanese headers, for Excel and the health system. */
export function rosterCsv(resource: ResourceFull, bookings: BookingRow[]): string {
  const exam = (id: string | null) => resource.examTypes.find((e) => e.id === id)?.name_ja ?? '';
  return toCsv([
    ['予約番号', '日付', '開始', '終了', '種類', '状態', '受付方法', '氏名', 'フリガナ', '生年月日', '性別', '電話番号', 'メールアドレス', '備考'],
    ...bookings.map((b) => [
      b.reference, toJstDateString(b.starts_at), jstTime(b.starts_at), jstTime(b.ends_at), exam(b.exam_type_id),
      t('ja', `reservations.status.${b.status}` as MessageKey), b.channel === 'online' ? 'オンライン' : '職員', b.contact_name, b.contact_kana,
      b.birth_date ?? '', b.sex === 'female' ? '女' : b.sex === 'male' ? '男' : '', b.phone ?? '', b.email ?? '', b.note,
    ]),
  ]);
}
