import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n/index.tsx';

/** Props every form field shares: id, label, hint, error and whether it is required. */
export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  className?: string;
  /** Filters and search boxes: no 必須/任意 tag. */
  noTag?: boolean;
}

function described(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** The label row with the design system's 必須 / 任意 tag. */
export function FieldLabel({ id, label, required, as = 'label', noTag }: { id: string; label: string; required?: boolean; as?: 'label' | 'legend'; noTag?: boolean }) {
  const { t } = useI18n();
  const tag = noTag ? null : required
    ? <span className="ml-2 rounded-4 bg-error-2 px-1.5 py-0.5 text-dns-14B-120 text-white">{t('form.required_tag')}</span>
    : <span className="ml-2 text-dns-14N-120 text-solid-gray-700">{t('form.optional_tag')}</span>;
  const content = <>{label}{tag}</>;
  if (as === 'legend') return <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{content}</legend>;
  return <label htmlFor={id} className="mb-1 block text-std-17B-170 text-solid-gray-900">{content}</label>;
}

/** Hint and error lines under a label, tied to the control by aria-describedby. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="mb-1 text-std-16N-170 text-solid-gray-700">{hint}</p>}
      {error && <p id={`${id}-error`} className="mb-1 text-std-16B-170 text-error-2">{error}</p>}
    </>
  );
}

/** A labelled text input with hint and error message. */
export function TextField({ id, label, hint, error, required, noTag, className = '', value, onChange, type = 'text', autoComplete, inputMode, disabled, maxLength }:
  FieldProps & { value: string; onChange(v: string): void; type?: string; autoComplete?: string; inputMode?: 'numeric' | 'email' | 'text' | 'tel'; disabled?: boolean; maxLength?: number }) {
  return (
    <div className={`mb-6 ${className}`}>
      <FieldLabel id={id} label={label} required={required} noTag={noTag} />
      <FieldMessages id={id} hint={hint} error={error} />
      <input id={id} name={id} type={type} value={value} onChange={(e) => onChange(e.target.value)}
        className="field-input" aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)}
        aria-required={required || undefined} autoComplete={autoComplete} inputMode={inputMode} disabled={disabled} maxLength={maxLength} />
    </div>
  );
}

/** A labelled multi-line text input. */
export function TextArea({ id, label, hint, error, required, noTag, className = '', value, onChange, rows = 5 }:
  FieldProps & { value: string; onChange(v: string): void; rows?: number }) {
  return (
    <div className={`mb-6 ${className}`}>
      <FieldLabel id={id} label={label} required={required} noTag={noTag} />
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea id={id} name={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} className="field-input"
        aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)} aria-required={required || undefined} />
    </div>
  );
}

/** A labelled native select. */
export function Select({ id, label, hint, error, required, noTag, className = '', value, onChange, options }:
  FieldProps & { value: string; onChange(v: string): void; options: { value: string; label: string }[] }) {
  return (
    <div className={`mb-6 ${className}`}>
      <FieldLabel id={id} label={label} required={required} noTag={noTag} />
      <FieldMessages id={id} hint={hint} error={error} />
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} className="field-input pr-8"
        aria-invalid={error ? true : undefined} aria-describedby={described(id, hint, error)} aria-required={required || undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** A single checkbox with its label beside it. */
export function Checkbox({ id, label, checked, onChange, hint, children }: { id: string; label: string; checked: boolean; onChange(v: boolean): void; hint?: string; children?: ReactNode }) {
  return (
    <div className="mb-3 flex items-start gap-3">
      <input id={id} name={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)}
        className="mt-1 size-6 shrink-0 accent-key-900" aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="text-std-16N-170 text-solid-gray-900">{label}</label>{children}
        {hint && <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-700">{hint}</p>}
      </div>
    </div>
  );
}

/** A group of checkboxes choosing several ids. */
export function CheckboxGroup({ id, legend, options, value, onChange, hint }:
  { id: string; legend: string; options: { value: string; label: string }[]; value: string[]; onChange(v: string[]): void; hint?: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="mb-6">
      <FieldLabel id={id} label={legend} as="legend" />
      {hint && <p className="mb-2 text-std-16N-170 text-solid-gray-700">{hint}</p>}
      {options.length === 0 && <p className="text-std-16N-170 text-solid-gray-700">{t('common.none')}</p>}
      {options.map((o) => (
        <Checkbox key={o.value} id={`${id}-${o.value}`} label={o.label} checked={value.includes(o.value)}
          onChange={(on) => onChange(on ? [...value, o.value] : value.filter((v) => v !== o.value))} />
      ))}
    </fieldset>
  );
}
