import { useI18n } from '../../../../app/i18n/index.tsx';
import { TextField } from '../../../../components/fields.tsx';
import { RadioRow } from './controls.tsx';

type Kind = 'none' | 'date' | 'today';

/** Reads `2024-04-01`, `today`, `today+7`, `today-30` into a kind and its value. */
export function parseBound(v: string | undefined): { kind: Kind; date: string; offset: number } {
  if (!v) return { kind: 'none', date: '', offset: 0 };
  const m = /^today(?:([+-])(\d+))?$/.exec(v);
  if (m) return { kind: 'today', date: '', offset: m[1] ? Number(`${m[1]}${m[2]}`) : 0 };
  return { kind: 'date', date: v, offset: 0 };
}

/** The value a bound is stored as (`today`, `today+7`, `2024-04-01`), or undefined for none. */
export function formatBound(kind: Kind, date: string, offset: number): string | undefined {
  if (kind === 'none') return undefined;
  if (kind === 'date') return date || undefined;
  return offset === 0 ? 'today' : `today${offset > 0 ? '+' : '-'}${Math.abs(offset)}`;
}

/** One end of a date field's range: none, a fixed date, or today ± N days (JST). */
export function DateBound({ id, legend, value, onChange }: { id: string; legend: string; value: string | undefined; onChange(v: string | undefined): void }) {
  const { t } = useI18n();
  const b = parseBound(value);
  return (
    <fieldset className="mb-4 rounded-8 border border-solid-gray-420 p-3">
      <legend className="px-1 text-std-17B-170">{legend}</legend>
      {(['none', 'date', 'today'] as const).map((k) => (
        <RadioRow key={k} id={`${id}-${k}`} name={id} label={t(`applications.builder.bound_${k}`)} checked={b.kind === k}
          onChange={() => onChange(formatBound(k, b.date || new Date().toISOString().slice(0, 10), b.offset))} />
      ))}
      {b.kind === 'date' && <TextField noTag id={`${id}-date`} type="date" label={t('applications.builder.bound_date_value')} value={b.date} className="mb-0 mt-2"
        onChange={(v) => onChange(formatBound('date', v, 0))} />}
      {b.kind === 'today' && <TextField noTag id={`${id}-offset`} type="number" inputMode="numeric" label={t('applications.builder.bound_offset')} hint={t('applications.builder.bound_offset_hint')}
        value={String(b.offset)} className="mb-0 mt-2" onChange={(v) => onChange(formatBound('today', '', Number(v) || 0))} />}
    </fieldset>
  );
}
