import { useMemo, useRef } from 'react';
import { useTenant } from '../../../app/tenant.tsx';
import type { AnswerValue, Answers, FormDefinition, FormLang } from './engine.ts';
import { isVisible } from './engine.ts';
import { FormContext, formText, type PostalMatch, type RenderContext, type UploadedFile } from './context.ts';
import { setAt, within } from './paths.ts';
import { FieldList } from './FieldView.tsx';

/** Props of FormRenderer: one page of a definition, controlled by the caller. */
export interface FormRendererProps {
  definition: FormDefinition;
  answers: Answers;
  /** Called with the whole new answers object on every change. */
  onChange(answers: Answers): void;
  /** The page to draw. */
  pageId: string;
  /** Language of the form's texts (falls back to Japanese); UI words follow the app's language. */
  lang: FormLang;
  /** Error message per answer path (`children[0].birthDate`), from the engine's validateAnswers or the server. */
  errors: Record<string, string>;
  /** Files uploaded so far, by upload id (to show their names and sizes). */
  uploads: Record<string, UploadedFile>;
  /** Uploads one file for the field at `path`; without it file fields cannot be used (preview). */
  onUpload?: (file: File, path: string) => Promise<UploadedFile>;
  /** Corrections: only these paths (and what lies under them) are editable; the rest show as text. */
  readOnlyExcept?: string[];
  /** Prefix of element ids, unique on the page (`apply` → `apply-children-0-name`). */
  idPrefix: string;
  /** Postal code → addresses; defaults to the tenant's GET /applications/postal/:code. */
  lookupPostal?: (code: string) => Promise<PostalMatch[]>;
  /** Level of the page title (default 2: under the page's h1). */
  headingLevel?: 2 | 3;
}

/**
 * Draws one page of a form definition with every field type (used by the citizen's form, the
 * correction form, and the staff's preview and counter entry). It validates nothing itself: the
 * caller runs the engine's validateAnswers and passes the errors, so browser and server agree.
 */
export function FormRenderer(props: FormRendererProps) {
  const { definition, answers, onChange, pageId, lang, errors, uploads, onUpload, readOnlyExcept, idPrefix, headingLevel = 2 } = props;
  const { api } = useTenant();
  const latest = useRef(answers);
  latest.current = answers;
  const change = useRef(onChange);
  change.current = onChange;

  const lookupPostal = props.lookupPostal ?? (async (code: string) =>
    (await api.get<{ items: PostalMatch[] }>(`/applications/postal/${encodeURIComponent(code)}`)).items);

  const ctx = useMemo<RenderContext>(() => ({
    definition, lang, prefix: idPrefix, uploads, onUpload, lookupPostal,
    answers: () => latest.current,
    set: (path: string, value: AnswerValue | undefined) => {
      latest.current = setAt(latest.current, path, value);
      change.current(latest.current);
    },
    error: (path: string) => errors[path],
    editable: (path: string) => !readOnlyExcept || readOnlyExcept.some((p) => within(path, p)),
    touchesEditable: (path: string) => !readOnlyExcept || readOnlyExcept.some((p) => within(p, path) || within(path, p)),
    text: (t) => formText(t, lang),
  }), [definition, lang, idPrefix, uploads, onUpload, errors, readOnlyExcept, api]); // deps: lookupPostal follows api

  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) return null;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const S = headingLevel === 2 ? 'h3' : 'h4';
  const sections = page.sections.filter((s) => isVisible(s.showIf, answers)
    && (!readOnlyExcept || s.fields.some((f) => readOnlyExcept.some((p) => within(p, f.key)))));
  return (
    <FormContext.Provider value={ctx}>
      <div data-page={page.id}>
        <H id={`${idPrefix}-title-${page.id}`} tabIndex={-1} className="mb-2 text-std-24B-150">{formText(page.title, lang)}</H>
        {page.description && <p className="mb-6 text-std-16N-170 whitespace-pre-line">{formText(page.description, lang)}</p>}
        {sections.map((s) => (
          <section key={s.id} aria-labelledby={s.title ? `${idPrefix}-section-${page.id}-${s.id}` : undefined} className="mt-6">
            {s.title && <S id={`${idPrefix}-section-${page.id}-${s.id}`} className="mb-2 text-std-20B-150">{formText(s.title, lang)}</S>}
            {s.description && <p className="mb-4 text-std-16N-170 whitespace-pre-line text-solid-gray-800">{formText(s.description, lang)}</p>}
            <FieldList fields={s.fields} scope="" />
          </section>
        ))}
      </div>
    </FormContext.Provider>
  );
}
