import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Link } from '../../../app/router.tsx';
import { addDays, nextCollections, toJstDateString } from '../engine.ts';
import { useGarbage } from './useGarbage.ts';
import { storedArea } from './store.ts';
import { CategoryMark } from './CategoryMark.tsx';
import { formatDay, pickTexts } from './texts.ts';

/** On the portal's home page, for someone who chose an area before: the next two collections. */
export function GarbageHome() {
  const { slug } = useTenant();
  // Nobody who never opened the garbage pages pays for loading the bundle.
  return storedArea(slug) ? <NextOnHome slug={slug} code={storedArea(slug)!} /> : null;
}

function NextOnHome({ slug, code }: { slug: string; code: string }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  const { answer, derived } = useGarbage(slug);
  const area = answer?.bundle.areas.find((a) => a.code === code);
  if (!answer || !derived || !area) return null;
  const today = toJstDateString(new Date());
  const next = nextCollections(derived.input, area.id, today).slice(0, 2);
  if (next.length === 0) return null;
  const tomorrow = addDays(today, 1);
  return (
    <section aria-labelledby="garbage-home" className="mb-12">
      <h2 id="garbage-home" className="mb-4 text-std-24B-150">{t('garbage.home_title', { area: pickTexts(area.name, lang) })}</h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {next.map((n) => {
          const soon = n.next.date === today ? 'garbage.today' : n.next.date === tomorrow ? 'garbage.tomorrow' : null;
          return (
            <li key={n.categoryId} className="flex flex-wrap items-center justify-between gap-2 rounded-12 border border-solid-gray-420 bg-white p-4">
              <CategoryMark category={derived.categories.get(n.categoryId) ?? null} lang={lang} fallback="" />
              <span className="text-std-18B-160">{soon && <span className="mr-2 rounded-4 bg-key-900 px-2 py-0.5 text-dns-16B-130 text-white">{t(soon)}</span>}{formatDay(n.next.date, lang)}</span>
            </li>
          );
        })}
      </ul>
      <p className="mt-4 text-std-16N-170"><Link href={to('/garbage')}>{t('garbage.calendar_title')}</Link></p>
    </section>
  );
}
