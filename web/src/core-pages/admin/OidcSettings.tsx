import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { oidcSettings, type OidcView } from '../api/settings.ts';
import { required } from '../account/validate.ts';

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);

/** The city's identity provider (OIDC) for citizen sign-in, e.g. one backed by the My Number card. */
export function OidcSettings() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const [view, setView] = useState<OidcView | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({ issuer: '', clientId: '', clientSecret: '', scopes: 'openid email profile', labelJa: '', labelEn: '', acrValues: '' }, {
    idPrefix: 'oidc',
    labels: {
      issuer: t('oidc.issuer'), clientId: t('oidc.client_id'), clientSecret: t('oidc.client_secret'), scopes: t('oidc.scopes'),
      labelJa: t('oidc.label_ja'), labelEn: t('oidc.label_en'), acrValues: t('oidc.acr_values'),
    },
    validate: (v) => ({ issuer: required(v.issuer, t), clientId: required(v.clientId, t), labelJa: required(v.labelJa, t), labelEn: required(v.labelEn, t) }),
    onSubmit: async (v) => {
      setSaved(false);
      const next = await oidcSettings.save(api, {
        issuer: v.issuer.trim(), clientId: v.clientId.trim(), scopes: words(v.scopes), acrValues: words(v.acrValues),
        label: { ja: v.labelJa.trim(), en: v.labelEn.trim() },
        // Left empty: the stored secret stays.
        ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
      });
      setView(next);
      form.set('clientSecret', '');
      setSaved(true);
    },
  });
  useEffect(() => {
    oidcSettings.get(api).then((s) => {
      setView(s);
      if (s.configured) {
        form.setValues({ issuer: s.issuer ?? '', clientId: s.clientId ?? '', clientSecret: '', scopes: s.scopes.join(' '),
          labelJa: s.label?.ja ?? '', labelEn: s.label?.en ?? '', acrValues: s.acrValues.join(' ') });
      }
    }, () => undefined);
  }, [api]); // deps: only when these change, not on every render
  return (
    <Page crumbs={[{ href: to('/admin/settings'), label: t('settings.title') }]} title={t('oidc.title')} lead={t('oidc.lead')}>
      {saved && <Notice kind="success" live>{t('oidc.saved')}</Notice>}
      {view && (
        <Notice kind="info" title={t('oidc.redirect_uri')}>
          <p>{t('oidc.redirect_uri_hint')}</p>
          <code data-testid="oidc-redirect" className="mt-1 block font-mono text-dns-14N-130 break-all">{view.redirectUri}</code>
        </Notice>
      )}
      <Form form={form} className="max-w-3xl">
        <TextField {...form.bind('issuer')} required type="url" hint={t('oidc.issuer_hint')} autoComplete="off" />
        <TextField {...form.bind('clientId')} required autoComplete="off" />
        <TextField {...form.bind('clientSecret')} type="password" autoComplete="new-password"
          hint={view?.clientSecretSet ? t('oidc.client_secret_kept') : t('oidc.client_secret_hint')} />
        <div className="grid items-end gap-x-6 sm:grid-cols-2">
          <TextField {...form.bind('labelJa')} required hint={t('oidc.label_hint')} />
          <TextField {...form.bind('labelEn')} required />
        </div>
        <TextField {...form.bind('scopes')} hint={t('oidc.scopes_hint')} />
        <TextField {...form.bind('acrValues')} hint={t('oidc.acr_hint')} />
        <Button type="submit" busy={form.submitting}>{t('common.save')}</Button>
      </Form>
    </Page>
  );
}
