import { useI18n } from '../../../app/i18n/index.tsx';
import { ErrorSummary } from '../../../components/form.tsx';
import type { Answers, FieldError, FormDefinition, FormField, FormLang, FormPage } from './engine.ts';
import { normalizeAnswers, validateAnswers } from './engine.ts';
import { formText, type UploadedFile } from './context.ts';
import { idFor, ITEM_BASE } from './paths.ts';

/** The answer keys a page asks for (what `validateAnswers(…, { only })` checks for that page). */
export function pageKeys(page: FormPage): string[] {
  return page.sections.flatMap((s) => s.fields.filter((f) => f.type !== 'display').map((f) => f.key));
}

/** The page whose fields hold an answer path (`children[0].name` → the page asking `children`). */
export function pageOfPath(def: FormDefinition, path: string): FormPage | undefined {
  const key = /^[^.[]+/.exec(path)?.[0];
  return def.pages.find((p) => pageKeys(p).includes(key ?? ''));
}

function fileIds(fields: FormField[], answers: Answers, out: string[]): string[] {
  for (const f of fields) {
    const v = answers?.[f.key];
    if (f.type === 'file' && Array.isArray(v)) out.push(...(v as string[]));
    if (f.type === 'group' && Array.isArray(v)) for (const item of v as Answers[]) fileIds(f.fields ?? [], item, out);
  }
  return out;
}

/**
 * The engine's checks as the server runs them (answers normalised first). Files are checked by
 * type and size only when this browser knows every upload (after a resumed draft it may not; the
 * server checks them anyway).
 */
export function checkAnswers(def: FormDefinition, answers: Answers, o: { lang: FormLang; uploads: Record<string, UploadedFile>; only?: string[] }): FieldError[] {
  const normalized = normalizeAnswers(def, answers);
  const ids = fileIds(def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields)), normalized, []);
  const known = ids.every((id) => o.uploads[id]);
  return validateAnswers(def, normalized, { lang: o.lang, uploads: known ? o.uploads : undefined, only: o.only });
}

/** Engine errors as path → first message. */
export function errorsByPath(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path] ??= e.message;
  return out;
}

const PART_KEYS: Record<string, string> = {
  family: 'applications.form.family', given: 'applications.form.given', familyKana: 'applications.form.family_kana', givenKana: 'applications.form.given_kana',
  prefecture: 'applications.form.address_prefecture', city: 'applications.form.address_city', street: 'applications.form.address_street', building: 'applications.form.address_building',
};

type T = (key: string, params?: Record<string, string | number>) => string;

/** A path named for people: `children[1].birthDate` → 「子ども 2 お子さんの生年月日」; `applicant.familyKana` → 「氏名 フリガナ（姓）」. */
export function labelOfPath(def: FormDefinition, path: string, lang: FormLang, t: T): string {
  const parts: string[] = [];
  let fields: FormField[] = def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields));
  let current: FormField | undefined;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined && current) {
      parts.push(t('applications.form.item_name', { label: formText(current.itemLabel, lang) || formText(current.label, lang), n: Number(m[2]) - ITEM_BASE + 1 }));
      continue;
    }
    const next = fields.find((f) => f.key === m[1]);
    if (next) {
      current = next;
      fields = next.fields ?? [];
      if (next.type !== 'group') parts.push(formText(next.label, lang));
    } else if (PART_KEYS[m[1]]) {
      parts.push(t(PART_KEYS[m[1]]));
    }
  }
  return parts.join(' ');
}

/**
 * The error summary at the top of a form page: each problem links to its control (ids from
 * idFor), and it takes focus after every failed attempt.
 */
export function FormErrorSummary({ definition, errors, formError, attempt, prefix, lang }:
  { definition: FormDefinition; errors: Record<string, string>; formError?: string | null; attempt: number; prefix: string; lang: FormLang }) {
  const { t } = useI18n();
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = idFor(prefix, path).slice(prefix.length + 1);
    fields[key] = message;
    // The engine's messages usually name the field already (「氏名」を入力してください): then no prefix.
    const label = labelOfPath(definition, path, lang, t);
    labels[key] = label && !message.includes(label) ? label : '';
  }
  return <ErrorSummary errors={{ fields, form: formError ?? null }} attempt={attempt} labels={labels} prefix={prefix} />;
}
