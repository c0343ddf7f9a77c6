import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { Button } from '../../../components/Button.tsx';
import { collectionsOf, monthGrid, type CalendarInput, type Category } from '../engine.ts';
import { CategoryIcon } from './CategoryMark.tsx';
import { formatMonth, shiftMonth, weekdayNames } from './texts.ts';
import { Localized } from './Localized.tsx';

/**
 * A month of collections (Sunday first) with previous / next month inside the bundle's range. Cells
 * show each category's icon on its colour, named for screen readers, with a legend below, so neither
 * colour nor shape alone tells the categories apart.
 */
export function MonthCalendar({ input, areaId, categories, today, range }:
  { input: CalendarInput; areaId: string; categories: Map<string, Category>; today: string; range: { from: string; to: string } }) {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(today.slice(0, 7));
  const weeks = monthGrid([], month);
  const first = weeks[0]![0]!.date;
  const last = weeks[weeks.length - 1]![6]!.date;
  const from = first < range.from ? range.from : first;
  const to = last > range.to ? range.to : last;
  const grid = monthGrid(from <= to ? collectionsOf(input, areaId, from, to) : [], month);
  const names = weekdayNames(lang);
  const seen = new Map<string, Category>();
  for (const w of grid) for (const d of w) if (d.inMonth) for (const c of d.collections) { const cat = categories.get(c.categoryId); if (cat) seen.set(cat.id, cat); }
  const caption = t('garbage.calendar_caption', { month: formatMonth(month, lang) });
  const canPrev = shiftMonth(month, -1) >= range.from.slice(0, 7);
  const canNext = `${shiftMonth(month, 1)}-01` <= range.to;
  return (
    <section aria-labelledby="garbage-calendar" className="mb-10">
      <h2 id="garbage-calendar" className="mb-3 text-std-24B-150">{t('garbage.calendar_title')}</h2>
      <div className="mb-3 flex items-center justify-between gap-2">
        <Button variant="secondary" size="sm" className="min-h-12" disabled={!canPrev} onClick={() => setMonth(shiftMonth(month, -1))}>{t('garbage.prev_month')}</Button>
        <p aria-live="polite" className="text-std-18B-160">{formatMonth(month, lang)}</p>
        <Button variant="secondary" size="sm" className="min-h-12" disabled={!canNext} onClick={() => setMonth(shiftMonth(month, 1))}>{t('garbage.next_month')}</Button>
      </div>
      <table className="w-full table-fixed border-collapse text-center">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{names.map((n, i) => <th key={n} scope="col" className={`py-1 text-dns-14B-130 ${i === 0 ? 'text-error-2' : i === 6 ? 'text-key-900' : ''}`}>{n}</th>)}</tr>
        </thead>
        <tbody>
          {grid.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((d) => {
                const isToday = d.date === today;
                if (!d.inMonth) return <td key={d.date} className="h-16 border border-solid-gray-200 bg-solid-gray-50" />;
                const day = Number(d.date.slice(8));
                return (
                  <td key={d.date} className={`h-16 border align-top ${isToday ? 'border-2 border-key-900 bg-key-50' : 'border-solid-gray-200'}`}
                    aria-current={isToday ? 'date' : undefined} data-date={d.date}>
                    <span className={`block text-dns-14B-130 ${isToday ? 'text-key-900' : ''}`}>{day}{isToday && <span className="sr-only">（{t('garbage.today')}）</span>}</span>
                    <span className="mt-0.5 flex flex-wrap justify-center gap-0.5">
                      {d.collections.map((c) => {
                        const cat = categories.get(c.categoryId) ?? null;
                        return <span key={c.categoryId}>
                          <CategoryIcon category={cat} className="size-6" />
                          <Localized texts={cat?.name} lang={lang} className="sr-only" />
                        </span>;
                      })}
                      {d.collections.length === 0 && <span className="sr-only">{t('garbage.no_collection')}</span>}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {seen.size > 0 && (
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2" aria-label={t('garbage.calendar_title')}>
          {[...seen.values()].sort((a, b) => a.sortOrder - b.sortOrder).map((c) => (
            <li key={c.id} className="flex items-center gap-1.5 text-dns-14N-130"><CategoryIcon category={c} className="size-6" /><Localized texts={c.name} lang={lang} /></li>
          ))}
        </ul>
      )}
    </section>
  );
}
