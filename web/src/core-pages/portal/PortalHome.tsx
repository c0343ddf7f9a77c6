import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Link } from '../../app/router.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { Icon } from '../../components/Icon.tsx';
import { webModules } from '../../modules/index.ts';
import type { PortalContact } from '../api/types.ts';

/** A tenant's portal home: the city's name, its services as large cards, and help for those offline. */
export function PortalHome() {
  const { t, pick } = useI18n();
  const { portal, me, to } = useTenant();
  if (!portal) return <Loading />;
  const city = pick(portal.tenant.name);
  const cards = [
    ...portal.modules.map((m) => ({ key: m.id, href: to(m.path), label: pick(m.label), icon: m.icon })),
    me?.kind === 'citizen'
      ? { key: 'account', href: to('/account'), label: t('portal.my_account'), icon: 'person' }
      : { key: 'account', href: to('/account/login'), label: t('portal.card_account'), icon: 'person' },
  ];
  return (
    <Page title={city} site={city} lead={<p className="max-w-3xl text-std-18N-160">{t('portal.lead', { city })}</p>}
      hero={<p className="mb-1 text-std-16B-170 text-key-900">{t('portal.subtitle')}</p>}>
      <section aria-labelledby="services-title" className="mb-12">
        <h2 id="services-title" className="mb-4 text-std-24B-150">{t('portal.services')}</h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {cards.map((c) => (
            <li key={c.key}>
              <Link href={c.href} className="flex min-h-24 items-center gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 text-solid-gray-900 no-underline hover:border-key-900 hover:bg-key-50 hover:underline hover:shadow-1">
                <span className="flex size-14 shrink-0 items-center justify-center rounded-full bg-key-100 text-key-900"><Icon name={c.icon} /></span>
                <span className="text-std-20B-150">{c.label}</span>
                <svg aria-hidden="true" viewBox="0 0 24 24" className="ml-auto size-6 shrink-0 fill-key-900"><path d="m9 6 6 6-6 6-1.4-1.4 4.6-4.6-4.6-4.6z" /></svg>
              </Link>
            </li>
          ))}
        </ul>
        {portal.modules.length === 0 && <p className="mt-4 text-std-16N-170 text-solid-gray-700">{t('portal.no_services')}</p>}
      </section>
      {webModules.flatMap((m) => (m.home ?? []).map((Section, i) => <Section key={`${m.id}-${i}`} />))}
      <section aria-labelledby="offline-title" className="flex gap-4 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-6">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-1 hidden size-8 shrink-0 fill-key-900 sm:block"><path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.6 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.6 3.6a1 1 0 0 1-.25 1l-2.2 2.2z" /></svg>
        <div>
          <h2 id="offline-title" className="mb-2 text-std-20B-150">{t('portal.offline_title')}</h2>
          <p className="text-std-16N-170">{t('portal.offline_body', { city })}</p>
          <CounterContact contact={portal.contact} />
        </div>
      </section>
    </Page>
  );
}

/** The counter's phone (a `tel:` link, digits only so every phone dials it) and opening hours, when the city set them. */
function CounterContact({ contact }: { contact: PortalContact | null | undefined }) {
  const { t, pick } = useI18n();
  if (!contact?.phone && !contact?.hours) return null;
  return <>
    {contact.phone && (
      <p className="mt-2 text-std-18B-160" data-testid="counter-phone">
        {t('portal.offline_phone')} <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
      </p>
    )}
    {contact.hours && <p className="mt-1 text-std-16N-170" data-testid="counter-hours">{t('portal.offline_hours')} {pick(contact.hours)}</p>}
  </>;
}
