import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { contactSettings, moduleSettings } from '../api/settings.ts';
import { ContactSettings } from './ContactSettings.tsx';
import { ModuleSettingsForm } from './ModuleSettingsForm.tsx';
import { SettingsSection } from './SettingsSection.tsx';

/** 自治体の設定: the counter contact, every module's per-tenant settings and the way to the OIDC settings. */
export function MunicipalitySettings() {
  const { t, pick } = useI18n();
  const { api, to } = useTenant();
  const contact = useLoad(() => contactSettings.get(api), [api]);
  const modules = useLoad(() => moduleSettings.list(api), [api]);
  return (
    <Page title={t('settings.title')} lead={t('settings.lead')}>
      <SettingsSection id="settings-contact" title={t('settings.contact_title')} lead={t('settings.contact_lead')}>
        <Loaded load={contact}>{(c) => <ContactSettings initial={c} />}</Loaded>
      </SettingsSection>
      <SettingsSection id="settings-modules" title={t('settings.modules_title')} lead={t('settings.modules_lead')}>
        <Loaded load={modules}>{(list) => {
          const withSettings = list.filter((m) => m.settings.length > 0);
          if (withSettings.length === 0) return <p className="text-std-16N-170">{t('settings.modules_none')}</p>;
          return withSettings.map((m) => (
            <SettingsSection key={m.module} id={`settings-module-${m.module}`} title={pick(m.title)} level={3}>
              <ModuleSettingsForm view={m} />
            </SettingsSection>
          ));
        }}</Loaded>
      </SettingsSection>
      <SettingsSection id="settings-oidc" title={t('console.nav.oidc')} lead={t('console.nav.oidc_desc')}>
        <ButtonLink href={to('/admin/settings/oidc')} variant="secondary">{t('settings.oidc_open')}</ButtonLink>
      </SettingsSection>
    </Page>
  );
}
