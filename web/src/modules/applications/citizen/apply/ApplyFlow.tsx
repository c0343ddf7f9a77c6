import { useEffect, useRef, useState, type FormEvent } from 'react';
import { contentLang, useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { Button } from '../../../../components/Button.tsx';
import { TextField } from '../../../../components/fields.tsx';
import type { Answers, FormDefinition, FormField, FormLang } from '../../form/engine.ts';
import { nextPageId, visiblePages } from '../../form/engine.ts';
import { FormRenderer } from '../../form/FormRenderer.tsx';
import { formText, type UploadedFile } from '../../form/context.ts';
import { FormErrorSummary, checkAnswers, errorsByPath, pageKeys, pageOfPath } from '../../form/validation.tsx';
import { displayValue } from '../../form/display.ts';
import { SubmitError, storeDraft, type CitizenApi, type CitizenReceipt, type Draft, type ProcedurePublic } from '../../citizen-api.ts';
import { StepIndicator } from './StepIndicator.tsx';
import { ComputedList, ReviewList } from './ReviewStep.tsx';
import { ReceiptView } from './ReceiptView.tsx';
import { DraftSaved } from './DraftSaved.tsx';
import { useIdempotentSubmit } from './useSubmit.ts';
import { EmailCode, needsEmailCode } from './EmailCode.tsx';

const PREFIX = 'apply';
const EMAIL = '_email';
const CODE = '_code';
const REVIEW = 'review';

/** The form of one procedure page by page, then the review and the receipt. */
export function ApplyFlow({ procedure: p, api, draft: initialDraft }: { procedure: ProcedurePublic; api: CitizenApi; draft: (Draft & { token: string }) | null }) {
  const { t, lang: uiLang } = useI18n();
  const lang = contentLang(uiLang);
  const { me, to } = useTenant();
  const form = p.form!;
  const def = form.definition;
  const [answers, setAnswersState] = useState<Answers>(initialDraft?.answers ?? {});
  const answersRef = useRef(answers);
  const pages = visiblePages(def, answers);
  const [step, setStep] = useState(() => (initialDraft?.pageId && pages.some((x) => x.id === initialDraft.pageId) ? initialDraft.pageId : pages[0]?.id ?? REVIEW));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [uploads, setUploads] = useState<Record<string, UploadedFile>>({});
  const [draft, setDraft] = useState<{ token: string; expiresAt: string } | null>(initialDraft ? { token: initialDraft.token, expiresAt: initialDraft.expiresAt } : null);
  const [draftSaved, setDraftSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<CitizenReceipt | null>(null);
  const signedIn = me?.kind === 'citizen';
  const [email, setEmail] = useState(me?.kind === 'citizen' ? me.email : '');
  const submitter = useIdempotentSubmit(api, p.id);
  // Identity level 'email': the code mailed to the address (the account's verified email needs none).
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeAsked, setCodeAsked] = useState(false);
  const needsCode = codeAsked ? p.identityLevel === 'email' : needsEmailCode(p.identityLevel, email, signedIn ? me.email : null);

  const setAnswers = (next: Answers) => {
    answersRef.current = next;
    setAnswersState(next);
    setDraftSaved(false);
    submitter.forget();
  };
  const idx = step === REVIEW ? pages.length : Math.max(0, pages.findIndex((x) => x.id === step));
  const page = step === REVIEW ? null : pages[idx] ?? pages[0];

  // After moving to another step: back to the top, focus on its heading (screen readers announce it).
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo(0, 0);
    document.getElementById(step === REVIEW ? 'review-title' : `${PREFIX}-title-${step}`)?.focus({ preventScroll: true });
  }, [step]);
  const goTo = (id: string, keep?: Record<string, string>) => {
    moved.current = true;
    setDraftSaved(false);
    setErrors(keep ?? {});
    setFormError(null);
    setStep(id);
    if (keep) setAttempt((n) => n + 1);
  };
  const fail = (errs: Record<string, string>, message: string | null = null) => {
    setErrors(errs);
    setFormError(message);
    setAttempt((n) => n + 1);
  };

  const next = (e?: FormEvent) => {
    e?.preventDefault();
    if (!page) return;
    const now = answersRef.current;
    const problems = checkAnswers(def, now, { lang, uploads, only: pageKeys(page) });
    if (problems.length) return fail(errorsByPath(problems));
    const target = nextPageId(def, now, page.id);
    if (target === REVIEW && !email) setEmail(firstEmail(def, now));
    goTo(target);
  };
  const back = () => goTo(step === REVIEW ? pages[pages.length - 1].id : pages[Math.max(0, idx - 1)].id);

  const saveDraft = async () => {
    setSaving(true);
    const body = { answers: answersRef.current, pageId: page?.id };
    try {
      let saved = draft ? await api.saveDraft(draft.token, body).then((d) => ({ token: draft.token, expiresAt: d.expiresAt })).catch((err) => {
        if (err instanceof SubmitError && (err.status === 404 || err.status === 410)) return null;
        throw err;
      }) : null;
      saved ??= await api.createDraft(p.id, body);
      setDraft(saved);
      storeDraft(p.id, saved.token);
      history.replaceState(null, '', `${location.pathname}?draft=${encodeURIComponent(saved.token)}`);
      setDraftSaved(true);
    } catch (err) {
      fail({}, (err as Error).message || t('error.network'));
    } finally {
      setSaving(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    const now = answersRef.current;
    const problems = checkAnswers(def, now, { lang, uploads });
    if (problems.length) return goTo(pageOfPath(def, problems[0].path)?.id ?? pages[0].id, errorsByPath(problems));
    if (!signedIn && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return fail({ [EMAIL]: t(email.trim() ? 'form.invalid_email' : 'applications.apply.email_required') });
    if (needsCode && codeSentTo !== email.trim().toLowerCase()) return fail({ [EMAIL]: t('applications.apply.code_send_first') });
    if (needsCode && !/^\d{6}$/.test(code.trim())) return fail({ [CODE]: t(code.trim() ? 'applications.apply.code_format' : 'applications.apply.code_required') });
    setSubmitting(true);
    try {
      const r = await submitter.submit({ versionId: form.versionId, answers: now, email: email.trim() || undefined, emailCode: needsCode ? code.trim() : undefined, lang, draftToken: draft?.token });
      storeDraft(p.id, null);
      history.replaceState(null, '', location.pathname);
      moved.current = true;
      setReceipt(r);
    } catch (err) {
      const se = err instanceof SubmitError ? err : null;
      // Only the engine's field errors carry a path; a booking refusal's details name the reservations field instead.
      const fieldErrors = se?.details.filter((d) => typeof d.path === 'string') ?? [];
      if (fieldErrors.length) return goTo(pageOfPath(def, fieldErrors[0].path)?.id ?? pages[0].id, errorsByPath(fieldErrors));
      if (se?.field && se.field !== 'email' && pageOfPath(def, se.field)) return goTo(pageOfPath(def, se.field)!.id, { [se.field]: se.message });
      if (se?.field === 'email') return fail({ [EMAIL]: se.message });
      if (se?.field === 'emailCode') { setCodeAsked(true); return fail(codeSentTo ? { [CODE]: se.message } : { [EMAIL]: se.message }); }
      fail({}, se?.status === 0 ? t('applications.apply.network_retry') : se?.message || t('error.generic'));
    } finally {
      setSubmitting(false);
    }
  };

  if (receipt) return <ReceiptView receipt={receipt} slots={bookedSlots(def, answers, (f, v) => displayValue(f, v, { lang, uploads, t }), lang)} />;
  const steps = [...pages.map((x) => formText(x.title, lang)), t('applications.apply.review')];
  const summary = <FormErrorSummary definition={def} errors={errors} formError={formError} attempt={attempt} prefix={PREFIX} lang={lang} />;
  const draftButton = <Button variant="tertiary" busy={saving} onClick={saveDraft}>{t('applications.apply.save_draft')}</Button>;
  return (
    <div className="max-w-3xl">
      <StepIndicator steps={steps} current={idx} />
      {draftSaved && draft && <DraftSaved href={`${location.origin}${to(`/applications/${p.id}/apply?draft=${encodeURIComponent(draft.token)}`)}`} expiresAt={draft.expiresAt} />}
      {page ? (
        <form noValidate onSubmit={next} aria-labelledby={`${PREFIX}-title-${page.id}`}>
          {summary}
          <FormRenderer definition={def} answers={answers} onChange={setAnswers} pageId={page.id} lang={lang} errors={errors}
            uploads={uploads} idPrefix={PREFIX} lookupPostal={api.postal}
            onUpload={async (file) => { const up = await api.upload(p.id, file); setUploads((u) => ({ ...u, [up.id]: up })); return up; }} />
          <div className="mt-8 flex flex-col gap-3 sm:flex-row-reverse sm:justify-end">
            <Button type="submit" size="lg">{t(nextPageId(def, answers, page.id) === REVIEW ? 'applications.apply.to_review' : 'applications.apply.next')}</Button>
            {idx > 0 && <Button variant="secondary" size="lg" onClick={back}>{t('applications.apply.back')}</Button>}
            {draftButton}
          </div>
        </form>
      ) : (
        <form noValidate onSubmit={submit} aria-labelledby="review-title">
          {summary}
          <h2 id="review-title" tabIndex={-1} className="mb-2 text-std-24B-150">{t('applications.apply.review_title')}</h2>
          <p className="mb-6 text-std-16N-170">{t('applications.apply.review_lead')}</p>
          <ReviewList answers={answers} pages={pages} lang={lang} uploads={uploads} onEdit={(id) => goTo(id)} />
          <ComputedList definition={def} answers={answers} lang={lang} />
          <TextField id={`${PREFIX}-${EMAIL}`} type="email" autoComplete="email" inputMode="email" label={t('applications.apply.email')}
            hint={t(signedIn ? 'applications.apply.email_hint_account' : 'applications.apply.email_hint')} required={!signedIn}
            value={email} onChange={(v) => { setEmail(v); submitter.forget(); }} error={errors[EMAIL]} />
          {needsCode && <EmailCode api={api} procedureId={p.id} email={email} sentTo={codeSentTo} prefix={PREFIX}
            onSent={(to) => { setCodeSentTo(to); setCode(''); setErrors({}); }} code={code} onCode={setCode} error={errors[CODE]} onError={(m) => fail({ [EMAIL]: m })} />}
          <div className="mt-8 flex flex-col gap-3 sm:flex-row-reverse sm:justify-end">
            <Button type="submit" size="lg" busy={submitting}>{t('applications.apply.submit')}</Button>
            <Button variant="secondary" size="lg" onClick={back}>{t('applications.apply.back')}</Button>
            {draftButton}
          </div>
        </form>
      )}
    </div>
  );
}

/** The slots the submission booked (its reservation answers), for the receipt. */
function bookedSlots(def: FormDefinition, answers: Answers, show: (f: FormField, v: Answers[string]) => string, lang: FormLang): { label: string; value: string }[] {
  return def.pages.flatMap((pg) => pg.sections.flatMap((s) => s.fields))
    .filter((f) => f.type === 'reservation' && answers[f.key])
    .map((f) => ({ label: formText(f.label, lang), value: show(f, answers[f.key]) }));
}

/** The first email the applicant typed into the form, to offer as the receipt address. */
function firstEmail(def: FormDefinition, answers: Answers): string {
  for (const f of def.pages.flatMap((pg) => pg.sections.flatMap((s) => s.fields))) {
    if (f.type === 'email' && typeof answers[f.key] === 'string' && answers[f.key]) return answers[f.key] as string;
  }
  return '';
}
