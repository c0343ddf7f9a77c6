import { useI18n } from '../../../app/i18n/index.tsx';
import { Button } from '../../../components/Button.tsx';
import { Checkbox, FieldLabel, FieldMessages, Select, TextArea, TextField } from '../../../components/fields.tsx';
import { KINDS, type RuleRow } from './rule-rows.ts';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const NTHS = [1, 2, 3, 4, 5];

/** A group of numbered checkboxes (weekdays, nths, months) with the error of its field. */
function Numbers({ id, legend, values, value, label, onChange, error }:
  { id: string; legend: string; values: number[]; value: number[]; label(n: number): string; onChange(v: number[]): void; error?: string }) {
  return (
    <fieldset className="mb-6" aria-describedby={error ? `${id}-error` : undefined}>
      <FieldLabel id={id} label={legend} as="legend" noTag />
      <FieldMessages id={id} error={error} />
      <div className="flex flex-wrap gap-x-5">
        {values.map((n) => (
          <Checkbox key={n} id={`${id}-${n}`} label={label(n)} checked={value.includes(n)} onChange={(on) => onChange(on ? [...value, n] : value.filter((x) => x !== n))} />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * One rule of an area: category, kind and the inputs that kind needs, months, validity and holidays.
 * Control ids are `rule-rules[i].<field>` so the server's field names link straight to them.
 */
export function RuleRowEditor({ index, row, categories, errors, onChange, onRemove }:
  { index: number; row: RuleRow; categories: { value: string; label: string }[]; errors: Record<string, string>; onChange(r: RuleRow): void; onRemove(): void }) {
  const { t } = useI18n();
  const f = `rules[${index}]`;
  const id = (name: string) => `rule-${f}.${name}`;
  // A server error names the field, possibly deeper (`pattern.dates[1]`): show it on the control it is under.
  const under = (k: string, name: string) => k === `${f}.${name}` || k.startsWith(`${f}.${name}[`) || k.startsWith(`${f}.${name}.`);
  const err = (name: string) => Object.entries(errors).find(([k]) => under(k, name))?.[1];
  const byKind = { weekly: ['pattern.weekdays'], nth_weekday: ['pattern.weekday', 'pattern.nths'], every_n_weeks: ['pattern.interval', 'pattern.from'], dates: ['pattern.dates'] }[row.kind];
  const shown = ['categoryId', 'pattern.kind', ...byKind, 'months', 'validFrom', 'validTo', 'onHolidays'];
  const other = Object.entries(errors).find(([k]) => (k === f || k.startsWith(`${f}.`) || k.startsWith(`${f}[`)) && !shown.some((s) => under(k, s)))?.[1];
  const set = (patch: Partial<RuleRow>) => onChange({ ...row, ...patch });
  const wd = (n: number) => t(`garbage.admin.wd.${n}`);
  return (
    <fieldset className="mb-6 rounded-8 border border-solid-gray-420 p-4 md:p-6" data-testid={`rule-${index}`}>
      <legend className="px-2 text-std-18B-160">{t('garbage.admin.rule_n', { n: index + 1 })}</legend>
      {other && <p id={`rule-${f}`} tabIndex={-1} className="mb-4 text-std-16B-170 text-error-2">{other}</p>}
      <div className="flex flex-wrap gap-x-4">
        <Select id={id('categoryId')} label={t('garbage.admin.category')} required value={row.categoryId} onChange={(v) => set({ categoryId: v })} error={err('categoryId')} className="md:w-72"
          options={[{ value: '', label: t('garbage.admin.choose') }, ...categories]} />
        <Select id={id('pattern.kind')} label={t('garbage.admin.kind')} required value={row.kind} onChange={(v) => set({ kind: v as RuleRow['kind'] })} error={err('pattern.kind')} className="md:w-72"
          options={KINDS.map((k) => ({ value: k, label: t(`garbage.admin.kind.${k}`) }))} />
      </div>
      {row.kind === 'weekly' && <Numbers id={id('pattern.weekdays')} legend={t('garbage.admin.weekdays')} values={WEEKDAYS} value={row.weekdays} label={wd} onChange={(v) => set({ weekdays: v })} error={err('pattern.weekdays')} />}
      {row.kind === 'nth_weekday' && <>
        <Numbers id={id('pattern.nths')} legend={t('garbage.admin.nths')} values={NTHS} value={row.nths} label={(n) => t('garbage.admin.nth', { n })} onChange={(v) => set({ nths: v })} error={err('pattern.nths')} />
        <Select id={id('pattern.weekday')} label={t('garbage.admin.weekday')} required value={row.weekday} onChange={(v) => set({ weekday: v })} error={err('pattern.weekday')} className="md:w-48"
          options={WEEKDAYS.map((n) => ({ value: String(n), label: wd(n) }))} />
      </>}
      {row.kind === 'every_n_weeks' && <div className="flex flex-wrap gap-x-4">
        <TextField id={id('pattern.interval')} label={t('garbage.admin.interval')} required inputMode="numeric" value={row.interval} onChange={(v) => set({ interval: v })} error={err('pattern.interval')} hint={t('garbage.admin.interval_hint')} className="md:w-56" />
        <TextField id={id('pattern.from')} label={t('garbage.admin.first_date')} required type="date" value={row.from} onChange={(v) => set({ from: v })} error={err('pattern.from')} className="md:w-56" />
      </div>}
      {row.kind === 'dates' && <TextArea id={id('pattern.dates')} label={t('garbage.admin.dates')} required rows={3} value={row.dates} onChange={(v) => set({ dates: v })} error={err('pattern.dates')} hint={t('garbage.admin.dates_hint')} />}
      <Numbers id={id('months')} legend={t('garbage.admin.months')} values={MONTHS} value={row.months} label={(n) => t('garbage.admin.month', { n })} onChange={(v) => set({ months: v })} error={err('months')} />
      <div className="flex flex-wrap gap-x-4">
        <TextField id={id('validFrom')} label={t('garbage.admin.valid_from')} type="date" value={row.validFrom} onChange={(v) => set({ validFrom: v })} error={err('validFrom')} className="md:w-56" />
        <TextField id={id('validTo')} label={t('garbage.admin.valid_to')} type="date" value={row.validTo} onChange={(v) => set({ validTo: v })} error={err('validTo')} className="md:w-56" />
        <Select id={id('onHolidays')} label={t('garbage.admin.on_holidays')} required value={row.onHolidays} onChange={(v) => set({ onHolidays: v as RuleRow['onHolidays'] })} error={err('onHolidays')} className="md:w-72"
          options={[{ value: 'collect', label: t('garbage.admin.holidays.collect') }, { value: 'skip', label: t('garbage.admin.holidays.skip') }]} />
      </div>
      <Button variant="danger" onClick={onRemove}>{t('garbage.admin.rule_remove', { n: index + 1 })}</Button>
    </fieldset>
  );
}
