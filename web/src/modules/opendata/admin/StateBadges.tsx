import { useI18n } from '../../../app/i18n/index.tsx';
import type { CkanResource } from './types.ts';
import { checkOf, type Publication } from './util.ts';

const PUBLICATION_LOOK: Record<Publication, string> = {
  draft: 'border-solid-gray-700 border-dashed',
  private: 'border-warning-orange-2',
  public: 'border-success-2 border-2',
};

/** 下書き / 非公開 / 公開 as a bordered label (text, so it does not rely on colour). */
export function PublicationBadge({ state }: { state: Publication }) {
  const { t } = useI18n();
  const label = state === 'draft' ? t('opendata.admin.state.draft') : state === 'private' ? t('opendata.admin.state.private') : t('opendata.admin.state.public');
  return <span className={`inline-block rounded-4 border bg-white px-2 text-dns-14B-130 text-solid-gray-900 ${PUBLICATION_LOOK[state]}`}>{label}</span>;
}

/** A dataset's standard-check status in words. */
export function CheckStatus({ resources }: { resources: CkanResource[] }) {
  const { t } = useI18n();
  const s = checkOf(resources);
  if (s === 'failed') return <span className="text-std-16B-170 text-error-2">{t('opendata.admin.check.failed')}</span>;
  return <span>{s === 'passed' ? t('opendata.admin.check.passed') : t('opendata.admin.check.none')}</span>;
}

/** A resource's standard-check status in words (with its rows or problems). */
export function ResourceCheckStatus({ resource }: { resource: CkanResource }) {
  const { t } = useI18n();
  const c = resource.check;
  if (!c) return <span>{t('opendata.admin.check.none')}</span>;
  if (c.ok) return <span>{t('opendata.admin.check.passed_rows', { rows: c.rows })}</span>;
  return <span className="text-std-16B-170 text-error-2">{t('opendata.admin.check.failed_problems', { n: c.problems })}</span>;
}
