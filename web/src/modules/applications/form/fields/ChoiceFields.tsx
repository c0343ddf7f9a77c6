import { useI18n } from '../../../../app/i18n/index.tsx';
import { describedBy, useFormContext } from '../context.ts';
import { getAt } from '../paths.ts';
import { FieldsetShell, Shell, type FieldViewProps } from './Shell.tsx';

const choiceRow = 'flex min-h-12 cursor-pointer items-center gap-3 rounded-8 border border-solid-gray-420 px-4 py-2 text-std-16N-170 text-solid-gray-900 hover:bg-key-50 has-[:checked]:border-key-900 has-[:checked]:bg-key-50';

/** A native select with a "choose" first line. */
export function SelectField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const value = getAt(ctx.answers(), path);
  return (
    <Shell field={field} id={id} error={error}>
      <select id={id} name={id} value={typeof value === 'string' ? value : ''} onChange={(e) => ctx.set(path, e.target.value || null)}
        className="field-input pr-8" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, !!ctx.text(field.help), error)}
        aria-required={field.required || undefined}>
        <option value="">{t('applications.form.choose')}</option>
        {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{ctx.text(o.label)}</option>)}
      </select>
    </Shell>
  );
}

/** Radio buttons in a fieldset, each a full-width row easy to tap. */
export function RadioField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const value = getAt(ctx.answers(), path);
  return (
    <FieldsetShell field={field} id={id} error={error}>
      <div className="flex flex-col gap-2">
        {(field.options ?? []).map((o) => (
          <label key={o.value} className={choiceRow}>
            <input type="radio" id={`${id}--${o.value}`} name={id} value={o.value} checked={value === o.value}
              onChange={() => ctx.set(path, o.value)} className="size-6 shrink-0 accent-key-900" />
            {ctx.text(o.label)}
          </label>
        ))}
      </div>
    </FieldsetShell>
  );
}

/** Checkboxes in a fieldset; the answer is the list of ticked values in the options' order. */
export function CheckboxesField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const raw = getAt(ctx.answers(), path);
  const value = Array.isArray(raw) ? (raw as string[]) : [];
  const options = field.options ?? [];
  const toggle = (v: string, on: boolean) => {
    const next = on ? [...value, v] : value.filter((x) => x !== v);
    ctx.set(path, options.map((o) => o.value).filter((x) => next.includes(x)));
  };
  const limits = [
    field.minSelected ? t('applications.form.min_selected', { n: field.minSelected }) : '',
    field.maxSelected ? t('applications.form.max_selected', { n: field.maxSelected }) : '',
  ].filter(Boolean).join(' ');
  return (
    <FieldsetShell field={field} id={id} error={error} hint={limits || undefined}>
      <div className="flex flex-col gap-2">
        {options.map((o) => (
          <label key={o.value} className={choiceRow}>
            <input type="checkbox" id={`${id}--${o.value}`} name={id} value={o.value} checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)} className="size-6 shrink-0 accent-key-900" />
            {ctx.text(o.label)}
          </label>
        ))}
      </div>
    </FieldsetShell>
  );
}

/** The text agreed to, then one checkbox: 同意する. */
export function ConsentField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const checked = getAt(ctx.answers(), path) === true;
  return (
    <FieldsetShell field={field} id={`${id}-group`} error={undefined}>
      {field.content && <div className="mb-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170 whitespace-pre-line">{ctx.text(field.content)}</div>}
      {error && <p id={`${id}-error`} className="mb-1 text-std-16B-170 text-error-2">{error}</p>}
      <label className={choiceRow}>
        <input type="checkbox" id={id} name={id} checked={checked} onChange={(e) => ctx.set(path, e.target.checked)}
          className="size-6 shrink-0 accent-key-900" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {t('applications.form.agree')}
      </label>
    </FieldsetShell>
  );
}

/** Text shown to the applicant; nothing is asked. */
export function DisplayField({ field, id }: FieldViewProps) {
  const { text } = useFormContext();
  const title = text(field.label);
  return (
    <div id={id} className="mb-8 rounded-8 border-l-4 border-key-900 bg-key-50 p-4">
      {title && <p className="mb-1 text-std-17B-170 text-solid-gray-900">{title}</p>}
      <p className="text-std-16N-170 whitespace-pre-line">{text(field.content)}</p>
    </div>
  );
}
