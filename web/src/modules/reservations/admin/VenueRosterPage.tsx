import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { bookings, resources, todayJst, type RosterBooking } from '../admin-api.ts';
import { RosterTable } from './RosterTable.tsx';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** 会場別の当日名簿: every booking of the day at one venue (the venues of the resources staff can see), grouped by resource. */
export function VenueRosterPage() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { search } = useLocation();
  const date = isDate(search.get('date') ?? '') ? search.get('date')! : todayJst();
  const list = useLoad(() => resources.list(api), [api]);
  const venues = [...new Set((list.data ?? []).map((r) => r.venueJa ?? '').filter(Boolean))].sort();
  const venue = search.get('venue') ?? venues[0] ?? '';
  const [draft, setDraft] = useState({ venue, date });
  useEffect(() => setDraft({ venue, date }), [venue, date]);
  const roster = useLoad(() => (venue ? bookings.venueRoster(api, venue, date) : Promise.resolve([])), [api, venue, date]);
  const show = (e: React.FormEvent) => {
    e.preventDefault();
    if (isDate(draft.date)) navigate(to(`/admin/reservations/roster?venue=${encodeURIComponent(draft.venue)}&date=${draft.date}`));
  };
  const groups = new Map<string, RosterBooking[]>();
  for (const b of roster.data ?? []) groups.set(b.resourceName, [...(groups.get(b.resourceName) ?? []), b]);
  return (
    <Page crumbs={[{ href: to('/admin/reservations'), label: t('reservations.admin.title') }]} title={t('reservations.admin.venue_roster')}>
      {list.error && <Notice kind="error" live>{list.error.message || t('error.generic')}</Notice>}
      {list.data && !venues.length && <Notice>{t('reservations.admin.no_venues')}</Notice>}
      <form onSubmit={show} className="flex flex-wrap items-end gap-3" aria-label={t('reservations.admin.venue_roster')}>
        <Select id="venue-roster-venue" label={t('reservations.admin.venue')} value={draft.venue} onChange={(v) => setDraft({ ...draft, venue: v })} options={venues.map((v) => ({ value: v, label: v }))} noTag />
        <TextField id="venue-roster-date" label={t('reservations.admin.date')} type="date" value={draft.date} onChange={(d) => setDraft({ ...draft, date: d })} noTag />
        <Button type="submit" variant="secondary" className="mb-6">{t('reservations.admin.show')}</Button>
      </form>
      <Loaded load={roster}>
        {() => <>{[...groups].map(([name, items]) => (
          <section key={name} aria-label={name}>
            <h2 className="mb-2 mt-6 text-std-20B-150">{name}</h2>
            <RosterTable items={items} date={date} onChange={roster.reload} />
          </section>
        ))}{!groups.size && <RosterTable items={[]} date={date} onChange={roster.reload} />}</>}
      </Loaded>
    </Page>
  );
}
