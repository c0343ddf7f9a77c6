import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { hasPermission, useTenant } from '../../../app/tenant.tsx';
import { useParams } from '../../../app/routes.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { bookings, resources, todayJst } from '../admin-api.ts';
import { RosterTable } from './RosterTable.tsx';
import { PhoneBooking } from './PhoneBooking.tsx';
import { FeedPanel } from './FeedPanel.tsx';

/** 当日名簿 of a resource: the day's bookings per slot with check-in, no-show, approve and cancel; phone bookings; CSV; the staff iCal feed. */
export function RosterPage() {
  const { t, lang } = useI18n();
  const { api, to, slug, me } = useTenant();
  const { resourceId } = useParams();
  const { search } = useLocation();
  const param = search.get('date') ?? '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(param) ? param : todayJst();
  const [draft, setDraft] = useState(date);
  useEffect(() => setDraft(date), [date]); // back/forward in history shows the day in the picker too
  const resource = useLoad(() => resources.get(api, resourceId), [api, resourceId]);
  const roster = useLoad(() => bookings.roster(api, resourceId, date), [api, resourceId, date]);
  const show = (e: React.FormEvent) => {
    e.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(draft)) navigate(to(`/admin/reservations/${resourceId}/roster?date=${draft}`));
  };
  const name = resource.data?.nameJa ?? '';
  return (
    <Page crumbs={[{ href: to('/admin/reservations'), label: t('reservations.admin.title') }]} title={name ? t('reservations.admin.roster_of', { name }) : t('reservations.admin.roster')}
      lead={resource.data ? [resource.data.venueJa, formatDate(`${date}T00:00:00+09:00`, lang)].filter(Boolean).join('　') : undefined}>
      {resource.error && <Notice kind="error" live>{resource.error.message || t('error.generic')}</Notice>}
      <form onSubmit={show} className="flex flex-wrap items-end gap-3" aria-label={t('reservations.admin.date')}>
        <TextField id="roster-date" label={t('reservations.admin.date')} type="date" value={draft} onChange={setDraft} noTag />
        <Button type="submit" variant="secondary" className="mb-6">{t('reservations.admin.show')}</Button>
      </form>
      <Loaded load={roster}>
        {(items) => <RosterTable items={items} date={date} onChange={roster.reload} />}
      </Loaded>
      <nav aria-label={t('reservations.admin.csv')} className="mb-10 flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
        <a href={bookings.csvHref(slug, resourceId, date, 'utf8')} download>{t('reservations.admin.csv_utf8')}</a>
        <a href={bookings.csvHref(slug, resourceId, date, 'cp932')} download>{t('reservations.admin.csv_cp932')}</a>
      </nav>
      {resource.data && <PhoneBooking resource={resource.data} date={date} onBooked={roster.reload} />}
      {resource.data && hasPermission(me, 'reservations.manage') && <FeedPanel resource={resource.data} onChange={resource.reload} />}
    </Page>
  );
}

