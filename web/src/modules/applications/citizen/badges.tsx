import { useI18n } from '../../../app/i18n/index.tsx';
import type { IdentityLevel, SubmissionStatus } from '../citizen-api.ts';

const tag = 'inline-flex items-center rounded-4 border px-2 py-0.5 text-dns-14B-130';

/** 受付中 / 受付期間外. */
export function OpenBadge({ open }: { open: boolean }) {
  const { t } = useI18n();
  return open
    ? <span className={`${tag} border-success-2 bg-green-50 text-success-2`}>{t('applications.open')}</span>
    : <span className={`${tag} border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800`}>{t('applications.closed')}</span>;
}

/** What proof of identity the procedure needs, in a word. */
export function IdentityBadge({ level }: { level: IdentityLevel }) {
  const { t } = useI18n();
  return <span className={`${tag} border-key-900 text-key-900`}>{t(`applications.level.${level}`)}</span>;
}

const STATUS_LOOK: Record<SubmissionStatus, string> = {
  received: 'border-key-900 bg-key-50 text-key-900',
  reviewing: 'border-key-900 bg-white text-key-900',
  correction_requested: 'border-warning-orange-2 bg-orange-50 text-solid-gray-900',
  completed: 'border-success-2 bg-green-50 text-success-2',
  rejected: 'border-error-2 bg-red-50 text-error-2',
};

/** 受付 / 審査中 / 補正依頼 / 完了 / 却下. */
export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useI18n();
  return <span className={`${tag} ${STATUS_LOOK[status] ?? ''}`}>{t(`applications.progress.${status}`)}</span>;
}
