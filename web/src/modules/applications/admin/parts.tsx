import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { Button, type ButtonVariant } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import type { DepartmentOption } from '../admin-api.ts';

const stateLook: Record<string, string> = {
  draft: 'border-solid-gray-700 text-solid-gray-800',
  live: 'border-success-2 text-success-2',
  closed: 'border-warning-orange-2 text-warning-orange-2',
  archived: 'border-solid-gray-536 text-solid-gray-700',
};
const statusLook: Record<string, string> = {
  received: 'border-key-900 text-key-900',
  reviewing: 'border-key-900 text-key-900 bg-key-50',
  correction_requested: 'border-warning-orange-2 text-warning-orange-2',
  completed: 'border-success-2 text-success-2',
  rejected: 'border-error-2 text-error-2',
};

/** A small outlined tag (text is always present: colour never carries meaning alone). */
export function Tag({ className, children }: { className: string; children: ReactNode }) {
  return <span className={`inline-block rounded-4 border bg-white px-1.5 text-dns-14B-130 whitespace-nowrap ${className}`}>{children}</span>;
}

/** 下書き / 受付中 / 受付終了 / アーカイブ of a procedure or a form version. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <Tag className={stateLook[state] ?? stateLook.draft}>{t(`applications.state.${state}`)}</Tag>;
}

/** 受付 / 審査中 / 補正依頼 / 完了 / 却下 of a submission. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag className={statusLook[status] ?? statusLook.received}>{t(`applications.status.${status}`)}</Tag>;
}

/** A department's name in the console language. */
export function departmentName(list: DepartmentOption[], id: string | null | undefined, lang: string): string {
  const d = list.find((x) => x.id === id);
  if (!d) return '';
  return lang === 'en' ? d.nameEn || d.nameJa : d.nameJa;
}

/** A yes/no question before an action that cannot be taken back lightly (publish, close …). */
export function ConfirmDialog({ open, title, body, confirmLabel, variant = 'primary', busy, onConfirm, onClose }:
  { open: boolean; title: string; body: ReactNode; confirmLabel: string; variant?: ButtonVariant; busy?: boolean; onConfirm(): void; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="mb-6 text-std-16N-170">{body}</div>
      <div className="flex flex-wrap gap-3">
        <Button variant={variant} busy={busy} onClick={onConfirm}>{confirmLabel}</Button>
        <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Dialog>
  );
}
