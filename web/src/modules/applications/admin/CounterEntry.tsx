import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { ApiError } from '../../../app/api.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button } from '../../../components/Button.tsx';
import { TextArea, TextField } from '../../../components/fields.tsx';
import { pruneAnswers, validateAnswers, visiblePages, type Answers } from '../form/engine.ts';
import { FormErrorSummary, FormRenderer, errorsByPath, type UploadedFile } from '../form/index.ts';
import { citizenApi, newIdempotencyKey } from '../citizen-api.ts';
import { submissions, type Receipt } from '../admin-api.ts';

/**
 * 窓口で受け付けた紙の申請を入力: staff type a paper application into the procedure's live form
 * (every page on one screen, checked by the same engine) and submit it as a counter application.
 */
export function CounterEntry() {
  const { t } = useI18n();
  const { api, slug, to } = useTenant();
  const { procedureId } = useParams();
  const citizen = citizenApi(slug);
  const load = useLoad(() => citizen.procedure(procedureId, 'ja'), [slug, procedureId]);
  const [answers, setAnswersState] = useState<Answers>({});
  const [uploads, setUploads] = useState<Record<string, UploadedFile>>({});
  const [email, setEmailState] = useState('');
  const [note, setNoteState] = useState('');
  // One Idempotency-Key per attempt: pressing 登録 again after a failure reuses it (the server answers
  // the same receipt if the first one got through); any change to the input starts a new attempt.
  const key = useRef<string | null>(null);
  const changed = <V,>(set: (v: V) => void) => (v: V) => { key.current = null; set(v); };
  const setAnswers = changed(setAnswersState);
  const setEmail = changed(setEmailState);
  const setNote = changed(setNoteState);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const onUpload = async (file: File) => {
    const u = await citizen.upload(procedureId, file);
    setUploads((x) => ({ ...x, [u.id]: u }));
    return u;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const def = load.data?.form?.definition;
    if (!def || busy) return;
    const found = validateAnswers(def, answers, { lang: 'ja', uploads });
    setFormError(null);
    if (found.length) { setErrors(errorsByPath(found)); setAttempt((n) => n + 1); return; }
    setErrors({});
    setBusy(true);
    try {
      key.current ??= newIdempotencyKey();
      const r = await submissions.counter(api, procedureId, { answers: pruneAnswers(def, answers), email: email.trim() || undefined, note: note.trim() || undefined }, key.current);
      key.current = null;
      setReceipt(r);
      requestAnimationFrame(() => document.getElementById('counter-receipt')?.focus());
    } catch (err) {
      const message = (err instanceof ApiError && err.message) || t('error.generic');
      const field = err instanceof ApiError ? err.field?.replace(/^answers\./, '') : undefined;
      if (field && field !== 'answers') setErrors({ [field]: message }); else setFormError(message);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const again = () => { setReceipt(null); setAnswers({}); setUploads({}); setEmail(''); setNote(''); };
  return (
    <Page title={t('applications.counter.title')} crumbs={[{ href: to('/admin/applications'), label: t('applications.inbox.title') }]}
      lead={load.data ? t('applications.counter.lead', { name: load.data.title }) : undefined}>
      <Loaded load={load}>{(p) => {
        const def = p.form?.definition;
        if (!def) return <Notice kind="warning">{t('applications.counter.not_live')}</Notice>;
        if (receipt) return (
          <div id="counter-receipt" tabIndex={-1} className="rounded-12 border-2 border-success-2 p-6" role="status">
            <p className="text-std-18B-160">{t('applications.counter.done')}</p>
            <p className="my-4 text-std-16N-170">{t('applications.submission.receipt')}：<span className="font-mono text-std-32B-150" data-testid="counter-receipt-number">{receipt.receiptNumber}</span></p>
            <div className="flex flex-wrap gap-3">
              <Button onClick={again}>{t('applications.counter.again')}</Button>
              <Link href={to(`/admin/applications?q=${encodeURIComponent(receipt.receiptNumber)}`)} className="self-center">{t('applications.counter.to_inbox')}</Link>
            </div>
          </div>
        );
        return (
          <form onSubmit={submit} noValidate aria-label={t('applications.counter.title')}>
            <FormErrorSummary definition={def} errors={errors} formError={formError} attempt={attempt} prefix="counter" lang="ja" />
            <Notice>{t('applications.counter.hint')}</Notice>
            {visiblePages(def, answers).map((page) => (
              <div key={page.id} className="mb-10 rounded-12 border border-solid-gray-420 p-4 md:p-6">
                <FormRenderer definition={def} answers={answers} onChange={setAnswers} pageId={page.id} lang="ja" errors={errors}
                  uploads={uploads} onUpload={onUpload} idPrefix="counter" />
              </div>
            ))}
            <fieldset className="mb-8 rounded-12 bg-solid-gray-50 p-4 md:p-6">
              <legend className="px-2 text-std-18B-160">{t('applications.counter.staff_part')}</legend>
              <TextField id="counter-email" type="email" label={t('applications.counter.email')} hint={t('applications.counter.email_hint')} value={email} onChange={setEmail} />
              <TextArea id="counter-note" label={t('applications.counter.note')} hint={t('applications.counter.note_hint')} value={note} onChange={setNote} rows={3} />
            </fieldset>
            <Button type="submit" size="lg" busy={busy}>{t('applications.counter.submit')}</Button>
          </form>
        );
      }}</Loaded>
    </Page>
  );
}
