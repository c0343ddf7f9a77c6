import { useI18n } from '../../../../app/i18n/index.tsx';
import { Button } from '../../../../components/Button.tsx';
import type { Answers, FormDefinition, FormLang, FormPage } from '../../form/engine.ts';
import { computeValues, displayComputed, isVisible } from '../../form/engine.ts';
import { formText, type UploadedFile } from '../../form/context.ts';
import { reviewRows, type ReviewRow } from '../../form/display.ts';

/** Computed values (fee, number of children…) as the review and the receipt show them. */
export function ComputedList({ definition, answers, lang, computed }: { definition: FormDefinition; answers: Answers; lang: FormLang; computed?: Record<string, number | string | null> }) {
  const { t } = useI18n();
  const values = computed ?? computeValues(definition, answers);
  const list = (definition.computed ?? []).filter((c) => values[c.key] !== null && values[c.key] !== undefined);
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="computed-title" className="mb-8 rounded-12 border-2 border-key-900 bg-key-50 p-5">
      <h3 id="computed-title" className="mb-2 text-std-20B-150">{t('applications.apply.computed')}</h3>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        {list.map((c) => <div key={c.key} className="contents">
          <dt className="text-std-16B-170">{formText(c.label, lang)}</dt>
          <dd className="mb-2 text-std-18B-160 sm:mb-0">{displayComputed(c, values[c.key], lang)}</dd>
        </div>)}
      </dl>
    </section>
  );
}

/** Every answer, page by page, each page with 「修正する」 back to it. */
export function ReviewList({ answers, pages, lang, uploads, onEdit }:
  { answers: Answers; pages: FormPage[]; lang: FormLang; uploads: Record<string, UploadedFile>; onEdit?: (pageId: string) => void }) {
  const { t } = useI18n();
  return <>
    {pages.map((page) => {
      const rows = reviewRows(page.sections.filter((s) => isVisible(s.showIf, answers)).flatMap((s) => s.fields), answers,
        { lang, uploads, t, visible: (f, item) => isVisible(f.showIf, answers, item) });
      const title = formText(page.title, lang);
      return (
        <section key={page.id} aria-labelledby={`review-${page.id}`} className="mb-6 rounded-12 border border-solid-gray-420 p-4 md:p-5">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h3 id={`review-${page.id}`} className="text-std-20B-150">{title}</h3>
            {onEdit && <Button variant="tertiary" onClick={() => onEdit(page.id)} aria-label={t('applications.apply.edit_page', { page: title })}>{t('applications.apply.edit')}</Button>}
          </div>
          {groupRows(rows).map((g, gi) => <div key={gi} className={g.item ? 'my-3 border-l-4 border-key-200 pl-3' : ''}>
            {g.item && <h4 className="text-std-17B-170 text-key-900">{g.item}</h4>}
            <dl>
              {g.rows.map((r) => <div key={r.path} className="border-t border-solid-gray-200 py-2 first:border-t-0">
                <dt className="text-std-16B-170 text-solid-gray-800">{r.label}</dt>
                <dd className="text-std-16N-170 whitespace-pre-line text-solid-gray-900">{r.value || t('applications.form.no_answer')}</dd>
              </div>)}
            </dl>
          </div>)}
        </section>
      );
    })}
  </>;
}

/** Consecutive rows of the same group item, so each item gets its heading (「子ども 1」). */
function groupRows(rows: ReviewRow[]): { item?: string; rows: ReviewRow[] }[] {
  const out: { item?: string; rows: ReviewRow[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.item === r.item) last.rows.push(r);
    else out.push({ item: r.item, rows: [r] });
  }
  return out;
}
