import { useRef, useState, type FormEvent } from 'react';
import { contentLang, useI18n } from '../../../../app/i18n/index.tsx';
import { Button } from '../../../../components/Button.tsx';
import { TextArea } from '../../../../components/fields.tsx';
import type { Answers } from '../../form/engine.ts';
import { FormRenderer } from '../../form/FormRenderer.tsx';
import type { UploadedFile } from '../../form/context.ts';
import { FormErrorSummary, checkAnswers, errorsByPath, pageKeys } from '../../form/validation.tsx';
import { within } from '../../form/paths.ts';
import { SubmitError, type CitizenApi, type CitizenSubmission } from '../../citizen-api.ts';

const PREFIX = 'fix';

/**
 * 補正: the staff's message, then the pages holding the requested answers with only those open
 * (validated with the engine limited to them), and 「修正して再提出する」.
 */
export function CorrectionForm({ submission: s, api, accessToken, onDone }:
  { submission: CitizenSubmission; api: CitizenApi; accessToken?: string; onDone(next: CitizenSubmission): void }) {
  const { t, lang: uiLang } = useI18n();
  const lang = contentLang(uiLang);
  const fields = s.correction!.fields;
  const [answers, setAnswersState] = useState<Answers>(s.answers);
  const latest = useRef(answers);
  const [uploads, setUploads] = useState<Record<string, UploadedFile>>(() => Object.fromEntries((s.attachments ?? []).map((a) => [a.id, a])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const pages = s.definition.pages.filter((p) => pageKeys(p).some((k) => fields.some((f) => within(f, k))));
  const setAnswers = (a: Answers) => { latest.current = a; setAnswersState(a); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = checkAnswers(s.definition, latest.current, { lang, uploads, only: fields });
    if (problems.length) { setErrors(errorsByPath(problems)); setFormError(null); setAttempt((n) => n + 1); return; }
    setBusy(true);
    try {
      onDone(await api.correct(s.receiptNumber, latest.current, accessToken, note.trim() || undefined));
    } catch (err) {
      const se = err instanceof SubmitError ? err : null;
      setErrors(se?.details.length ? errorsByPath(se.details) : se?.field ? { [se.field]: se.message } : {});
      setFormError(se?.details.length || se?.field ? null : se?.message || t('error.generic'));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="correction-title" className="mb-8 rounded-12 border-2 border-warning-orange-2 p-5">
      <h2 id="correction-title" className="mb-3 text-std-24B-150">{t('applications.fix.title')}</h2>
      <p className="mb-2 text-std-16B-170">{t('applications.fix.from_staff')}</p>
      <blockquote data-testid="correction-message" className="mb-4 rounded-8 bg-orange-50 p-4 text-std-16N-170 whitespace-pre-line">{s.correction!.message}</blockquote>
      <p className="mb-6 text-std-16N-170">{t('applications.fix.lead')}</p>
      <form noValidate onSubmit={submit} aria-labelledby="correction-title">
        <FormErrorSummary definition={s.definition} errors={errors} formError={formError} attempt={attempt} prefix={PREFIX} lang={lang} />
        {pages.map((p) => (
          <div key={p.id} className="mb-6">
            <FormRenderer definition={s.definition} answers={answers} onChange={setAnswers} pageId={p.id} lang={lang} errors={errors}
              uploads={uploads} readOnlyExcept={fields} idPrefix={PREFIX} headingLevel={3} lookupPostal={api.postal}
              onUpload={async (file) => { const up = await api.upload(s.procedureId, file); setUploads((u) => ({ ...u, [up.id]: up })); return up; }} />
          </div>
        ))}
        <TextArea id={`${PREFIX}-_note`} label={t('applications.fix.note')} hint={t('applications.fix.note_hint')} value={note} onChange={setNote} rows={3} />
        <Button type="submit" size="lg" busy={busy}>{t('applications.fix.submit')}</Button>
      </form>
    </section>
  );
}
