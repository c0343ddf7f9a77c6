import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { formatDate } from '../../../../app/format.ts';
import { Button, ButtonLink } from '../../../../components/Button.tsx';
import type { CitizenReceipt } from '../../citizen-api.ts';

/** After submitting: the 受付番号 large, a copy button, and what happens next. */
export function ReceiptView({ receipt, slots = [] }: { receipt: CitizenReceipt; slots?: { label: string; value: string }[] }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.receiptNumber);
      setCopied(true);
    } catch {
      // No clipboard (plain http, old browser): select the number so the person can copy it.
      const el = document.getElementById('receipt-number');
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  };
  return (
    <section aria-labelledby="receipt-title">
      <div className="mb-8 rounded-12 border-2 border-success-2 bg-green-50 p-5 md:p-8">
        <h2 id="receipt-title" ref={heading} tabIndex={-1} className="mb-4 text-std-24B-150">{t('applications.receipt.title')}</h2>
        <p className="text-std-16N-170">{t('applications.receipt.number_label')}</p>
        <p id="receipt-number" data-testid="receipt-number" className="my-2 font-mono text-[2rem] leading-tight font-bold tracking-wider text-solid-gray-900 [overflow-wrap:anywhere]">
          {receipt.receiptNumber}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={copy}>{t('applications.receipt.copy')}</Button>
          <span role="status" className="text-std-16N-170">{copied ? t('applications.receipt.copied') : ''}</span>
        </div>
        <p className="mt-4 text-std-16N-170">{t('applications.receipt.keep')}</p>
        <dl className="mt-4 grid gap-x-4 sm:grid-cols-[auto_1fr]">
          <dt className="font-bold">{t('applications.receipt.procedure')}</dt><dd>{receipt.procedureTitle}</dd>
          <dt className="font-bold">{t('applications.receipt.submitted_at')}</dt><dd>{formatDate(receipt.submittedAt, lang, { era: true, time: true })}</dd>
          {slots.map((s) => <div key={s.label} data-testid="receipt-reservations" className="contents"><dt className="font-bold">{s.label}</dt><dd>{s.value}</dd></div>)}
          {receipt.email && <><dt className="font-bold">{t('applications.receipt.email')}</dt><dd className="[overflow-wrap:anywhere]">{receipt.email}</dd></>}
        </dl>
      </div>
      <h2 className="mb-3 text-std-20B-150">{t('applications.receipt.next_title')}</h2>
      <ol className="mb-8 list-decimal pl-6 text-std-16N-170">
        <li className="mb-2">{receipt.email ? t('applications.receipt.next_email', { email: receipt.email }) : t('applications.receipt.next_no_email')}</li>
        <li className="mb-2">{t('applications.receipt.next_review')}</li>
        <li className="mb-2">{t('applications.receipt.next_correction')}</li>
        <li>{t('applications.receipt.next_result')}</li>
      </ol>
      <div className="flex flex-col gap-3 sm:flex-row">
        <ButtonLink href={to(`/applications/status?receipt=${encodeURIComponent(receipt.receiptNumber)}`)} variant="secondary">{t('applications.status_link')}</ButtonLink>
        <ButtonLink href={to('/applications')} variant="tertiary">{t('applications.back_to_list')}</ButtonLink>
      </div>
    </section>
  );
}
