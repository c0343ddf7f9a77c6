import { useState, type ReactNode } from 'react';
import { contentLang, useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { buttonClass } from '../../../components/Button.tsx';
import { downloads, submissions, type SubmissionDetail } from '../admin-api.ts';
import { displayComputed } from '../form/engine.ts';
import { labelOfPath } from '../form/index.ts';
import { StatusBadge } from './parts.tsx';
import { AnswersView, textIn } from './submission/AnswersView.tsx';
import { HistoryList } from './submission/HistoryList.tsx';
import { StatusForm } from './submission/StatusForm.tsx';
import { CorrectionForm } from './submission/CorrectionForm.tsx';
import { MessageForm } from './submission/MessageForm.tsx';
import { AssignForm } from './submission/AssignForm.tsx';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8 rounded-12 border border-solid-gray-420 p-4 md:p-6">
      <h2 id={id} className="mb-4 text-std-20B-150">{title}</h2>
      {children}
    </section>
  );
}

function Computed({ detail }: { detail: SubmissionDetail }) {
  const { t, lang: uiLang } = useI18n();
  const lang = contentLang(uiLang);
  const list = detail.definition.computed ?? [];
  if (list.length === 0) return null;
  return (
    <Panel id="computed-title" title={t('applications.submission.computed')}>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
        {list.map((c) => [
          <dt key={`${c.key}-k`} className="text-std-16B-170 text-solid-gray-800">{textIn(c.label, lang)}</dt>,
          <dd key={`${c.key}-v`} className="text-std-16N-170">{displayComputed(c, detail.computed?.[c.key], lang) || t('applications.submission.no_answer')}</dd>,
        ])}
      </dl>
    </Panel>
  );
}

/** One submission for staff: answers, computed values, files, history; status, correction, message, assignment and PDF. */
export function SubmissionPage() {
  const { t, lang: uiLang } = useI18n();
  const lang = contentLang(uiLang);
  const { api, to, slug } = useTenant();
  const { id } = useParams();
  const load = useLoad(() => submissions.get(api, id), [api, id]);
  const [done, setDone] = useState('');
  const after = (message: string) => { setDone(message); load.reload(); };
  const title = load.data ? t('applications.submission.title', { number: load.data.receiptNumber }) : t('applications.submission.title_loading');
  return (
    <Page crumbs={[{ href: to('/admin/applications'), label: t('applications.inbox.title') }]} title={title}
      actions={load.data && <a href={downloads.pdf(slug, id)} target="_blank" rel="noopener" className={buttonClass('secondary')}>{t('applications.submission.pdf')}</a>}>
      <Loaded load={load}>{(d) => <>
        {done && <Notice kind="success" live>{done}</Notice>}
        <dl className="mb-8 grid gap-x-6 gap-y-2 rounded-12 bg-solid-gray-50 p-4 sm:grid-cols-[minmax(10rem,14rem)_1fr] md:p-6">
          <dt className="text-std-16B-170">{t('applications.inbox.procedure')}</dt><dd>{d.procedureTitle}（{t('applications.version_n', { n: d.version })}）</dd>
          <dt className="text-std-16B-170">{t('applications.inbox.status')}</dt><dd><StatusBadge status={d.status} /></dd>
          <dt className="text-std-16B-170">{t('applications.submission.applicant')}</dt><dd>{d.applicantName || t('applications.submission.no_name')}</dd>
          <dt className="text-std-16B-170">{t('applications.submission.email')}</dt><dd>{d.email || t('applications.submission.no_email')}</dd>
          <dt className="text-std-16B-170">{t('applications.inbox.channel')}</dt><dd>{t(`applications.channel.${d.channel}`)}</dd>
          <dt className="text-std-16B-170">{t('applications.inbox.assignee')}</dt><dd>{d.assignee?.name ?? t('applications.submission.unassigned')}</dd>
          <dt className="text-std-16B-170">{t('applications.submission.submitted')}</dt><dd>{formatDate(d.submittedAt, lang, { time: true })}</dd>
          <dt className="text-std-16B-170">{t('applications.submission.updated')}</dt><dd>{formatDate(d.updatedAt, lang, { time: true })}</dd>
        </dl>
        {d.correction && (
          <Notice kind="warning" title={t('applications.submission.correction_open')}>
            <p className="whitespace-pre-line">{d.correction.message}</p>
            <p>{t('applications.submission.correction_fields', { fields: d.correction.fields.map((f) => labelOfPath(d.definition, f, lang, t) || f).join('、') })}</p>
          </Notice>
        )}
        <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div>
            <h2 className="mb-4 text-std-24B-150">{t('applications.submission.answers')}</h2>
            <AnswersView detail={d} />
            <div className="mt-8"><Computed detail={d} /></div>
            <Panel id="history-title" title={t('applications.history.title')}><HistoryList history={d.history} /></Panel>
          </div>
          <div>
            <Panel id="status-title" title={t('applications.actions.status_title')}><StatusForm detail={d} onDone={(_, m) => after(m)} /></Panel>
            <Panel id="correction-title" title={t('applications.correction.title')}><CorrectionForm detail={d} onDone={(_, m) => after(m)} /></Panel>
            <Panel id="message-title" title={t('applications.actions.message_title')}><MessageForm id={d.id} onDone={after} /></Panel>
            <Panel id="assign-title" title={t('applications.actions.assign_title')}><AssignForm detail={d} onDone={after} /></Panel>
          </div>
        </div>
      </>}</Loaded>
    </Page>
  );
}
