import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../app/api.ts';
import { useI18n } from '../app/i18n/index.tsx';

/** Errors of a form: per field, and one for the whole form. */
export interface FormErrors { fields: Record<string, string>; form: string | null }

interface Options<V> {
  /** Field → its label, for the error summary. */
  labels: Partial<Record<keyof V & string, string>>;
  /** Client-side checks (required fields); return field → message. */
  validate?(values: V): Partial<Record<keyof V & string, string>>;
  onSubmit(values: V): Promise<void> | void;
  /** Prefix of the control ids (`f-email`). */
  idPrefix?: string;
}

/** Form state with errors from validation or from the API (`error.field` lands next to that field). */
export function useForm<V extends Record<string, unknown>>(initial: V, opts: Options<V>) {
  const { t } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const prefix = opts.idPrefix ?? 'f';

  const set = <K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value }));

  const fail = (fields: Record<string, string>, form: string | null) => {
    setErrors({ fields, form });
    setAttempt((n) => n + 1);
  };

  const handleSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (submitting) return;
    const invalid = Object.fromEntries(Object.entries(opts.validate?.(values) ?? {}).filter(([, m]) => m)) as Record<string, string>;
    if (Object.keys(invalid).length) return fail(invalid, null);
    setSubmitting(true);
    try {
      await opts.onSubmit(values);
      setErrors({ fields: {}, form: null });
    } catch (err) {
      if (err instanceof ApiError) {
        const message = err.message || t(err.status === 0 ? 'error.network' : 'error.generic');
        if (err.field && err.field in values) fail({ [err.field]: message }, null);
        else fail({}, message);
      } else {
        fail({}, t('error.generic'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  /** Props for a TextField/Select bound to one value. */
  const bind = <K extends keyof V & string>(name: K) => ({
    id: `${prefix}-${name}`,
    label: opts.labels[name] ?? name,
    value: values[name] as unknown as string,
    onChange: (v: string) => set(name, v as V[K]),
    error: errors.fields[name],
  });

  return { values, set, setValues, errors, setErrors, submitting, handleSubmit, bind, attempt, labels: opts.labels, prefix, fail };
}

/** The object useForm returns. */
export type FormState = ReturnType<typeof useForm<Record<string, unknown>>>;

/**
 * A form with the error summary at its top. After a failed submit, focus moves to the summary so
 * screen-reader and keyboard users learn what went wrong; each entry links to its field.
 */
export function Form({ form, children, className = '', label }: { form: Pick<FormState, 'errors' | 'handleSubmit' | 'attempt' | 'labels' | 'prefix'>; children: ReactNode; className?: string; label?: string }) {
  return (
    <form noValidate onSubmit={form.handleSubmit} className={className} aria-label={label}>
      <ErrorSummary errors={form.errors} attempt={form.attempt} labels={form.labels as Record<string, string>} prefix={form.prefix} />
      {children}
    </form>
  );
}

/** The list of problems at the top of a form; takes focus when a submit fails. */
export function ErrorSummary({ errors, attempt, labels, prefix }: { errors: FormErrors; attempt: number; labels: Record<string, string>; prefix: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors.fields);
  const any = entries.length > 0 || errors.form;
  useEffect(() => {
    if (attempt > 0 && any) ref.current?.focus();
  }, [attempt]); // deps: only when these change, not on every render
  if (!any) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${prefix}-summary-title`}
      className="mb-8 rounded-8 border-2 border-error-2 bg-white p-4 md:p-6" data-testid="error-summary">
      <h2 id={`${prefix}-summary-title`} className="mb-2 flex items-center gap-2 text-std-18B-160 text-error-2">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 fill-current"><path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z" /></svg>
        {t('form.summary_title')}
      </h2>
      <ul className="list-disc pl-6 text-std-16N-170">
        {errors.form && <li>{errors.form}</li>}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${prefix}-${field}`} className="text-error-2" onClick={(e) => {
              const el = document.getElementById(`${prefix}-${field}`) ?? document.querySelector<HTMLElement>(`[id^="${prefix}-${field}-"]`);
              if (el) { e.preventDefault(); el.focus(); }
            }}>{labels[field] ? `${labels[field]}：${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
