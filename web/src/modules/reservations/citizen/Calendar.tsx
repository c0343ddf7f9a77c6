import { useI18n } from '../../../app/i18n/index.tsx';
import type { CalendarDay, MonthCalendar } from '../citizen-api.ts';
import { formatDay, formatMonth } from './format.ts';

/** What a day offers, in words (never colour alone). */
export function dayState(d: CalendarDay): 'closed' | 'none' | 'free' | 'lottery' | 'full' | 'not_yet' | 'past' {
  if (d.closed) return 'closed';
  if (d.slots.length === 0) return 'none';
  if (d.slots.some((s) => s.state === 'open' && s.free > 0)) return 'free';
  if (d.slots.some((s) => s.state === 'lottery')) return 'lottery';
  if (d.slots.some((s) => s.state === 'full')) return 'full';
  if (d.slots.some((s) => s.state === 'not_yet_open')) return 'not_yet';
  return 'past';
}

/** A month as a table, a week a row; days one can book (or wait for) are buttons naming the day and its seats. */
export function Calendar({ data, selected, onPick, onMonth }:
  { data: MonthCalendar; selected: string | null; onPick(date: string): void; onMonth(by: number): void }) {
  const { t, lang } = useI18n();
  const first = data.days[0]?.weekday ?? 0;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: first }, () => null), ...data.days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const closedDays = data.days.filter((d) => d.closed && d.closed !== 'no_hours');
  const short = (d: CalendarDay) => {
    const s = dayState(d);
    if (s === 'free') return t('reservations.day_free_n', { n: d.free });
    return t(`reservations.day_${s === 'not_yet' ? 'not_yet' : s}`);
  };
  const month = formatMonth(data.month, lang);
  return (
    <div className="mb-6">
      <div className="mb-3 flex items-center justify-between gap-2">
        <button type="button" onClick={() => onMonth(-1)} className="min-h-11 min-w-11 rounded-8 border-2 border-key-900 px-3 text-std-16B-170 text-key-900 hover:bg-key-50">
          <span aria-hidden="true">‹ </span>{t('reservations.prev_month')}
        </button>
        <p className="text-std-18B-160" aria-live="polite">{month}</p>
        <button type="button" onClick={() => onMonth(1)} className="min-h-11 min-w-11 rounded-8 border-2 border-key-900 px-3 text-std-16B-170 text-key-900 hover:bg-key-50">
          {t('reservations.next_month')}<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <table className="w-full table-fixed border-collapse text-center">
        <caption className="sr-only">{t('reservations.calendar_caption', { month })}</caption>
        <thead>
          <tr>{[0, 1, 2, 3, 4, 5, 6].map((w) => <th key={w} scope="col" className="py-1 text-dns-14B-130">{t(`reservations.weekday_${w}`)}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((d, j) => {
                if (!d) return <td key={j} />;
                const s = dayState(d);
                const day = Number(d.date.slice(8));
                const clickable = s === 'free' || s === 'full' || s === 'lottery';
                const words = <><span className="sr-only">{formatDay(d.date, lang)} </span><span aria-hidden="true" className="block text-dns-16B-130">{day}</span>
                  <span className="block text-[11px] leading-tight">{short(d)}</span>{d.note && <span className="sr-only"> {d.note}</span>}</>;
                return (
                  <td key={d.date} className="border border-solid-gray-420 p-0.5 align-top">
                    {clickable ? (
                      <button type="button" onClick={() => onPick(d.date)} aria-pressed={selected === d.date}
                        className={`min-h-11 w-full rounded-4 border-2 py-1 ${selected === d.date ? 'border-key-900 bg-key-900 text-white' : s === 'free' ? 'border-key-900 bg-white text-key-900 hover:bg-key-50' : 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800'}`}>
                        {words}
                      </button>
                    ) : <div className="min-h-11 py-1 text-solid-gray-700">{words}</div>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-dns-14N-130 text-solid-gray-800">{t('reservations.legend')}</p>
      {closedDays.length > 0 && (
        <ul className="mt-2 text-dns-14N-130 text-solid-gray-800">
          {closedDays.map((d) => <li key={d.date}>{formatDay(d.date, lang)}：{d.note ?? t(`reservations.closed_${d.closed}`)}（{t('reservations.day_closed')}）</li>)}
        </ul>
      )}
    </div>
  );
}
