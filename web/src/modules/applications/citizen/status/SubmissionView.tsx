import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { formatDate } from '../../../../app/format.ts';
import { Notice } from '../../../../components/Notice.tsx';
import type { CitizenApi, CitizenSubmission } from '../../citizen-api.ts';
import { StatusBadge } from '../badges.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';

/** One application as its applicant sees it: status, what staff asked, the history and the messages. */
export function SubmissionView({ submission: s, api, accessToken, onChange }:
  { submission: CitizenSubmission; api: CitizenApi; accessToken?: string; onChange(s: CitizenSubmission): void }) {
  const { t, lang } = useI18n();
  const [corrected, setCorrected] = useState(false);
  return (
    <div className="max-w-3xl">
      <section aria-labelledby="status-title" className="mb-8 rounded-12 border border-solid-gray-420 p-5">
        <h2 id="status-title" className="mb-3 text-std-24B-150">{s.procedureTitle}</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-bold">{t('applications.receipt.number_label')}</dt>
          <dd className="font-mono text-std-18B-160" data-testid="status-receipt">{s.receiptNumber}</dd>
          <dt className="font-bold">{t('applications.status_label')}</dt>
          <dd data-testid="status-current"><StatusBadge status={s.status} /></dd>
          <dt className="font-bold">{t('applications.receipt.submitted_at')}</dt>
          <dd>{formatDate(s.submittedAt, lang, { era: true, time: true })}</dd>
          <dt className="font-bold">{t('applications.updated_at')}</dt>
          <dd>{formatDate(s.updatedAt, lang, { era: true, time: true })}</dd>
        </dl>
        <p className="mt-3 text-std-16N-170">{t(`applications.status_explain.${s.status}`)}</p>
      </section>

      {corrected && s.status !== 'correction_requested' && <Notice kind="success" live>{t('applications.fix.sent')}</Notice>}
      {s.status === 'correction_requested' && s.correction && (
        <CorrectionForm submission={s} api={api} accessToken={accessToken} onDone={(next) => { setCorrected(true); onChange(next); }} />
      )}

      <section aria-labelledby="history-title" className="mb-8">
        <h2 id="history-title" className="mb-3 text-std-20B-150">{t('applications.timeline')}</h2>
        <ol className="border-l-2 border-key-900 pl-5">
          {[...s.history].reverse().map((h, i) => (
            <li key={`${h.at}-${i}`} className="relative mb-4 before:absolute before:top-2 before:-left-[1.7rem] before:size-3 before:rounded-full before:bg-key-900">
              <p className="flex flex-wrap items-center gap-2">
                <time dateTime={h.at} className="text-dns-16N-130 text-solid-gray-800">{formatDate(h.at, lang, { time: true })}</time>
                <StatusBadge status={h.status} />
              </p>
              {h.message && <p className="mt-1 text-std-16N-170 whitespace-pre-line">{h.message}</p>}
            </li>
          ))}
        </ol>
      </section>

      {s.messages.length > 0 && (
        <section aria-labelledby="messages-title" className="mb-8">
          <h2 id="messages-title" className="mb-3 text-std-20B-150">{t('applications.messages')}</h2>
          <ul className="flex flex-col gap-3">
            {s.messages.map((m, i) => (
              <li key={`${m.at}-${i}`} className={`rounded-8 border p-4 ${m.from === 'staff' ? 'border-key-900 bg-key-50' : 'border-solid-gray-420 bg-white'}`}>
                <p className="mb-1 text-dns-14B-130 text-solid-gray-800">
                  {t(m.from === 'staff' ? 'applications.from_staff' : 'applications.from_you')} · <time dateTime={m.at}>{formatDate(m.at, lang, { time: true })}</time>
                </p>
                <p className="text-std-16N-170 whitespace-pre-line">{m.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
