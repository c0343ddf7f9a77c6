import type { AnswerValue, Answers, FormField, FormLang } from './engine.ts';
import { displayAnswer } from './engine.ts';
import { fileSize, formText, type UploadedFile } from './context.ts';
import { childPath, itemPath } from './paths.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

/** How an answer reads on the review step and in read-only places (the engine's displayAnswer; files with their sizes). */
export function displayValue(field: FormField, value: AnswerValue | undefined, o: { lang: FormLang; uploads: Record<string, UploadedFile>; t: T }): string {
  if (field.type === 'file' && Array.isArray(value)) {
    return (value as string[]).map((id) => { const u = o.uploads[id]; return u ? `${u.filename}（${fileSize(u.size)}）` : o.t('applications.form.file_attached'); }).join('\n');
  }
  return displayAnswer(field, value, o.lang, { uploads: o.uploads });
}

/** One line of the review list: a field's label and its answer; group items carry their 「子ども 1」 heading. */
export interface ReviewRow { path: string; label: string; value: string; item?: string }

/** A page's visible answers as rows, group items expanded, display texts left out. */
export function reviewRows(fields: FormField[], answers: Answers, o: { lang: FormLang; uploads: Record<string, UploadedFile>; t: T; visible(field: FormField, item?: Answers): boolean }, scope = '', item?: Answers, itemName?: string): ReviewRow[] {
  const rows: ReviewRow[] = [];
  const src = item ?? answers;
  for (const f of fields) {
    if (f.type === 'display' || !o.visible(f, item)) continue;
    const path = childPath(scope, f.key);
    if (f.type === 'group') {
      const items = Array.isArray(src[f.key]) ? (src[f.key] as Answers[]) : [];
      const name = formText(f.itemLabel, o.lang) || formText(f.label, o.lang);
      items.forEach((it, i) => rows.push(...reviewRows(f.fields ?? [], answers, o, itemPath(path, i), it, o.t('applications.form.item_name', { label: name, n: i + 1 }))));
      if (items.length === 0) rows.push({ path, label: formText(f.label, o.lang), value: '', item: itemName });
      continue;
    }
    rows.push({ path, label: formText(f.label, o.lang), value: displayValue(f, src[f.key], o), item: itemName });
  }
  return rows;
}
