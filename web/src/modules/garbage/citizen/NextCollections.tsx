import { useI18n } from '../../../app/i18n/index.tsx';
import { addDays, nextCollections, type CalendarInput, type Category } from '../engine.ts';
import { CategoryMark } from './CategoryMark.tsx';
import { formatDay, pickTexts } from './texts.ts';
import { Localized } from './Localized.tsx';

/** For each category collected in the area: the next date (今日 / 明日 stand out) and how to put it out. */
export function NextCollections({ input, areaId, categories, today }: { input: CalendarInput; areaId: string; categories: Category[]; today: string }) {
  const { t, lang } = useI18n();
  const next = new Map(nextCollections(input, areaId, today).map((n) => [n.categoryId, n]));
  const used = new Set(input.rules.filter((r) => r.areaId === areaId).map((r) => r.categoryId));
  const shown = categories.filter((c) => used.has(c.id) || next.has(c.id))
    .sort((a, b) => (next.get(a.id)?.next.date ?? '9999').localeCompare(next.get(b.id)?.next.date ?? '9999') || a.sortOrder - b.sortOrder);
  const tomorrow = addDays(today, 1);
  return (
    <section aria-labelledby="garbage-next" className="mb-10">
      <h2 id="garbage-next" className="mb-3 text-std-24B-150">{t('garbage.next_title')}</h2>
      <ul className="grid gap-3 md:grid-cols-2">
        {shown.map((c) => {
          const n = next.get(c.id);
          const date = n?.next.date;
          const soon = date === today ? 'garbage.today' : date === tomorrow ? 'garbage.tomorrow' : null;
          return (
            <li key={c.id} className={`rounded-12 border-2 bg-white p-4 ${soon ? 'border-key-900' : 'border-solid-gray-420'}`} style={{ borderLeftColor: c.color, borderLeftWidth: 10 }}>
              <CategoryMark category={c} lang={lang} fallback="" />
              <p className="mt-2 flex flex-wrap items-center gap-2 text-std-20B-150" data-testid={`next-${c.code}`}>
                {soon && <span className="rounded-4 bg-key-900 px-2 py-0.5 text-dns-16B-130 text-white">{t(soon)}</span>}
                {date ? formatDay(date, lang) : <span className="text-std-16N-170 text-solid-gray-700">{t('garbage.no_next')}</span>}
              </p>
              {n?.next.movedFrom && <p className="text-dns-14N-130 text-solid-gray-800">{t('garbage.moved_from', { date: formatDay(n.next.movedFrom, lang) })}</p>}
              {n?.next.note && <p className="text-dns-14N-130 text-solid-gray-800"><Localized texts={n.next.note} lang={lang} /></p>}
              {pickTexts(c.howTo, lang) && (
                <p className="mt-2 text-std-16N-170 text-solid-gray-800"><span className="font-bold">{t('garbage.how_to')}：</span><Localized texts={c.howTo} lang={lang} /></p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
