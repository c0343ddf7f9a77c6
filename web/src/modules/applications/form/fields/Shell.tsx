import type { ReactNode } from 'react';
import { FieldLabel, FieldMessages } from '../../../../components/fields.tsx';
import type { FormField } from '../engine.ts';
import { useFormContext } from '../context.ts';

/** What every field component gets: its definition, answer path, element id and error. */
export interface FieldViewProps { field: FormField; path: string; id: string; error?: string }

/** Label (with 必須/任意), help and error above one control. */
export function Shell({ field, id, error, children }: { field: FormField; id: string; error?: string; children: ReactNode }) {
  const { text } = useFormContext();
  return (
    <div className="mb-8" data-field={id}>
      <FieldLabel id={id} label={text(field.label)} required={field.required} />
      <FieldMessages id={id} hint={text(field.help) || undefined} error={error} />
      {children}
    </div>
  );
}

/** A fieldset with its label as legend, for fields made of several controls (radio, name, address…). */
export function FieldsetShell({ field, id, error, children, hint }: { field: FormField; id: string; error?: string; children: ReactNode; hint?: string }) {
  const { text } = useFormContext();
  const help = [text(field.help), hint].filter(Boolean).join(' ');
  return (
    <fieldset id={id} tabIndex={-1} className="mb-8" data-field={id}
      aria-describedby={[help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}>
      <FieldLabel id={id} as="legend" label={text(field.label)} required={field.required} />
      <FieldMessages id={id} hint={help || undefined} error={error} />
      {children}
    </fieldset>
  );
}

/** A smaller labelled input inside a fieldset (姓, 名, 市区町村…) with its own error line. */
export function SubInput({ id, label, value, onChange, error, autoComplete, hint, onBlur, inputMode, disabled, className = '' }:
  { id: string; label: string; value: string; onChange(v: string): void; error?: string; autoComplete?: string; hint?: string; onBlur?(): void; inputMode?: 'numeric' | 'text'; disabled?: boolean; className?: string }) {
  return (
    <div className={`mb-4 ${className}`}>
      <label htmlFor={id} className="mb-1 block text-std-16B-170 text-solid-gray-900">{label}</label>
      {hint && <p id={`${id}-hint`} className="mb-1 text-std-16N-170 text-solid-gray-700">{hint}</p>}
      {error && <p id={`${id}-error`} className="mb-1 text-std-16B-170 text-error-2">{error}</p>}
      <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} className="field-input"
        autoComplete={autoComplete} inputMode={inputMode} disabled={disabled} aria-invalid={error ? true : undefined}
        aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined} />
    </div>
  );
}
