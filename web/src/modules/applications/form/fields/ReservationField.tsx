import { useEffect, useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { describedBy, useFormContext } from '../context.ts';
import { getAt } from '../paths.ts';
import { bothCalendars } from './DateField.tsx';
import { FieldsetShell, type FieldViewProps } from './Shell.tsx';

interface Slot { date: string; time: string; startsAt: string; free: number; state: string }
interface Day { date: string; free: number; slots: Slot[] }

const jstMonth = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 7);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * A slot of a reservations resource: month → day with free places → time (places left), read from the
 * public reservations API. The answer is `{start, examTypeCode?}`; the server books it with the submission.
 */
export function ReservationField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t, lang } = useI18n();
  const { api } = useTenant();
  const stored = getAt(ctx.answers(), path) as { start?: string } | null | undefined;
  const start = typeof stored?.start === 'string' ? stored.start : '';
  const [month, setMonth] = useState(jstMonth(start ? Date.parse(start) : Date.now()));
  const [day, setDay] = useState(start ? new Date(Date.parse(start) + 9 * 3600_000).toISOString().slice(0, 10) : '');
  const [days, setDays] = useState<Day[] | null>(null);
  const [failed, setFailed] = useState(false);
  const resourceId = field.resourceId ?? '';

  useEffect(() => {
    let live = true;
    setDays(null);
    setFailed(false);
    (async () => {
      const r = encodeURIComponent(resourceId);
      let exam = '';
      if (field.examTypeCode) {
        const res = await api.get<{ examTypes: { id: string; code: string }[] }>(`/reservations/resources/${r}?lang=${lang}`);
        exam = res.examTypes.find((e) => e.code === field.examTypeCode)?.id ?? '';
      }
      const cal = await api.get<{ days: Day[] }>(`/reservations/resources/${r}/slots?month=${month}${exam ? `&examTypeId=${encodeURIComponent(exam)}` : ''}&lang=${lang}`);
      if (live) setDays(cal.days);
    })().catch(() => { if (live) setFailed(true); });
    return () => { live = false; };
    // `error` too: after the server refuses a slot taken meanwhile, the list shows what is free now.
  }, [api, resourceId, field.examTypeCode, month, lang, error]);

  const open = (days ?? []).filter((d) => d.free > 0);
  const slots = (days ?? []).find((d) => d.date === day)?.slots.filter((s) => s.state === 'open' && s.free > 0) ?? [];
  const choose = (startsAt: string) => ctx.set(path, startsAt ? { start: startsAt, ...(field.examTypeCode ? { examTypeCode: field.examTypeCode } : {}) } : null);
  const thisMonth = jstMonth(Date.now());
  const months = [0, 1, 2, 3].map((n) => addMonths(thisMonth, n));
  const cls = 'field-input max-w-80 min-h-11';
  return (
    <FieldsetShell field={field} id={id} error={error}>
      <div className="flex flex-col gap-3">
        <label className="flex flex-col gap-1" htmlFor={`${id}-month`}>{t('applications.form.slot_month')}
          <select id={`${id}-month`} className={cls} value={month} onChange={(e) => { setMonth(e.target.value); setDay(''); choose(''); }}>
            {months.map((m) => <option key={m} value={m}>{lang === 'en' ? m : `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`}</option>)}
          </select>
        </label>
        {failed && <p role="alert" className="text-error-1">{t('applications.form.slot_error')}</p>}
        {days && open.length === 0 && <p aria-live="polite">{t('applications.form.slot_none')}</p>}
        <label className="flex flex-col gap-1" htmlFor={`${id}-day`}>{t('applications.form.slot_day')}
          <select id={`${id}-day`} className={cls} value={day} disabled={!open.length} onChange={(e) => { setDay(e.target.value); choose(''); }}>
            <option value="">{t('applications.form.slot_choose')}</option>
            {open.map((d) => <option key={d.date} value={d.date}>{bothCalendars(d.date, lang)}</option>)}
          </select>
        </label>
        {/* The fieldset has `id` (the error summary links to it), so the time select needs an id of its own. */}
        <label className="flex flex-col gap-1" htmlFor={`${id}-time`}>{t('applications.form.slot_time')}
          <select id={`${id}-time`} className={cls} value={slots.some((s) => s.startsAt === start) ? start : ''} disabled={!slots.length}
            aria-invalid={error ? true : undefined} aria-required={field.required || undefined}
            aria-describedby={describedBy(id, !!ctx.text(field.help), error)} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('applications.form.slot_choose')}</option>
            {slots.map((s) => <option key={s.startsAt} value={s.startsAt}>{t('applications.form.slot_left', { time: s.time, n: s.free })}</option>)}
          </select>
        </label>
      </div>
    </FieldsetShell>
  );
}
