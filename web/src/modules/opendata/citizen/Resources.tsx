import { useI18n } from '../../../app/i18n/index.tsx';
import { buttonClass } from '../../../components/Button.tsx';
import type { CkanResource } from '../types.ts';
import { FormatBadge } from './bits.tsx';
import { formatSize, localText } from './text.ts';

/**
 * A dataset's files: name, format, size, how often downloaded and the download link (the resource's
 * url: this catalog's download address for uploads, counted there, or the page linked to).
 */
export function Resources({ resources }: { resources: CkanResource[] }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="od-resources" className="mb-10">
      <h2 id="od-resources" className="mb-3 text-std-24B-150">{t('opendata.resources')}</h2>
      {resources.length === 0 && <p className="text-std-16N-170">{t('opendata.resources_none')}</p>}
      <ul className="grid gap-4">
        {resources.map((r) => {
          const name = localText(r.name_translated, r.name, lang);
          const desc = localText(r.description_translated, r.description, lang);
          const size = formatSize(r.size);
          const hosted = r.url_type === 'upload' || r.url_type === 'living';
          return (
            <li key={r.id} className="rounded-12 border border-solid-gray-420 bg-white p-4" data-testid="opendata-resource">
              <h3 id={`res-${r.id}`} className="mb-1 text-std-18B-160"><span lang={name.lang}>{name.text}</span></h3>
              {desc.text && <p lang={desc.lang} className="mb-2 whitespace-pre-line text-std-16N-170 text-solid-gray-800">{desc.text}</p>}
              <p className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-dns-16N-130 text-solid-gray-800">
                {r.format && <FormatBadge format={r.format} />}
                {size && <span>{t('opendata.size', { size })}</span>}
                <span>{t('opendata.downloads', { n: r.download_count.toLocaleString('ja-JP') })}</span>
              </p>
              {r.check && (
                <p className={`mb-3 text-std-16N-170 ${r.check.ok ? 'text-success-2' : 'text-solid-gray-800'}`}>
                  {r.check.ok ? t('opendata.check_ok') : t('opendata.check_problems', { n: r.check.problems })}
                </p>
              )}
              {r.url && (
                <a href={r.url} className={buttonClass('secondary', 'md')} aria-describedby={`res-${r.id}`}
                  {...(hosted ? {} : { rel: 'noopener' })}>
                  {t(hosted ? 'opendata.download' : 'opendata.open_link')}
                  {r.format && <span className="sr-only">{` (${r.format})`}</span>}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
