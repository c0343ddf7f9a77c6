import { useEffect, useState, type ReactNode } from 'react';
import { useI18n, type Lang } from './i18n/index.tsx';
import { hasPermission, useTenant } from './tenant.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { consoleNav } from './console-nav.ts';
import { Footer, Header } from '../components/Header.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { Button } from '../components/Button.tsx';
import { CrumbsContext } from '../components/Page.tsx';
import { logout } from '../core-pages/api/auth.ts';

// Staff pages are written in Japanese and English only; the other languages are for citizens.
const CONSOLE_LANGS: Lang[] = ['ja', 'en'];

/** The staff console's frame: banner with the signed-in person and sign-out, navigation by permission, main. */
export function ConsoleLayout({ children, bare }: { children: ReactNode; bare?: boolean }) {
  const { t, pick } = useI18n();
  const { portal, me, to, api, refreshMe } = useTenant();
  const { pathname } = useLocation();
  const city = portal ? pick(portal.tenant.name) : '';
  const staff = me?.kind === 'staff' ? me : null;
  const enrolled = staff && !(staff.mfaRequired && !staff.totpEnabled);
  const nav = consoleNav().filter((n) => hasPermission(staff, n.permission || undefined));
  // On a phone the menu folds behind a button; it closes again after each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  const signOut = async () => {
    try { await logout(api); } catch { /* already signed out */ }
    await refreshMe();
    navigate(to('/admin/signin'));
  };
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <SkipLink />
      <Header accent langs={CONSOLE_LANGS} home={to('/admin')} title={city ? t('console.title_city', { city }) : t('console.title')} subtitle={t('console.subtitle')}>
        {staff && (
          <div className="flex items-center gap-3">
            <span className="text-dns-16N-120 text-solid-gray-800">{staff.displayName}</span>
            <Button variant="secondary" size="sm" onClick={signOut}>{t('console.sign_out')}</Button>
          </div>
        )}
      </Header>
      <div className="container-page flex flex-1 flex-col gap-6 py-6 md:flex-row md:gap-10 md:py-10">
        {!bare && enrolled && (
          <nav aria-label={t('console.nav.label')} className="md:w-60 md:shrink-0">
            <button type="button" aria-expanded={menuOpen} aria-controls="console-menu" onClick={() => setMenuOpen((o) => !o)}
              className="flex min-h-12 w-full items-center justify-between rounded-8 border border-solid-gray-420 px-4 text-std-16B-170 text-solid-gray-900 md:hidden">
              {t('console.menu')}
              <svg aria-hidden="true" viewBox="0 0 24 24" className={`size-6 fill-current transition-transform ${menuOpen ? 'rotate-180' : ''}`}><path d="M7 10l5 5 5-5z" /></svg>
            </button>
            <ul id="console-menu" className={`${menuOpen ? 'mt-2 flex' : 'hidden'} flex-col gap-1 md:mt-0 md:flex`}>
              {nav.map((n) => {
                const href = to(`/admin${n.path}`);
                const current = n.path === '' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
                return (
                  <li key={n.path}>
                    <Link href={href} aria-current={current ? 'page' : undefined}
                      className={`block rounded-8 px-4 py-2.5 text-std-16N-170 no-underline hover:underline ${current ? 'bg-key-900 font-bold text-white hover:text-white' : 'text-solid-gray-900 hover:bg-key-50'}`}>
                      {t(n.labelKey)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1">
          <CrumbsContext.Provider value={bare || !enrolled ? [] : [{ href: to('/admin'), label: t('console.nav.dashboard') }]}>{children}</CrumbsContext.Provider>
        </main>
      </div>
      <Footer note={t('console.footer_note')}>
        <p className="text-std-16N-170"><Link href={to('/')}>{t('console.to_portal')}</Link></p>
      </Footer>
    </div>
  );
}
