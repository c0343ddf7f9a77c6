import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { Checkbox, TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { moduleSettings, type ModuleSettingsView, type SettingValue, type SettingView } from '../api/settings.ts';
import { readable, SavedStatus } from './SettingsSection.tsx';

type Values = Record<string, string | boolean>;

// Form state keeps numbers as typed text so a half-typed value is not lost; they become numbers on save.
const toForm = (settings: SettingView[]): Values =>
  Object.fromEntries(settings.map((s) => [s.key, s.type === 'boolean' ? s.value === true : String(s.value ?? '')]));

/** One module's per-tenant settings: a text, number or checkbox control per declared setting, saved together. */
export function ModuleSettingsForm({ view }: { view: ModuleSettingsView }) {
  const { t, pick } = useI18n();
  const { api } = useTenant();
  const [saved, setSaved] = useState<string | null>(null);
  const [settings, setSettings] = useState(view.settings);
  const form = useForm<Values>(toForm(view.settings), {
    idPrefix: `set-${view.module}`,
    labels: Object.fromEntries(settings.map((s) => [s.key, pick(s.label)])),
    validate: (v) => Object.fromEntries(settings.filter((s) => s.type === 'number')
      .map((s) => [s.key, isNumber(String(v[s.key])) ? undefined : t('settings.number_invalid')])),
    onSubmit: async (v) => {
      setSaved(null);
      const body: Record<string, SettingValue> = Object.fromEntries(settings.map((s) => [s.key,
        s.type === 'number' ? Number(v[s.key]) : s.type === 'boolean' ? v[s.key] === true : String(v[s.key])]));
      const next = await moduleSettings.save(api, view.module, body).catch((e: unknown) => { throw readable(e, t('settings.value_invalid')); });
      setSettings(next.settings);
      form.setValues(toForm(next.settings));
      setSaved(t('settings.module_saved', { module: pick(view.title) }));
    },
  });
  const hint = (s: SettingView) => t('settings.default_value', {
    value: s.type === 'boolean' ? t(s.default ? 'settings.on' : 'settings.off') : String(s.default),
  });
  return (
    <>
      <SavedStatus message={saved} />
      <Form form={form} className="max-w-3xl" label={pick(view.title)}>
        {settings.map((s) => s.type === 'boolean'
          ? <Checkbox key={s.key} id={`${form.prefix}-${s.key}`} label={pick(s.label)} hint={hint(s)}
              checked={form.values[s.key] === true} onChange={(on) => form.set(s.key, on)} />
          : <TextField key={s.key} {...form.bind(s.key)} value={String(form.values[s.key])} hint={hint(s)}
              type={s.type === 'number' ? 'number' : 'text'} inputMode={s.type === 'number' ? 'numeric' : undefined} />)}
        <Button type="submit" busy={form.submitting}>{t('settings.module_save', { module: pick(view.title) })}</Button>
      </Form>
    </>
  );
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}
