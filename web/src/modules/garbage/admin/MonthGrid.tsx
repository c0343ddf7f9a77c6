import { useI18n } from '../../../app/i18n/index.tsx';
import type { Category, Collection } from '../admin-api.ts';
import { textOf } from './TextsEditor.tsx';
import { Swatch } from './Swatch.tsx';

/** Days of `month` (YYYY-MM) in weeks starting on Sunday, null for the padding cells. */
export function weeksOf(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: (string | null)[] = Array(first.getUTCDay()).fill(null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** The month as a calendar table: each day lists its collections by category colour and name. */
export function MonthGrid({ month, collections, categories, caption }: { month: string; collections: Collection[]; categories: Category[]; caption: string }) {
  const { t, lang } = useI18n();
  const byDate = new Map<string, Collection[]>();
  for (const c of collections) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  const cat = (id: string) => categories.find((c) => c.id === id);
  return (
    <div className="mb-8 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-std-16N-170" data-testid="month-grid">
        <caption className="sr-only">{caption}</caption>
        <thead><tr>{[0, 1, 2, 3, 4, 5, 6].map((d) => <th key={d} scope="col" className="border border-solid-gray-420 bg-solid-gray-50 px-2 py-1 text-std-16B-170">{t(`garbage.admin.wd.${d}`)}</th>)}</tr></thead>
        <tbody>
          {weeksOf(month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => (
                <td key={j} className="h-24 border border-solid-gray-420 p-1 align-top" data-date={day ?? undefined}>
                  {day && <>
                    <span className="block text-dns-14B-130">{Number(day.slice(8))}</span>
                    <ul>
                      {(byDate.get(day) ?? []).map((c) => (
                        <li key={c.categoryId} className="flex items-center gap-1 text-dns-14N-130">
                          <Swatch color={cat(c.categoryId)?.color ?? '#767676'} />
                          {textOf(cat(c.categoryId)?.name, lang) || c.categoryId}
                          {c.movedFrom && <span className="text-solid-gray-700">{t('garbage.admin.moved_from', { date: c.movedFrom.slice(5) })}</span>}
                        </li>
                      ))}
                    </ul>
                  </>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
