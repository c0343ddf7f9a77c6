import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { reservationsApi, type PublicBooking } from '../citizen-api.ts';
import { formatSlot } from './format.ts';

/** A signed-in citizen's bookings, upcoming first (soonest on top), past ones folded away; nothing when there are none. */
export function MyBookings() {
  const { t, lang } = useI18n();
  const { slug, me } = useTenant();
  const citizen = me?.kind === 'citizen';
  const { data } = useLoad(async () => (citizen ? (await reservationsApi(slug).myBookings(lang).catch(() => ({ items: [] }))).items : []), [slug, lang, citizen]);
  if (!citizen || !data || data.length === 0) return null;
  const now = Date.now();
  const upcoming = data.filter((b) => Date.parse(b.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = data.filter((b) => Date.parse(b.endsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <section aria-labelledby="my-bookings" className="mb-8 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-5" data-testid="my-bookings">
      <h2 id="my-bookings" className="mb-3 text-std-20B-150">{t('reservations.mine')}</h2>
      {upcoming.length > 0 ? <Items items={upcoming} /> : <p className="mb-2 text-std-16N-170">{t('reservations.mine_none_upcoming')}</p>}
      {past.length > 0 && (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170 text-key-900">{t('reservations.mine_past', { n: past.length })}</summary>
          <Items items={past} />
        </details>
      )}
    </section>
  );
}

function Items({ items }: { items: PublicBooking[] }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  return (
    <ul className="flex flex-col gap-3">
      {items.map((b) => (
        <li key={b.reference} className="flex flex-col gap-1">
          <Link href={to(`/reservations/${b.resourceId}`)} className="text-std-16B-170">{b.examName ? `${b.resourceName}（${b.examName}）` : b.resourceName}</Link>
          <span className="text-std-16N-170">{formatSlot(b.startsAt, b.endsAt, lang)}</span>
          <span className="text-dns-14N-130 text-solid-gray-800">
            <span className="mr-2 rounded-4 border border-solid-gray-536 px-1.5 text-dns-14B-130">{t(`reservations.status_${b.status}`)}</span>
            {t('reservations.reference')}：{b.reference}
          </span>
        </li>
      ))}
    </ul>
  );
}
