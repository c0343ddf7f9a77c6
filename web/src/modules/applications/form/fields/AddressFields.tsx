import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { Button } from '../../../../components/Button.tsx';
import type { AddressAnswer } from '../engine.ts';
import { PREFECTURES } from '../engine.ts';
import { describedBy, useFormContext, type PostalMatch } from '../context.ts';
import { childPath, getAt } from '../paths.ts';
import { FieldsetShell, Shell, SubInput, type FieldViewProps } from './Shell.tsx';
import { asciiNumber } from './TextFields.tsx';

const EMPTY: AddressAnswer = { prefecture: '', city: '', street: '' };

/** The answers scope holding a path: `children[0].zip` → `children[0]`; `zip` → ``. */
function scopeOf(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

/** A postal code; with `fillsAddress`, a button looks it up and fills the address field beside it. */
export function PostalCodeField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [choices, setChoices] = useState<PostalMatch[]>([]);
  const [busy, setBusy] = useState(false);
  const raw = getAt(ctx.answers(), path);
  const value = typeof raw === 'string' ? raw : '';
  const target = field.fillsAddress ? childPath(scopeOf(path), field.fillsAddress) : null;
  const canFill = !!(target && ctx.lookupPostal && ctx.editable(target));
  const fill = (m: PostalMatch) => {
    const cur = getAt(ctx.answers(), target!) as AddressAnswer | undefined;
    ctx.set(target!, { ...EMPTY, ...cur, prefecture: m.prefecture, city: m.city, street: m.town });
    setChoices([]);
    setStatus(t('applications.form.postal_filled', { address: `${m.prefecture}${m.city}${m.town}` }));
  };
  const lookup = async () => {
    const code = asciiNumber(value).replace(/[-\s]/g, '');
    setChoices([]);
    if (!/^\d{7}$/.test(code)) { setStatus(t('applications.form.postal_invalid')); return; }
    setBusy(true);
    try {
      const found = await ctx.lookupPostal!(code);
      if (found.length === 0) setStatus(t('applications.form.postal_none'));
      else if (found.length === 1) fill(found[0]);
      else { setChoices(found); setStatus(t('applications.form.postal_choose', { n: found.length })); }
    } catch {
      setStatus(t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Shell field={field} id={id} error={error}>
      <div className="flex flex-wrap items-center gap-3">
        <input id={id} name={id} type="text" inputMode="numeric" autoComplete="postal-code" value={value} maxLength={8}
          onChange={(e) => ctx.set(path, e.target.value)} onBlur={() => value && ctx.set(path, asciiNumber(value))}
          className="field-input max-w-44" aria-invalid={error ? true : undefined} aria-required={field.required || undefined}
          aria-describedby={describedBy(id, !!ctx.text(field.help), error, canFill ? `${id}-status` : undefined)} />
        {canFill && <Button variant="secondary" busy={busy} onClick={lookup}>{t('applications.form.postal_lookup')}</Button>}
      </div>
      {canFill && <p id={`${id}-status`} role="status" className="mt-2 text-std-16N-170 text-solid-gray-800">{status}</p>}
      {choices.length > 0 && (
        <ul className="mt-2 flex flex-col gap-2" aria-label={t('applications.form.postal_choices')}>
          {choices.map((m) => (
            <li key={`${m.prefecture}${m.city}${m.town}`}>
              <Button variant="secondary" className="w-full justify-start text-left" onClick={() => fill(m)}>{m.prefecture}{m.city}{m.town}</Button>
            </li>
          ))}
        </ul>
      )}
    </Shell>
  );
}

/** 都道府県, 市区町村, 町域・番地 and 建物名 as separate boxes (the browser can fill them). */
export function AddressField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const raw = getAt(ctx.answers(), path);
  const addr: AddressAnswer = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...EMPTY, ...(raw as AddressAnswer) } : EMPTY;
  const part = (key: keyof AddressAnswer, autoComplete: string) => ({
    id: `${id}-${key}`,
    value: addr[key] ?? '',
    autoComplete,
    error: ctx.error(childPath(path, key)),
    label: t(`applications.form.address_${key}`),
    onChange: (v: string) => ctx.set(path, { ...EMPTY, ...(getAt(ctx.answers(), path) as AddressAnswer | undefined), [key]: v }),
  });
  return (
    <FieldsetShell field={field} id={id} error={error}>
      <PrefectureSelect {...part('prefecture', 'address-level1')} />
      <SubInput {...part('city', 'address-level2')} />
      <SubInput {...part('street', 'address-line1')} />
      <SubInput {...part('building', 'address-line2')} />
    </FieldsetShell>
  );
}

/** 都道府県 as a list of the 47 (a value from elsewhere that is not one of them stays choosable). */
function PrefectureSelect({ id, label, value, onChange, error, autoComplete }: { id: string; label: string; value: string; onChange(v: string): void; error?: string; autoComplete: string }) {
  const { t } = useI18n();
  const options = value && !PREFECTURES.includes(value) ? [value, ...PREFECTURES] : PREFECTURES;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-std-16B-170 text-solid-gray-900">{label}</label>
      {error && <p id={`${id}-error`} className="mb-1 text-std-16B-170 text-error-2">{error}</p>}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} autoComplete={autoComplete} className="field-input max-w-60 pr-8"
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t('applications.form.choose')}</option>
        {options.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
    </div>
  );
}
