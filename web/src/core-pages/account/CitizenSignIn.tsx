import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { safeNextPath } from '../../app/next-path.ts';
import type { LocalText } from '../../app/i18n/index.tsx';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button, buttonClass } from '../../components/Button.tsx';
import { citizenLogin, oidcStartUrl, oidcStatus } from '../api/citizen.ts';
import { required } from './validate.ts';

/** Citizen sign-in: email and password, and the city's identity provider when one is configured; returns to `?next=` (inside the tenant only). */
export function CitizenSignIn() {
  const { t, pick } = useI18n();
  const { api, to, slug, refreshMe } = useTenant();
  const next = safeNextPath(useLocation().search.get('next'), slug);
  const [oidc, setOidc] = useState<{ enabled: boolean; label?: LocalText | null } | null>(null);
  useEffect(() => { void oidcStatus(api).then(setOidc); }, [api]);
  const form = useForm({ email: '', password: '' }, {
    idPrefix: 'signin',
    labels: { email: t('account.email'), password: t('account.password') },
    validate: (v) => ({ email: required(v.email, t), password: required(v.password, t) }),
    onSubmit: async (v) => {
      await citizenLogin(api, v);
      await refreshMe();
      navigate(next ?? to('/account'));
    },
  });
  return (
    <Page title={t('account.signin_title')} lead={t('account.signin_lead')} narrow>
      {oidc?.enabled && (
        <section aria-labelledby="oidc-title" className="mb-10 rounded-12 border border-solid-gray-420 p-6">
          <h2 id="oidc-title" className="mb-2 text-std-20B-150">{t('account.oidc_title')}</h2>
          <p className="mb-4 text-std-16N-170">{t('account.oidc_body')}</p>
          {/* A full page load: the identity provider's pages are not part of this app. */}
          <a href={oidcStartUrl(slug, next ?? undefined)} className={buttonClass('primary', 'lg')}>
            {oidc.label ? t('account.oidc_button', { name: pick(oidc.label) }) : t('account.oidc_button_default')}
          </a>
        </section>
      )}
      <section aria-labelledby="pw-title">
        <h2 id="pw-title" className="mb-4 text-std-20B-150">{t('account.password_signin')}</h2>
        <Form form={form}>
          <TextField {...form.bind('email')} type="email" required autoComplete="email" inputMode="email" />
          <TextField {...form.bind('password')} type="password" required autoComplete="current-password" />
          <Button type="submit" size="lg" busy={form.submitting}>{t('portal.sign_in')}</Button>
        </Form>
      </section>
      <p className="mt-8 text-std-16N-170">{t('account.no_account')} <Link href={to('/account/register')}>{t('account.register_title')}</Link></p>
      <p className="mt-2 text-std-16N-170"><Link href={to('/account/reset')}>{t('console.forgot_password')}</Link></p>
    </Page>
  );
}
