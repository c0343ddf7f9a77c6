import type { ReactNode } from 'react';
import { useI18n } from './i18n/index.tsx';
import { useTenant } from './tenant.tsx';
import { Link } from './router.tsx';
import { Footer, Header } from '../components/Header.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { CrumbsContext } from '../components/Page.tsx';

/** The citizen portal's frame: skip link, banner with the city's name, main, footer. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { t, pick } = useI18n();
  const { portal, me, to } = useTenant();
  const city = portal ? pick(portal.tenant.name) : '';
  const citizen = me?.kind === 'citizen';
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <Header home={to('/')} title={city || t('app.name')} subtitle={t('portal.subtitle')}>
        <Link href={to(citizen ? '/account' : '/account/login')} className="inline-flex min-h-11 items-center gap-1 rounded-6 px-2 text-dns-16B-120">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current"><path d="M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4 0-9 2-9 6v2h18v-2c0-4-5-6-9-6z" /></svg>
          {citizen ? t('portal.my_account') : t('portal.sign_in')}
        </Link>
      </Header>
      <main id="main" tabIndex={-1} className="container-page flex-1 py-8 md:py-12">
        <CrumbsContext.Provider value={[{ href: to('/'), label: t('portal.home') }]}>{children}</CrumbsContext.Provider>
      </main>
      <Footer note={t('portal.footer_note', { city })}>
        <nav aria-label={t('portal.footer_nav')}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
            <li><Link href={to('/')}>{t('portal.home')}</Link></li>
            <li><Link href={to('/account')}>{t('portal.my_account')}</Link></li>
            <li><Link href={to('/admin')}>{t('portal.staff_link')}</Link></li>
            <li><Link href="/">{t('portal.all_tenants')}</Link></li>
          </ul>
        </nav>
      </Footer>
    </div>
  );
}
