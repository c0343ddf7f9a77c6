import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link } from '../../../app/router.tsx';
import { newestPackages } from '../api.ts';
import { Title } from './bits.tsx';
import { ckanDate } from './text.ts';

/** The three most recently updated datasets, for the portal's home page; nothing when there are none (or on error). */
export function LatestDatasets() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { data } = useLoad(() => newestPackages(api, 3), [api]);
  if (!data || data.results.length === 0) return null;
  return (
    <section aria-labelledby="latest-opendata" className="mb-12">
      <h2 id="latest-opendata" className="mb-4 text-std-24B-150">{t('opendata.home_title')}</h2>
      <ul className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
        {data.results.map((p) => {
          const updated = ckanDate(p.metadata_modified);
          return (
            <li key={p.id} className="flex flex-col gap-1 py-4 sm:flex-row sm:gap-6">
              {updated && <time dateTime={updated.toISOString()} className="shrink-0 text-dns-16N-130 text-solid-gray-700 sm:w-44">{formatDate(updated, lang)}</time>}
              <Link href={to(`/opendata/dataset/${encodeURIComponent(p.name)}`)} className="text-std-17B-170"><Title pkg={p} /></Link>
            </li>
          );
        })}
      </ul>
      <p className="mt-4 text-std-16N-170"><Link href={to('/opendata')}>{t('opendata.home_all')}</Link></p>
    </section>
  );
}
