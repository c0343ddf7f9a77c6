import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Notice } from '../../../components/Notice.tsx';

/** Days the saved rules close that still hold bookings, each linking to that day's roster so staff can call or cancel. */
export function ClosedDayWarnings({ resourceId, days }: { resourceId: string; days: { date: string; count: number }[] }) {
  const { t } = useI18n();
  const { to } = useTenant();
  if (!days.length) return null;
  return (
    <Notice kind="warning" live>
      <p>{t('reservations.admin.closed_day_warning')}</p>
      <ul className="ml-6 list-disc">
        {days.map((d) => <li key={d.date}><a className="underline" href={to(`/admin/reservations/${resourceId}/roster?date=${d.date}`)}>{t('reservations.admin.closed_day_item', { date: d.date, count: d.count })}</a></li>)}
      </ul>
    </Notice>
  );
}
