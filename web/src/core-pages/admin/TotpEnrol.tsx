import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { navigate } from '../../app/router.tsx';
import { ApiError } from '../../app/api.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { totpConfirm, totpSetup } from '../api/auth.ts';
import { required } from '../account/validate.ts';

/** Two-factor enrolment: the QR code, the secret as text for typing in, and the first code to confirm. */
export function TotpEnrol() {
  const { t } = useI18n();
  const { api, to, me, refreshMe } = useTenant();
  const [setup, setSetup] = useState<{ secret: string; qrDataUrl: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);
  const already = !!me?.totpEnabled;
  useEffect(() => {
    if (started.current || already) return;
    started.current = true;
    totpSetup(api).then(setSetup, (e: ApiError) => setFailure(e.message || t('error.generic')));
  }, [api, already, t]);
  const form = useForm({ code: '' }, {
    idPrefix: 'totp',
    labels: { code: t('console.totp_code') },
    validate: (v) => ({ code: required(v.code, t) ?? (/^\d{6}$/.test(v.code.trim()) ? undefined : t('console.totp_format')) }),
    onSubmit: async (v) => {
      try {
        await totpConfirm(api, v.code.trim());
      } catch (e) {
        if (e instanceof ApiError && !e.field) throw new ApiError(e.status, e.code, e.message, 'code');
        throw e;
      }
      await refreshMe();
      navigate(to('/admin'), { replace: true });
    },
  });
  const groups = setup?.secret.match(/.{1,4}/g)?.join(' ') ?? '';
  return (
    <Page title={t('console.totp_title')} lead={me?.mfaRequired && !already ? t('console.totp_required_lead') : t('console.totp_lead')} narrow>
      {already && <Notice kind="success">{t('console.totp_already')}</Notice>}
      {failure && <Notice kind="error" live>{failure}</Notice>}
      {!already && !setup && !failure && <Loading />}
      {setup && (
        <>
          <ol className="mb-8 list-decimal space-y-2 pl-6 text-std-16N-170">
            <li>{t('console.totp_step1')}</li>
            <li>{t('console.totp_step2')}</li>
            <li>{t('console.totp_step3')}</li>
          </ol>
          <div className="mb-8 flex flex-col gap-6 rounded-12 border border-solid-gray-420 p-6 sm:flex-row sm:items-center">
            <img src={setup.qrDataUrl} alt={t('console.totp_qr_alt')} width={200} height={200} className="size-50 shrink-0 self-center" />
            <div className="min-w-0">
              <p className="mb-1 text-std-16B-170" id="totp-secret-label">{t('console.totp_secret')}</p>
              <p className="mb-2 text-std-16N-170 text-solid-gray-700">{t('console.totp_secret_hint')}</p>
              <code aria-labelledby="totp-secret-label" data-testid="totp-secret" data-secret={setup.secret}
                className="block rounded-8 bg-solid-gray-50 p-3 font-mono text-mono-17B-150 tracking-wider break-all">{groups}</code>
            </div>
          </div>
          <Form form={form}>
            <TextField {...form.bind('code')} required autoComplete="one-time-code" inputMode="numeric" maxLength={6} hint={t('console.totp_hint')} />
            <Button type="submit" size="lg" busy={form.submitting}>{t('console.totp_confirm')}</Button>
          </Form>
        </>
      )}
    </Page>
  );
}
