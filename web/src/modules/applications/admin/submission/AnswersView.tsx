import { contentLang, useI18n, type Lang } from '../../../../app/i18n/index.tsx';
import { displayAnswer, isVisible, visiblePages, type Answers, type AnswerValue, type FormDefinition, type FormField, type FormText } from '../../form/engine.ts';
import { itemPath } from '../../form/paths.ts';
import { downloads, type SubmissionDetail } from '../../admin-api.ts';
import { useTenant } from '../../../../app/tenant.tsx';

/** A form text in the console language (Japanese when missing). */
export function textIn(t: FormText | undefined, lang: Lang): string {
  if (!t) return '';
  const l = contentLang(lang);
  return (l === 'ja' ? t.ja : t[l]) || t.ja || '';
}

/** One answer as text for staff (the engine's wording, as on the review step and the PDF), or 「回答なし」. */
export function answerText(field: FormField, value: AnswerValue | undefined, lang: Lang, t: (key: string) => string): string {
  return displayAnswer(field, value, contentLang(lang)) || t('applications.submission.no_answer');
}

function FieldRows({ fields, answers, root, scope, detail }: { fields: FormField[]; answers: Answers; root: Answers; scope: string; detail: SubmissionDetail }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  return <>
    {fields.filter((f) => f.type !== 'display' && isVisible(f.showIf, root, scope ? answers : undefined)).map((f) => {
      const path = scope ? `${scope}.${f.key}` : f.key;
      const value = answers[f.key];
      let body;
      if (f.type === 'group') {
        const items = Array.isArray(value) ? (value as Answers[]) : [];
        body = items.length === 0 ? t('applications.submission.no_answer') : (
          <ol className="flex flex-col gap-3">
            {items.map((item, i) => (
              <li key={i} className="rounded-8 border border-solid-gray-420 p-3">
                <p className="mb-2 text-std-16B-170">{textIn(f.itemLabel, lang) || textIn(f.label, lang)} {i + 1}</p>
                <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(8rem,14rem)_1fr]">
                  <FieldRows fields={f.fields ?? []} answers={item} root={root} scope={itemPath(path, i)} detail={detail} />
                </dl>
              </li>
            ))}
          </ol>
        );
      } else if (f.type === 'file') {
        const files = detail.attachments.filter((a) => a.fieldPath === path);
        body = files.length === 0 ? t('applications.submission.no_answer') : (
          <ul>{files.map((a) => <li key={a.id}><a href={downloads.attachment(slug, detail.id, a.id)} download={a.filename}>{a.filename}</a> <span className="text-solid-gray-700">（{Math.max(1, Math.round(a.size / 1024))} KB）</span></li>)}</ul>
        );
      } else {
        body = <span className="whitespace-pre-line">{answerText(f, value, lang, t)}</span>;
      }
      const wide = f.type === 'group' ? 'sm:col-span-2' : '';
      return [
        <dt key={`${f.key}-k`} className={`text-std-16B-170 text-solid-gray-800 ${wide}`}>{textIn(f.label, lang)}</dt>,
        <dd key={`${f.key}-v`} className={`mb-2 text-std-16N-170 sm:mb-0 ${wide}`} data-path={path}>{body}</dd>,
      ];
    })}
  </>;
}

/** The answers of a submission, page by page and section by section, as the applicant saw the form. */
export function AnswersView({ detail }: { detail: SubmissionDetail }) {
  const { lang } = useI18n();
  const def: FormDefinition = detail.definition;
  return (
    <div className="flex flex-col gap-6">
      {visiblePages(def, detail.answers).map((page) => (
        <section key={page.id} aria-labelledby={`ans-${page.id}`} className="rounded-12 border border-solid-gray-420 p-4 md:p-6">
          <h3 id={`ans-${page.id}`} className="mb-3 text-std-20B-150">{textIn(page.title, lang)}</h3>
          {page.sections.filter((s) => isVisible(s.showIf, detail.answers)).map((s) => (
            <div key={s.id} className="mb-4 last:mb-0">
              {s.title && <h4 className="mb-2 text-std-17B-170">{textIn(s.title, lang)}</h4>}
              <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
                <FieldRows fields={s.fields} answers={detail.answers} root={detail.answers} scope="" detail={detail} />
              </dl>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
