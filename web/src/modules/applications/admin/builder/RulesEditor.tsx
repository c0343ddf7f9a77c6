import { useI18n } from '../../../../app/i18n/index.tsx';
import { Checkbox, CheckboxGroup, Select, TextField } from '../../../../components/fields.tsx';
import type { FormField } from '../../form/engine.ts';
import { LangText } from './LangText.tsx';
import { NumberField } from './controls.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';
import { DateBound } from './DateBound.tsx';
import { CHOICE_TYPES } from './ops.ts';
import { ReservationRules } from './ReservationRules.tsx';

/** File types the builder offers (the server checks the bytes, not the name). */
export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/gif', 'image/webp'];

/**
 * The rules that fit a field's type: lengths and pattern (text), range and decimals (number, 円),
 * date range with today±N, choices and how many may be ticked, file types/size/count, フリガナ,
 * which address a postal code fills, a group's item count and label, display and consent text.
 */
export function RulesEditor({ id, field, set, siblings }: { id: string; field: FormField; set(patch: Partial<FormField>): void; siblings: FormField[] }) {
  const { t } = useI18n();
  const k = (key: string) => t(`applications.builder.${key}`);
  const num = (name: keyof FormField, label: string, hint?: string) => (
    <NumberField id={`${id}-${name}`} label={label} hint={hint} value={field[name] as number | undefined} onChange={(v) => set({ [name]: v })} />
  );
  const ty = field.type;
  return <>
    {(ty === 'text' || ty === 'textarea') && (
      <div className="grid gap-x-4 sm:grid-cols-2">{num('minLength', k('min_length'))}{num('maxLength', k('max_length'))}</div>
    )}
    {ty === 'text' && <>
      <TextField noTag id={`${id}-pattern`} label={k('pattern')} hint={k('pattern_hint')} value={field.pattern ?? ''} className="mb-4 font-mono"
        onChange={(v) => set({ pattern: v || undefined })} />
      {field.pattern && <LangText id={`${id}-patternMessage`} legend={k('pattern_message')} value={field.patternMessage} onChange={(v) => set({ patternMessage: v })} />}
    </>}
    {(ty === 'number' || ty === 'currency') && (
      <div className="grid gap-x-4 sm:grid-cols-3">
        {num('min', k('min'))}{num('max', k('max'))}
        {ty === 'number' && num('decimals', k('decimals'), k('decimals_hint'))}
      </div>
    )}
    {ty === 'date' && (
      <div className="grid gap-x-4 md:grid-cols-2">
        <DateBound id={`${id}-minDate`} legend={k('min_date')} value={field.minDate} onChange={(v) => set({ minDate: v })} />
        <DateBound id={`${id}-maxDate`} legend={k('max_date')} value={field.maxDate} onChange={(v) => set({ maxDate: v })} />
      </div>
    )}
    {CHOICE_TYPES.includes(ty) && <OptionsEditor id={`${id}-options`} options={field.options ?? []} onChange={(options) => set({ options })} />}
    {ty === 'checkboxes' && <div className="grid gap-x-4 sm:grid-cols-2">{num('minSelected', k('min_selected'))}{num('maxSelected', k('max_selected'))}</div>}
    {ty === 'file' && <>
      <CheckboxGroup id={`${id}-accept`} legend={k('accept')} hint={k('accept_hint')} value={field.accept ?? []} onChange={(accept) => set({ accept })}
        options={FILE_TYPES.map((m) => ({ value: m, label: t(`applications.builder.mime_${m.split('/')[1]}`) }))} />
      <div className="grid gap-x-4 sm:grid-cols-2">{num('maxSizeMb', k('max_size'))}{num('maxFiles', k('max_files'))}</div>
    </>}
    {ty === 'name' && <Checkbox id={`${id}-furigana`} label={k('furigana')} checked={!!field.furigana} onChange={(v) => set({ furigana: v || undefined })} />}
    {ty === 'postalCode' && (
      <Select noTag id={`${id}-fillsAddress`} label={k('fills_address')} hint={k('fills_address_hint')} value={field.fillsAddress ?? ''}
        onChange={(v) => set({ fillsAddress: v || undefined })}
        options={[{ value: '', label: k('fills_none') }, ...siblings.filter((f) => f.type === 'address').map((f) => ({ value: f.key, label: `${f.label.ja}（${f.key}）` }))]} />
    )}
    {ty === 'group' && <>
      <div className="grid gap-x-4 sm:grid-cols-2">{num('minItems', k('min_items'))}{num('maxItems', k('max_items'))}</div>
      <LangText id={`${id}-itemLabel`} legend={k('item_label')} hint={k('item_label_hint')} value={field.itemLabel} onChange={(v) => set({ itemLabel: v })} />
    </>}
    {ty === 'reservation' && <ReservationRules id={id} field={field} set={set} />}
    {(ty === 'display' || ty === 'consent') && (
      <LangText id={`${id}-content`} legend={k(ty === 'display' ? 'content_display' : 'content_consent')} multiline required value={field.content}
        onChange={(v) => set({ content: v })} />
    )}
  </>;
}
