import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { formatDate } from '../../../../app/format.ts';
import { Button } from '../../../../components/Button.tsx';
import { Notice } from '../../../../components/Notice.tsx';

/** 「一時保存しました」 with the link that resumes the draft (also remembered in this browser) and until when it is kept. */
export function DraftSaved({ href, expiresAt }: { href: string; expiresAt: string }) {
  const { t, lang } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try { await navigator.clipboard.writeText(href); setCopied(true); } catch { /* the link stays selectable */ }
  };
  return (
    <Notice kind="success" live title={t('applications.apply.draft_saved')}>
      <p className="mb-2">{t('applications.apply.draft_saved_body', { date: formatDate(expiresAt, lang, { time: true }) })}</p>
      <p className="mb-2 break-all"><a href={href} data-testid="draft-link">{href}</a></p>
      <Button variant="secondary" size="sm" className="min-h-11" onClick={copy}>{t('applications.apply.draft_copy')}</Button>
      <span role="status" className="ml-3">{copied ? t('applications.receipt.copied') : ''}</span>
    </Notice>
  );
}
