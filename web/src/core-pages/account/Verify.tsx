import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLocation } from '../../app/router.tsx';
import { ApiError } from '../../app/api.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { verify } from '../api/citizen.ts';

/** The link from the verification email lands here: confirms the token, then offers sign-in. */
export function Verify() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [state, setState] = useState<'busy' | 'ok' | string>('busy');
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    if (!token) { setState(t('account.verify_missing')); return; }
    verify(api, token).then(() => setState('ok'), (e: ApiError) => setState(e.message || t('error.generic')));
  }, [api, token, t]);
  return (
    <Page title={t('account.verify_title')} narrow>
      {state === 'busy' && <Loading />}
      {state === 'ok' && <>
        <Notice kind="success" live>{t('account.verify_ok')}</Notice>
        <ButtonLink href={to('/account/login')} size="lg">{t('portal.sign_in')}</ButtonLink>
      </>}
      {state !== 'busy' && state !== 'ok' && <Notice kind="error" live>{state}</Notice>}
    </Page>
  );
}
