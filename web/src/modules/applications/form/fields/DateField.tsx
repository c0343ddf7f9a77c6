import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { describedBy, useFormContext } from '../context.ts';
import { normalizeDateInput } from '../engine.ts';
import { getAt } from '../paths.ts';
import { Shell, type FieldViewProps } from './Shell.tsx';

/** `2024-04-01` → 「2024年4月1日（令和6年4月1日）」 (western and Japanese calendars); English: 1 April 2024. */
export function bothCalendars(iso: string, lang: string): string {
  const d = new Date(`${iso}T00:00:00+09:00`);
  if (Number.isNaN(d.getTime())) return iso;
  const opts = { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' } as const;
  const western = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', opts).format(d);
  const era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { ...opts, era: 'long' }).format(d);
  return `${western}（${era}）`;
}

/**
 * A date typed as text, in either calendar: 令和6年4月1日, R6.4.1, 2024/4/1 or 2024-04-01. On leaving
 * the box it is read by the engine's normalizeDateInput; the answer is then `YYYY-MM-DD`, shown below
 * in both calendars. Text that reads as no date stays as typed, so validation names the problem.
 */
export function DateField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t, lang } = useI18n();
  const stored = getAt(ctx.answers(), path);
  const storedText = typeof stored === 'string' ? stored : '';
  const [text, setText] = useState(storedText);
  // A change from outside (a draft loaded, an item removed) replaces what is shown.
  const [seen, setSeen] = useState(storedText);
  if (storedText !== seen) {
    setSeen(storedText);
    if (normalizeDateInput(text) !== storedText) setText(storedText);
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(storedText) ? storedText : null;
  const commit = () => {
    const v = text.trim();
    const next = v === '' ? null : normalizeDateInput(v) ?? v;
    setSeen(next ?? '');
    ctx.set(path, next);
  };
  return (
    <Shell field={field} id={id} error={error}>
      <p id={`${id}-format`} className="mb-1 text-std-16N-170 text-solid-gray-700">{t('applications.form.date_hint')}</p>
      <input id={id} name={id} type="text" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); }}
        autoComplete={field.key.toLowerCase().includes('birth') ? 'bday' : 'off'} className="field-input max-w-80"
        aria-invalid={error ? true : undefined} aria-required={field.required || undefined}
        aria-describedby={describedBy(id, !!ctx.text(field.help), error, `${id}-format ${id}-read`)} />
      {/* One line kept free for the read-out, so nothing below moves when it appears (a tap would miss). */}
      <p id={`${id}-read`} aria-live="polite" className="mt-1 flex min-h-7 items-center gap-1 text-std-16B-170 text-solid-gray-800">
        {iso && text.trim() !== '' && <>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0 fill-success-2"><path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" /></svg>
          <span className="sr-only">{t('applications.form.date_read')}</span>{bothCalendars(iso, lang)}
        </>}
      </p>
    </Shell>
  );
}
