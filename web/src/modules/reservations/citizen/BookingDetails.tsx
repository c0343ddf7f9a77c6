import { useI18n } from '../../../app/i18n/index.tsx';
import type { PublicBooking } from '../citizen-api.ts';
import { formatSlot } from './format.ts';

/** A booking's facts: number, what, when (JST, 和暦), where, status and what to bring. */
export function BookingDetails({ booking, kind }: { booking: PublicBooking; kind?: string }) {
  const { t, lang } = useI18n();
  const rows: [string, string][] = [
    [t('reservations.reference'), booking.reference],
    [t('reservations.status'), t(`reservations.status_${booking.status}`)],
    [t('reservations.what'), booking.examName ? `${booking.resourceName}（${booking.examName}）` : booking.resourceName],
    [t('reservations.when'), formatSlot(booking.startsAt, booking.endsAt, lang)],
    ...(booking.venue ? [[t('reservations.venue'), booking.venue] as [string, string]] : []),
    [t('reservations.bring'), t(kind === 'checkup' || booking.examName ? 'reservations.bring_checkup' : 'reservations.bring_other')],
  ];
  return (
    <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-12 bg-solid-gray-50 p-4 sm:grid-cols-[10rem_1fr]" data-testid="booking-details">
      {rows.map(([k, val]) => <div key={k} className="contents"><dt className="text-std-16B-170">{k}</dt><dd className="mb-2 text-std-16N-170 sm:mb-0">{val}</dd></div>)}
    </dl>
  );
}
