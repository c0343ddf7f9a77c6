import { useI18n } from '../../../../app/i18n/index.tsx';
import { TextField } from '../../../../components/fields.tsx';
import type { FieldOption } from '../../form/engine.ts';
import { LangText } from './LangText.tsx';
import { ItemButtons, focusLater, smallButton } from './controls.tsx';
import { move, uniqueKey } from './ops.ts';

/** The choices of a select, radio or checkboxes field: value, label in three languages, order, add and remove. */
export function OptionsEditor({ id, options, onChange }: { id: string; options: FieldOption[]; onChange(o: FieldOption[]): void }) {
  const { t } = useI18n();
  const labels = { up: t('applications.builder.up'), down: t('applications.builder.down'), del: t('applications.builder.delete') };
  const set = (i: number, o: FieldOption) => onChange(options.map((x, j) => (j === i ? o : x)));
  const add = () => {
    const value = uniqueKey('option', options.map((o) => o.value));
    onChange([...options, { value, label: { ja: t('applications.builder.new_option', { n: options.length + 1 }) } }]);
    focusLater(`${id}-${options.length}-label-ja`);
  };
  return (
    <fieldset className="mb-4 rounded-8 border border-solid-gray-420 p-3">
      <legend className="px-1 text-std-17B-170">{t('applications.builder.options')}</legend>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('applications.builder.options_hint')}</p>
      <ol className="flex flex-col gap-3">
        {options.map((o, i) => (
          <li key={i} className="rounded-8 bg-solid-gray-50 p-3">
            <LangText id={`${id}-${i}-label`} legend={t('applications.builder.option_n', { n: i + 1 })} required value={o.label} onChange={(l) => set(i, { ...o, label: l ?? { ja: '' } })} />
            <TextField noTag id={`${id}-${i}-value`} label={t('applications.builder.option_value')} hint={t('applications.builder.option_value_hint')} value={o.value}
              onChange={(v) => set(i, { ...o, value: v })} className="mb-3 max-w-sm" />
            <ItemButtons idBase={`${id}-${i}`} name={o.label.ja || o.value} first={i === 0} last={i === options.length - 1} labels={labels}
              onMove={(dir) => { const next = [...options]; move(next, i, dir); onChange(next); focusLater(`${id}-${i + dir}-${dir < 0 ? 'up' : 'down'}`); }}
              onDelete={() => { onChange(options.filter((_, j) => j !== i)); focusLater(`${id}-add`); }} />
          </li>
        ))}
      </ol>
      <button type="button" id={`${id}-add`} className={`${smallButton} mt-3`} onClick={add}>{t('applications.builder.add_option')}</button>
    </fieldset>
  );
}
