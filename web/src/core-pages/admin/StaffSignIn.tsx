import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ApiError } from '../../app/api.ts';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { staffLogin } from '../api/auth.ts';
import { required } from '../account/validate.ts';

/** Staff sign-in: email and password, then a TOTP code when the account has 2FA. */
export function StaffSignIn() {
  const { t } = useI18n();
  const { api, to, refreshMe } = useTenant();
  const { search } = useLocation();
  const [needTotp, setNeedTotp] = useState(false);
  const next = search.get('next');
  const form = useForm({ email: '', password: '', totp: '' }, {
    idPrefix: 'staff',
    labels: { email: t('account.email'), password: t('account.password'), totp: t('console.totp_code') },
    validate: (v) => ({
      email: required(v.email, t),
      password: required(v.password, t),
      totp: needTotp ? required(v.totp, t) ?? (/^\d{6}$/.test(v.totp.trim()) ? undefined : t('console.totp_format')) : undefined,
    }),
    onSubmit: async (v) => {
      try {
        await staffLogin(api, { email: v.email, password: v.password, ...(needTotp ? { totp: v.totp.trim() } : {}) });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'totp_required') {
          setNeedTotp(true);
          // Focus the new field on the next frame, once it exists.
          requestAnimationFrame(() => document.getElementById('staff-totp')?.focus());
          return;
        }
        if (e instanceof ApiError && e.code === 'totp_invalid') throw new ApiError(e.status, e.code, e.message || t('console.totp_invalid'), 'totp');
        throw e;
      }
      const me = await refreshMe();
      const safeNext = next && next.startsWith(to('/admin')) ? next : null;
      navigate(me && me.mfaRequired && !me.totpEnabled ? to('/admin/2fa') : safeNext ?? to('/admin'), { replace: true });
    },
  });
  return (
    <Page title={t('console.signin_title')} lead={t('console.signin_lead')} narrow>
      {needTotp && <Notice kind="info" live>{t('console.totp_prompt')}</Notice>}
      <Form form={form}>
        <TextField {...form.bind('email')} type="email" required autoComplete="username" inputMode="email" disabled={needTotp} />
        <TextField {...form.bind('password')} type="password" required autoComplete="current-password" disabled={needTotp} />
        {needTotp && <TextField {...form.bind('totp')} required autoComplete="one-time-code" inputMode="numeric" maxLength={6} hint={t('console.totp_hint')} />}
        <Button type="submit" size="lg" busy={form.submitting}>{t('console.signin_submit')}</Button>
      </Form>
      <p className="mt-8 text-std-16N-170"><Link href={to('/admin/reset')}>{t('console.forgot_password')}</Link></p>
    </Page>
  );
}
