import { useI18n } from '../../../app/i18n/index.tsx';
import type { CkanLicense, CkanPackage, CkanResource } from '../types.ts';

/**
 * A dataset's title: Japanese for Japanese readers; for others the English title with the Japanese
 * beside it (the name the city uses, e.g. on the phone), or the Japanese alone marked as such.
 */
export function Title({ pkg }: { pkg: Pick<CkanPackage, 'title' | 'title_translated'> }) {
  const { lang } = useI18n();
  const ja = pkg.title_translated?.ja || pkg.title;
  const en = pkg.title_translated?.en;
  if (lang === 'ja' || lang === 'ja-easy') return <>{ja}</>;
  if (!en) return <span lang="ja">{ja}</span>;
  return <>{en}<span lang="ja" className="ml-2 text-std-16N-170 text-solid-gray-800">{ja}</span></>;
}

/** The distinct formats of a dataset's resources as badges (CSV, PDF …). */
export function FormatBadges({ resources, className = '' }: { resources: CkanResource[]; className?: string }) {
  const { t } = useI18n();
  const formats = [...new Set(resources.map((r) => r.format.trim().toUpperCase()).filter(Boolean))];
  if (formats.length === 0) return null;
  return (
    <ul aria-label={t('opendata.formats')} className={`flex flex-wrap gap-2 ${className}`}>
      {formats.map((f) => <li key={f}><FormatBadge format={f} /></li>)}
    </ul>
  );
}

/** One format as a badge. */
export function FormatBadge({ format }: { format: string }) {
  return <span className="inline-block rounded-4 border border-key-900 bg-white px-1.5 text-dns-14B-130 text-key-900">{format.toUpperCase() || '—'}</span>;
}

/** A package's licence title in the UI language (English titles from license_list when loaded). */
export function licenseTitle(pkg: Pick<CkanPackage, 'license_id' | 'license_title'>, licenses: Map<string, CkanLicense>): string {
  return licenses.get(pkg.license_id)?.title_en || pkg.license_title || pkg.license_id;
}
