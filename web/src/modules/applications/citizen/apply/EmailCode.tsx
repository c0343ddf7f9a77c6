import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { Button } from '../../../../components/Button.tsx';
import { TextField } from '../../../../components/fields.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { SubmitError, type CitizenApi } from '../../citizen-api.ts';

/** Whether the email must be confirmed with a mailed code: level 'email', unless it is the signed-in citizen's account email. */
export function needsEmailCode(level: string, email: string, accountEmail: string | null): boolean {
  if (level !== 'email') return false;
  const typed = email.trim().toLowerCase();
  return !accountEmail || (typed !== '' && typed !== accountEmail.toLowerCase());
}

/**
 * 確認コード (identity level 'email'): 「確認コードを送る」 mails a 6-digit code to the address above;
 * the field for the code follows. Changing the address afterwards asks for a new code.
 */
export function EmailCode({ api, procedureId, email, sentTo, onSent, code, onCode, error, onError, prefix }: {
  api: CitizenApi; procedureId: string; email: string; sentTo: string | null; onSent(email: string): void;
  code: string; onCode(code: string): void; error?: string; onError(message: string): void; prefix: string;
}) {
  const { t, lang } = useI18n();
  const [sending, setSending] = useState(false);
  const current = sentTo !== null && sentTo === email.trim().toLowerCase();
  const send = async () => {
    const to = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) return onError(t(to ? 'form.invalid_email' : 'applications.apply.email_required'));
    setSending(true);
    try {
      await api.emailCode(procedureId, to, lang);
      onSent(to);
      requestAnimationFrame(() => document.getElementById(`${prefix}-_code`)?.focus());
    } catch (err) {
      const se = err instanceof SubmitError ? err : null;
      onError(se?.status === 0 ? t('error.network') : se?.message || t('error.generic'));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="code-title" className="mb-6 rounded-12 bg-solid-gray-50 p-4 md:p-6">
      <h3 id="code-title" className="mb-2 text-std-18B-160">{t('applications.apply.code_title')}</h3>
      <p className="mb-4 text-std-16N-170">{t('applications.apply.code_lead')}</p>
      {current && <Notice kind="success" live>{t('applications.apply.code_sent', { email: sentTo })}</Notice>}
      <Button variant={current ? 'tertiary' : 'secondary'} busy={sending} onClick={send} className="mb-4">
        {t(current ? 'applications.apply.code_resend' : 'applications.apply.code_send')}
      </Button>
      {current && (
        <TextField id={`${prefix}-_code`} label={t('applications.apply.code')} hint={t('applications.apply.code_hint')} required
          value={code} onChange={onCode} inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={error} />
      )}
    </section>
  );
}
