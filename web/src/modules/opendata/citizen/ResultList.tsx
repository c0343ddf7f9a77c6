import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Link } from '../../../app/router.tsx';
import { formatDate } from '../../../app/format.ts';
import type { CkanLicense, CkanPackage } from '../types.ts';
import { ckanDate, localText } from './text.ts';
import { FormatBadges, licenseTitle, Title } from './bits.tsx';

/** The datasets of one result page: title (English beside for English readers), organisation, formats, updated date, licence. */
export function ResultList({ results, licenses }: { results: CkanPackage[]; licenses: Map<string, CkanLicense> }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  return (
    <ul aria-label={t('opendata.results')} className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
      {results.map((p) => {
        const org = p.organization ? localText(p.organization.title_translated, p.organization.title, lang) : null;
        const updated = ckanDate(p.metadata_modified);
        return (
          <li key={p.id} data-testid="opendata-result">
            <article aria-labelledby={`ds-${p.id}`} className="py-5">
              <h2 id={`ds-${p.id}`} className="text-std-20B-150">
                <Link href={to(`/opendata/dataset/${encodeURIComponent(p.name)}`)}><Title pkg={p} /></Link>
              </h2>
              {org && <p className="mt-1 text-std-16N-170 text-solid-gray-800"><span lang={org.lang}>{org.text}</span></p>}
              <FormatBadges resources={p.resources} className="mt-2" />
              <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-dns-16N-130 text-solid-gray-800">
                {updated && <div className="flex gap-2"><dt className="shrink-0">{t('opendata.updated')}</dt><dd><time dateTime={updated.toISOString()}>{formatDate(updated, lang)}</time></dd></div>}
                <div className="flex gap-2"><dt className="shrink-0">{t('opendata.license')}</dt><dd>{licenseTitle(p, licenses)}</dd></div>
              </dl>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
