import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Link, useLocation } from '../../app/router.tsx';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { resetConfirm, resetRequest } from '../api/auth.ts';
import type { TenantApi } from '../../app/api.ts';
import { required } from '../account/validate.ts';

/** The two calls and the sign-in page of one kind of account (staff or citizen). */
export interface ResetFlow {
  request(api: TenantApi, email: string): Promise<unknown>;
  confirm(api: TenantApi, token: string, password: string): Promise<unknown>;
  signInPath: string;
}

const staffFlow: ResetFlow = { request: resetRequest, confirm: resetConfirm, signInPath: '/admin/signin' };

/** `/admin/reset`: asks for the email; with `?token=` (the emailed link) sets the new password. */
export function PasswordReset({ flow = staffFlow }: { flow?: ResetFlow }) {
  const { search } = useLocation();
  const token = search.get('token');
  return token ? <ResetConfirm token={token} flow={flow} /> : <ResetRequest flow={flow} />;
}

function ResetRequest({ flow }: { flow: ResetFlow }) {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const [sent, setSent] = useState(false);
  const form = useForm({ email: '' }, {
    idPrefix: 'reset',
    labels: { email: t('account.email') },
    validate: (v) => ({ email: required(v.email, t) }),
    onSubmit: async (v) => { await flow.request(api, v.email); setSent(true); },
  });
  return (
    <Page title={t('console.reset_title')} lead={t('console.reset_lead')} narrow>
      {sent ? <Notice kind="success" live>{t('console.reset_sent')}</Notice> : (
        <Form form={form}>
          <TextField {...form.bind('email')} type="email" required autoComplete="username" inputMode="email" />
          <Button type="submit" size="lg" busy={form.submitting}>{t('console.reset_submit')}</Button>
        </Form>
      )}
      <p className="mt-8 text-std-16N-170"><Link href={to(flow.signInPath)}>{t('console.back_to_signin')}</Link></p>
    </Page>
  );
}

function ResetConfirm({ token, flow }: { token: string; flow: ResetFlow }) {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const [done, setDone] = useState(false);
  const form = useForm({ password: '', confirm: '' }, {
    idPrefix: 'newpw',
    labels: { password: t('console.new_password'), confirm: t('console.confirm_password') },
    validate: (v) => ({
      password: required(v.password, t) ?? (v.password.length < 10 ? t('form.password_short', { n: 10 }) : undefined),
      confirm: v.confirm === v.password ? undefined : t('console.password_mismatch'),
    }),
    onSubmit: async (v) => { await flow.confirm(api, token, v.password); setDone(true); },
  });
  return (
    <Page title={t('console.reset_confirm_title')} narrow>
      {done ? <>
        <Notice kind="success" live>{t('console.reset_done')}</Notice>
        <ButtonLink href={to(flow.signInPath)}>{t('portal.sign_in')}</ButtonLink>
      </> : (
        <Form form={form}>
          <TextField {...form.bind('password')} type="password" required autoComplete="new-password" hint={t('account.password_hint')} />
          <TextField {...form.bind('confirm')} type="password" required autoComplete="new-password" />
          <Button type="submit" size="lg" busy={form.submitting}>{t('console.reset_confirm_submit')}</Button>
        </Form>
      )}
    </Page>
  );
}
