import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { CheckboxGroup, TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { changes, type Texts } from '../admin-api.ts';
import { cleanTexts, TextsEditor } from './TextsEditor.tsx';
import { BOX, LEGEND, topField } from './util.ts';

interface Values extends Record<string, unknown> { from: string; to: string; areaIds: string[]; categoryIds: string[]; note: Texts }
const empty: Values = { from: '', to: '', areaIds: [], categoryIds: [], note: { ja: '' } };
type Option = { value: string; label: string };

/** Adds a suspension (年末年始, a センター closure): a period, the areas and categories it stops (none = all). */
export function SuspensionForm({ areas, categories, onAdded }: { areas: Option[]; categories: Option[]; onAdded(): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const form = useForm<Values>(empty, {
    idPrefix: 'sus',
    labels: { from: t('garbage.admin.from'), to: t('garbage.admin.to'), areaIds: t('garbage.admin.section.areas'), categoryIds: t('garbage.admin.section.categories'), note: t('garbage.admin.note') },
    validate: (v) => ({
      from: v.from ? undefined : t('garbage.admin.date_required'),
      to: !v.to ? t('garbage.admin.date_required') : v.from && v.to < v.from ? t('garbage.admin.to_before_from') : undefined,
    }),
    onSubmit: async (v) => {
      const note = cleanTexts(v.note);
      await topField(changes.addSuspension(api, { from: v.from, to: v.to, areaIds: v.areaIds, categoryIds: v.categoryIds, note: note.ja ? note : null }));
      form.setValues(empty);
      onAdded();
    },
  });
  const v = form.values;
  return (
    <Form form={form} className={BOX} label={t('garbage.admin.suspension_add')}>
      <h3 className={`${LEGEND} mb-4 px-0`}>{t('garbage.admin.suspension_add')}</h3>
      <div className="flex flex-wrap gap-x-4">
        <TextField {...form.bind('from')} type="date" required className="md:w-56" />
        <TextField {...form.bind('to')} type="date" required className="md:w-56" />
      </div>
      <div className="grid gap-x-8 md:grid-cols-2">
        <CheckboxGroup id="sus-areaIds" legend={t('garbage.admin.section.areas')} hint={t('garbage.admin.none_means_all')} options={areas} value={v.areaIds} onChange={(x) => form.set('areaIds', x)} />
        <CheckboxGroup id="sus-categoryIds" legend={t('garbage.admin.section.categories')} hint={t('garbage.admin.none_means_all')} options={categories} value={v.categoryIds} onChange={(x) => form.set('categoryIds', x)} />
      </div>
      <TextsEditor id="sus-note" label={t('garbage.admin.note')} value={v.note} onChange={(x) => form.set('note', x)} error={form.errors.fields.note} />
      <Button type="submit" busy={form.submitting}>{t('garbage.admin.add')}</Button>
    </Form>
  );
}
