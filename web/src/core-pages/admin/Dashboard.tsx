import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { hasPermission, useTenant } from '../../app/tenant.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { consoleNav } from '../../app/console-nav.ts';
import { Page } from '../../components/Page.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { logoutAll } from '../api/auth.ts';

/** The console's start page: what this person may open, and their own security settings. */
export function Dashboard() {
  const { t } = useI18n();
  const { me, to, api, refreshMe } = useTenant();
  const [busy, setBusy] = useState(false);
  const entries = consoleNav().filter((n) => n.path && hasPermission(me, n.permission));
  const signOutEverywhere = async () => {
    setBusy(true);
    try { await logoutAll(api); } finally { setBusy(false); }
    await refreshMe();
    navigate(to('/admin/signin'));
  };
  return (
    <Page title={t('console.dashboard_title')} lead={t('console.welcome', { name: me?.displayName ?? '' })}>
      {entries.length === 0 && <Notice>{t('console.no_screens')}</Notice>}
      <ul className="mb-10 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {entries.map((n) => (
          <li key={n.path}>
            <Link href={to(`/admin${n.path}`)} className="block h-full rounded-12 border border-solid-gray-420 p-5 text-solid-gray-900 no-underline shadow-1 hover:border-key-900 hover:bg-key-50 hover:underline">
              <span className="block text-std-18B-160 text-key-900">{t(n.labelKey)}</span>
              <span className="mt-1 block text-std-16N-170 text-solid-gray-700">{t(`${n.labelKey}_desc`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="security-title" className="rounded-12 bg-solid-gray-50 p-6">
        <h2 id="security-title" className="mb-3 text-std-20B-150">{t('console.security_title')}</h2>
        <p className="mb-4 text-std-16N-170">{me?.totpEnabled ? t('console.totp_on') : t('console.totp_off')}</p>
        <div className="flex flex-wrap gap-3">
          {!me?.totpEnabled && <ButtonLink href={to('/admin/2fa')} variant="secondary">{t('console.totp_title')}</ButtonLink>}
          <Button variant="secondary" onClick={signOutEverywhere} busy={busy}>{t('console.sign_out_all')}</Button>
        </div>
      </section>
    </Page>
  );
}
