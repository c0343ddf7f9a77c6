import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { changes, type Texts } from '../admin-api.ts';
import { cleanTexts, TextsEditor } from './TextsEditor.tsx';
import { BOX, LEGEND, topField } from './util.ts';

interface Values extends Record<string, unknown> { date: string; areaId: string; categoryId: string; action: string; to: string; note: Texts }
const empty: Values = { date: '', areaId: '', categoryId: '', action: 'cancel', to: '', note: { ja: '' } };
type Option = { value: string; label: string };

/** Adds an exception for one date: cancel, collect anyway, or move to another date. */
export function ExceptionForm({ areas, categories, onAdded }: { areas: Option[]; categories: Option[]; onAdded(): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const form = useForm<Values>(empty, {
    idPrefix: 'exc',
    labels: { date: t('garbage.admin.date'), areaId: t('garbage.admin.area'), categoryId: t('garbage.admin.category'), action: t('garbage.admin.action'), to: t('garbage.admin.move_to'), note: t('garbage.admin.note') },
    validate: (v) => ({
      date: v.date ? undefined : t('garbage.admin.date_required'),
      to: v.action === 'move' && !v.to ? t('garbage.admin.date_required') : undefined,
    }),
    onSubmit: async (v) => {
      const note = cleanTexts(v.note);
      await topField(changes.addException(api, {
        date: v.date, areaId: v.areaId || null, categoryId: v.categoryId || null, action: v.action as 'cancel',
        to: v.action === 'move' ? v.to : null, note: note.ja ? note : null,
      }));
      form.setValues(empty);
      onAdded();
    },
  });
  const v = form.values;
  return (
    <Form form={form} className={BOX} label={t('garbage.admin.exception_add')}>
      <h3 className={`${LEGEND} mb-4 px-0`}>{t('garbage.admin.exception_add')}</h3>
      <div className="flex flex-wrap gap-x-4">
        <TextField {...form.bind('date')} type="date" required className="md:w-56" />
        <Select {...form.bind('areaId')} className="md:w-64" options={[{ value: '', label: t('garbage.admin.all_areas') }, ...areas]} />
        <Select {...form.bind('categoryId')} className="md:w-64" options={[{ value: '', label: t('garbage.admin.all_categories') }, ...categories]} />
        <Select {...form.bind('action')} required className="md:w-64" options={['cancel', 'collect', 'move'].map((a) => ({ value: a, label: t(`garbage.admin.action.${a}`) }))} />
        {v.action === 'move' && <TextField {...form.bind('to')} type="date" required className="md:w-56" />}
      </div>
      <TextsEditor id="exc-note" label={t('garbage.admin.note')} value={v.note} onChange={(x) => form.set('note', x)} error={form.errors.fields.note} />
      <Button type="submit" busy={form.submitting}>{t('garbage.admin.add')}</Button>
    </Form>
  );
}
