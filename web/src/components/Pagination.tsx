import { useI18n } from '../app/i18n/index.tsx';
import { Button } from './Button.tsx';

/** Previous / next paging with "n–m of total". */
export function Pagination({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange(offset: number): void }) {
  const { t } = useI18n();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav aria-label={t('paging.label')} className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>{t('paging.prev')}</Button>
      <p className="text-std-16N-170" aria-live="polite">{t('paging.range', { from, to, total })}</p>
      <Button variant="secondary" size="sm" disabled={to >= total} onClick={() => onChange(offset + limit)}>{t('paging.next')}</Button>
    </nav>
  );
}
