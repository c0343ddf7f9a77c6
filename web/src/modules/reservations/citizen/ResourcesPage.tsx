import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { reservationsApi } from '../citizen-api.ts';
import { MyBookings } from './MyBookings.tsx';

/** `/t/{slug}/reservations`: what citizens can book (checkups, facilities, interviews), under a signed-in citizen's own bookings. */
export function ResourcesPage() {
  const { t, lang, pick } = useI18n();
  const { slug, portal, to } = useTenant();
  const load = useLoad(() => reservationsApi(slug).resources(lang), [slug, lang]);
  return (
    <Page title={t('reservations.title')} site={portal ? pick(portal.tenant.name) : undefined} lead={t('reservations.lead')}>
      <MyBookings />
      <Loaded load={load}>{(data) => data.items.length === 0
        ? <p className="text-std-16N-170">{t('reservations.none')}</p>
        : (
          <ul className="grid gap-4 md:grid-cols-2">
            {data.items.map((r) => (
              <li key={r.id} className="relative flex flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-5 hover:border-key-900">
                <p><span className="rounded-4 border border-key-900 px-1.5 text-dns-14B-130 text-key-900">{t(`reservations.kind_${r.kind}`)}</span></p>
                <h2 className="text-std-20B-150">
                  <Link href={to(`/reservations/${r.id}`)} className="after:absolute after:inset-0">{r.name}</Link>
                </h2>
                {r.venue && <p className="text-std-16N-170 text-solid-gray-800">{t('reservations.venue')}：{r.venue}</p>}
                {r.description && <p className="text-std-16N-170 text-solid-gray-800 whitespace-pre-line">{r.description}</p>}
              </li>
            ))}
          </ul>
        )}</Loaded>
    </Page>
  );
}
