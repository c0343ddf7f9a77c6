import { useI18n } from '../../../../app/i18n/index.tsx';
import { describedBy, useFormContext } from '../context.ts';
import { getAt } from '../paths.ts';
import { Shell, type FieldViewProps } from './Shell.tsx';

const AUTOCOMPLETE: Record<string, string> = { email: 'email', phone: 'tel' };
const TYPE: Record<string, string> = { email: 'email', phone: 'tel', time: 'time' };

/** Full-width digits and signs → ASCII, commas dropped: what a number answer is read from. */
export function asciiNumber(text: string): string {
  return text.replace(/[０-９．－，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,、]/g, '').replace(/[ー−]/g, '-').trim();
}

/** text, email, phone and time: one input; textarea: several lines. */
export function TextLikeField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const raw = getAt(ctx.answers(), path);
  const value = typeof raw === 'string' ? raw : '';
  const hint = !!ctx.text(field.help);
  const common = {
    id, name: id, value, className: 'field-input',
    'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error), 'aria-required': field.required || undefined,
  };
  return (
    <Shell field={field} id={id} error={error}>
      {field.type === 'textarea'
        ? <textarea {...common} rows={5} onChange={(e) => ctx.set(path, e.target.value)} />
        : <input {...common} type={TYPE[field.type] ?? 'text'} autoComplete={AUTOCOMPLETE[field.type]}
            inputMode={field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : undefined}
            onChange={(e) => ctx.set(path, e.target.value)}
            onBlur={field.type === 'phone' ? () => value && ctx.set(path, asciiNumber(value)) : undefined} />}
    </Shell>
  );
}

/** number and currency (whole yen): stored as a number once the text reads as one, else as typed (the engine says why). */
export function NumberField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const raw = getAt(ctx.answers(), path);
  const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  const store = (text: string) => {
    const n = asciiNumber(text);
    if (n === '') return ctx.set(path, null);
    ctx.set(path, /^-?\d+(\.\d+)?$/.test(n) && String(Number(n)) === n ? Number(n) : text);
  };
  const yen = field.type === 'currency';
  return (
    <Shell field={field} id={id} error={error}>
      <div className="flex items-center gap-2">
        <input id={id} name={id} type="text" inputMode={field.decimals ? 'decimal' : 'numeric'} value={value}
          onChange={(e) => store(e.target.value)} className="field-input max-w-60"
          aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, !!ctx.text(field.help), error)} aria-required={field.required || undefined} />
        {yen && <span className="text-std-16N-170">{t('applications.form.yen')}</span>}
      </div>
    </Shell>
  );
}
