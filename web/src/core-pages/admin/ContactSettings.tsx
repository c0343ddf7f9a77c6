import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { contactSettings, type ContactView } from '../api/settings.ts';
import { readable, SavedStatus } from './SettingsSection.tsx';

/** The counter's phone and opening hours that the portal shows to people who do not use the internet. */
export function ContactSettings({ initial }: { initial: ContactView }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({ phone: initial.phone ?? '', hoursJa: initial.hours?.ja ?? '', hoursEn: initial.hours?.en ?? '' }, {
    idPrefix: 'contact',
    labels: { phone: t('settings.phone'), hoursJa: t('settings.hours_ja'), hoursEn: t('settings.hours_en') },
    onSubmit: async (v) => {
      setSaved(null);
      const next = await contactSettings.save(api, { phone: v.phone.trim() || null, hoursJa: v.hoursJa.trim(), hoursEn: v.hoursEn.trim() })
        .catch((e: unknown) => { throw readable(e, t('settings.phone_invalid')); });
      form.setValues({ phone: next.phone ?? '', hoursJa: next.hours?.ja ?? '', hoursEn: next.hours?.en ?? '' });
      setSaved(t('settings.contact_saved'));
    },
  });
  return (
    <>
      <SavedStatus message={saved} />
      <Form form={form} className="max-w-3xl" label={t('settings.contact_title')}>
        <TextField {...form.bind('phone')} type="tel" inputMode="tel" autoComplete="off" maxLength={30} hint={t('settings.phone_hint')} />
        <div className="grid items-end gap-x-6 sm:grid-cols-2">
          <TextField {...form.bind('hoursJa')} maxLength={200} hint={t('settings.hours_hint')} />
          <TextField {...form.bind('hoursEn')} maxLength={200} />
        </div>
        <Button type="submit" busy={form.submitting}>{t('settings.contact_save')}</Button>
      </Form>
    </>
  );
}
