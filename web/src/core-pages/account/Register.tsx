import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Link } from '../../app/router.tsx';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { register } from '../api/citizen.ts';
import { required } from './validate.ts';

/** Citizen sign-up: name, email, password; a verification email follows. */
export function Register() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ displayName: '', email: '', password: '' }, {
    labels: { displayName: t('account.display_name'), email: t('account.email'), password: t('account.password') },
    validate: (v) => ({
      displayName: required(v.displayName, t),
      email: required(v.email, t) ?? (/^\S+@\S+\.\S+$/.test(v.email) ? undefined : t('form.invalid_email')),
      password: required(v.password, t) ?? (v.password.length < 10 ? t('form.password_short', { n: 10 }) : undefined),
    }),
    onSubmit: async (v) => {
      await register(api, { ...v, lang });
      setSentTo(v.email);
    },
  });
  if (sentTo) {
    return (
      <Page title={t('account.register_done_title')} narrow>
        <Notice kind="success" live>{t('account.register_done_body', { email: sentTo })}</Notice>
        <p className="text-std-16N-170"><Link href={to('/')}>{t('portal.home')}</Link></p>
      </Page>
    );
  }
  return (
    <Page title={t('account.register_title')} lead={t('account.register_lead')} narrow>
      <Form form={form}>
        <TextField {...form.bind('displayName')} required autoComplete="name" />
        <TextField {...form.bind('email')} type="email" required autoComplete="email" inputMode="email" />
        <TextField {...form.bind('password')} type="password" required autoComplete="new-password" hint={t('account.password_hint')} />
        <Button type="submit" size="lg" busy={form.submitting}>{t('account.register_submit')}</Button>
      </Form>
      <p className="mt-8 text-std-16N-170">{t('account.have_account')} <Link href={to('/account/login')}>{t('portal.sign_in')}</Link></p>
    </Page>
  );
}
