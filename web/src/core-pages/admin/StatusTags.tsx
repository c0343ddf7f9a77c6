import { useI18n } from '../../app/i18n/index.tsx';
import type { StaffUser } from '../api/types.ts';

/** Small labelled tags: administrator, disabled, locked, 2FA. */
export function StatusTags({ user }: { user: StaffUser }) {
  const { t } = useI18n();
  const locked = user.locked || (user.lockedUntil && new Date(user.lockedUntil) > new Date());
  const tags = [
    user.isTenantAdmin && { text: t('users.admin'), cls: 'border-key-900 text-key-900' },
    user.disabled && { text: t('users.disabled'), cls: 'border-solid-gray-700 text-solid-gray-800' },
    locked && { text: t('users.locked'), cls: 'border-error-2 text-error-2' },
    user.totpEnabled && { text: t('users.totp'), cls: 'border-success-2 text-success-2' },
  ].filter(Boolean) as { text: string; cls: string }[];
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((x) => <span key={x.text} className={`rounded-4 border bg-white px-1.5 text-dns-14B-130 whitespace-nowrap ${x.cls}`}>{x.text}</span>)}
    </span>
  );
}
