import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { navigate } from '../../app/router.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { citizenLogout, citizenMe, type CitizenAccount } from '../api/citizen.ts';
import { formatDate } from '../../app/format.ts';
import { webModules } from '../../modules/index.ts';
import { DeviceNotifications } from './DeviceNotifications.tsx';

/** The signed-in citizen's account page; asks to sign in otherwise. */
export function MyAccount() {
  const { t, lang } = useI18n();
  const { api, to, me, meLoaded, refreshMe } = useTenant();
  const [account, setAccount] = useState<CitizenAccount | null>(null);
  const citizen = me?.kind === 'citizen';
  useEffect(() => {
    if (citizen) citizenMe(api).then(setAccount, () => setAccount(null));
  }, [api, citizen]);
  if (!meLoaded) return <Loading />;
  if (!citizen) {
    return (
      <Page title={t('portal.my_account')} narrow>
        <p className="mb-6 text-std-16N-170">{t('account.need_signin')}</p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={to('/account/login')} size="lg">{t('portal.sign_in')}</ButtonLink>
          <ButtonLink href={to('/account/register')} variant="secondary" size="lg">{t('account.register_title')}</ButtonLink>
        </div>
      </Page>
    );
  }
  const a = account ?? { id: me.id, email: me.email, displayName: me.displayName };
  const signOut = async () => {
    try { await citizenLogout(api); } catch { /* already out */ }
    await refreshMe();
    navigate(to('/'));
  };
  return (
    <Page title={t('portal.my_account')} lead={t('account.welcome', { name: a.displayName })} narrow>
      {a.emailVerified === false && <Notice kind="warning">{t('account.not_verified')}</Notice>}
      <dl className="mb-8 divide-y divide-solid-gray-200 rounded-12 border border-solid-gray-420">
        <div className="grid gap-1 p-4 sm:grid-cols-3"><dt className="text-std-16B-170">{t('account.display_name')}</dt><dd className="sm:col-span-2">{a.displayName}</dd></div>
        <div className="grid gap-1 p-4 sm:grid-cols-3"><dt className="text-std-16B-170">{t('account.email')}</dt><dd className="sm:col-span-2">{a.email ?? '—'}</dd></div>
        {a.createdAt && <div className="grid gap-1 p-4 sm:grid-cols-3"><dt className="text-std-16B-170">{t('account.created')}</dt><dd className="sm:col-span-2">{formatDate(a.createdAt, lang, { era: true })}</dd></div>}
        {a.identities && a.identities.length > 0 && (
          <div className="grid gap-1 p-4 sm:grid-cols-3">
            <dt className="text-std-16B-170">{t('account.identities')}</dt>
            <dd className="sm:col-span-2">
              <ul>{a.identities.map((i) => <li key={i.issuer}>{hostOf(i.issuer)}（{t('account.linked_on', { date: formatDate(i.linkedAt, lang, { era: true }) })}）</li>)}</ul>
            </dd>
          </div>
        )}
      </dl>
      {webModules.flatMap((m) => (m.account ?? []).map((Section, i) => <Section key={`${m.id}-${i}`} />))}
      <DeviceNotifications />
      <Button variant="secondary" onClick={signOut}>{t('account.sign_out')}</Button>
    </Page>
  );
}

function hostOf(issuer: string): string {
  try { return new URL(issuer).host; } catch { return issuer; }
}
