import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { Button } from '../../../../components/Button.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { computeValues, displayComputed, isVisible, nextPageId, previousPageId, validateAnswers, visiblePages, type Answers, type FormDefinition, type FormLang } from '../../form/engine.ts';
import { FormErrorSummary, FormRenderer, errorsByPath, formText, pageKeys, reviewRows } from '../../form/index.ts';

const LANG_NAMES: [FormLang, string][] = [['ja', '日本語'], ['en', 'English'], ['ja-easy', 'やさしい日本語']];

/**
 * The form as a citizen sees it, drawn by the same FormRenderer and checked by the same engine:
 * switch the form's language, walk the pages (skip rules apply), see the validation messages and
 * the review step with computed values. Nothing is saved.
 */
export function Preview({ def }: { def: FormDefinition }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<FormLang>('ja');
  const [answers, setAnswers] = useState<Answers>({});
  const [pageId, setPageId] = useState<string>(def.pages[0]?.id ?? 'review');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const pages = visiblePages(def, answers);
  const page = def.pages.find((p) => p.id === pageId);
  const current = page ? pages.findIndex((p) => p.id === page.id) : pages.length;
  const go = (id: string) => {
    setErrors({});
    setPageId(id);
    requestAnimationFrame(() => document.getElementById('preview-step')?.focus());
  };
  const next = () => {
    if (!page) return;
    const found = validateAnswers(def, answers, { lang, only: pageKeys(page) });
    if (found.length) {
      setErrors(errorsByPath(found));
      setAttempt((n) => n + 1);
      return;
    }
    go(nextPageId(def, answers, page.id));
  };
  const back = () => {
    const prev = page ? previousPageId(def, answers, page.id) : pages[pages.length - 1]?.id;
    if (prev) go(prev);
  };
  const computed = computeValues(def, answers);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title" className="mb-1 text-std-24B-150">{t('applications.builder.preview')}</h2>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('applications.builder.preview_lead')}</p>
      <div role="group" aria-label={t('applications.builder.preview_lang')} className="mb-4 flex flex-wrap gap-2">
        {LANG_NAMES.map(([l, name]) => (
          <button key={l} type="button" lang={l === 'en' ? 'en' : 'ja'} aria-pressed={lang === l} onClick={() => { setLang(l); setErrors({}); }}
            className={`min-h-11 rounded-6 border px-3 ${lang === l ? 'border-key-900 bg-key-900 font-bold text-white' : 'border-key-900 text-key-900 hover:bg-key-50'}`}>{name}</button>
        ))}
        <Button variant="tertiary" size="sm" onClick={() => { setAnswers({}); go(def.pages[0]?.id ?? 'review'); }}>{t('applications.builder.preview_reset')}</Button>
      </div>
      <div className="rounded-12 border-4 border-dashed border-solid-gray-420 p-4 md:p-6" lang={lang === 'en' ? 'en' : 'ja'}>
        <p id="preview-step" tabIndex={-1} className="mb-4 text-dns-16N-130 text-solid-gray-700" aria-live="polite">
          {page ? t('applications.builder.preview_step', { n: current + 1, total: pages.length }) : t('applications.builder.review_step')}
        </p>
        {page && <>
          <FormErrorSummary definition={def} errors={errors} attempt={attempt} prefix="preview" lang={lang} />
          <FormRenderer definition={def} answers={answers} onChange={setAnswers} pageId={page.id} lang={lang} errors={errors} uploads={{}} idPrefix="preview" headingLevel={3} />
        </>}
        {!page && (
          <div>
            {pages.map((p) => (
              <section key={p.id} aria-labelledby={`preview-review-${p.id}`} className="mb-6">
                <h3 id={`preview-review-${p.id}`} className="mb-2 text-std-20B-150">{formText(p.title, lang)}</h3>
                <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(8rem,14rem)_1fr]">
                  {reviewRows(p.sections.filter((s) => isVisible(s.showIf, answers)).flatMap((s) => s.fields), answers,
                    { lang, uploads: {}, t, visible: (f, item) => isVisible(f.showIf, answers, item) }).map((r) => [
                    <dt key={`${r.path}-k`} className="text-std-16B-170">{r.item ? `${r.item} ` : ''}{r.label}</dt>,
                    <dd key={`${r.path}-v`} className="text-std-16N-170 whitespace-pre-line">{r.value || '—'}</dd>,
                  ])}
                </dl>
              </section>
            ))}
            {(def.computed ?? []).length > 0 && (
              <Notice title={t('applications.builder.computed')}>
                <ul>{(def.computed ?? []).map((c) => <li key={c.key}>{formText(c.label, lang)}：{displayComputed(c, computed[c.key], lang) || '—'}</li>)}</ul>
              </Notice>
            )}
          </div>
        )}
        <div className="mt-6 flex flex-wrap gap-3">
          {(current > 0 || !page) && <Button variant="secondary" onClick={back}>{t('applications.builder.preview_back')}</Button>}
          {page && <Button onClick={next}>{t('applications.builder.preview_next')}</Button>}
        </div>
      </div>
    </section>
  );
}
