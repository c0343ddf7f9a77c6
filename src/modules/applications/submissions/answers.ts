import { createHash } from 'node:crypto';
import { normalizeForSearch } from '../../../core/ja/normalize.ts';
import { AppError } from '../../../core/http/errors.ts';
import { parsePath } from '../engine/index.ts';
import type { Answers, AnswerValue, FieldError, FormDefinition, FormField, NameAnswer } from '../engine/types.ts';

const TOP_FIELDS = new WeakMap<FormDefinition, FormField[]>();

/** Every field of a definition at the top level of the answers (pages and sections flattened); cached per definition object. */
export function topFields(def: FormDefinition): FormField[] {
  let fields = TOP_FIELDS.get(def);
  if (!fields) TOP_FIELDS.set(def, (fields = def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields))));
  return fields;
}

/** Upload ids the answers name in file fields, with the answer path of each (`idDocument`, `children[0].certificate`). */
export function fileRefs(def: FormDefinition, answers: Answers): { id: string; fieldPath: string }[] {
  const out: { id: string; fieldPath: string }[] = [];
  const walk = (fields: FormField[], values: Answers, prefix: string) => {
    for (const f of fields) {
      const v = values?.[f.key];
      const path = `${prefix}${f.key}`;
      if (f.type === 'file' && Array.isArray(v)) for (const id of v) if (typeof id === 'string') out.push({ id, fieldPath: path });
      if (f.type === 'group' && Array.isArray(v) && f.fields) {
        (v as Answers[]).forEach((item, i) => walk(f.fields!, item, `${path}[${i}].`));
      }
    }
  };
  walk(topFields(def), answers, '');
  return out;
}

const isName = (v: AnswerValue | undefined): v is NameAnswer => Boolean(v) && typeof v === 'object' && !Array.isArray(v) && 'family' in (v as object);

/** The applicant's name for the inbox: the first name field of the form, `山田 太郎`. */
export function applicantNameOf(def: FormDefinition, answers: Answers): string {
  const field = topFields(def).find((f) => f.type === 'name' && isName(answers[f.key]));
  if (!field) return '';
  const n = answers[field.key] as NameAnswer;
  return [n.family, n.given].filter(Boolean).join(' ').slice(0, 200);
}

/** Every string leaf of the answers except file ids: what staff may search for. */
function textsOf(def: FormDefinition, answers: Answers): string[] {
  const files = new Set(fileRefs(def, answers).map((r) => r.id));
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (!files.has(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(answers);
  return out;
}

/** The inbox's search text: receipt number (bare and hyphenated), name, email and text answers, normalised. */
export function searchTextOf(def: FormDefinition, s: { receiptNumber: string; applicantName: string; email: string | null; answers: Answers }): string {
  const receipt = `${s.receiptNumber} ${s.receiptNumber.slice(0, 4)}-${s.receiptNumber.slice(4)}`;
  return normalizeForSearch([receipt, s.applicantName, s.email ?? '', ...textsOf(def, s.answers)].join(' ')).slice(0, 8000);
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** SHA-256 of what a submit request asked for: the same key must come back with the same request. */
export function requestHash(input: { procedureId: string; versionId: string; answers: unknown; email?: string | null }): string {
  return createHash('sha256').update(canonicalJson({ p: input.procedureId, v: input.versionId, a: input.answers, e: input.email ?? null })).digest('hex');
}

/** The 400 for answers that break the form's rules: `field` is the first error's path, `details` every error. */
export function answersInvalid(errors: FieldError[]): AppError {
  return new AppError(400, 'invalid', 'applications.submission.invalid_answers', { count: errors.length, first: errors[0]?.message ?? '' }, errors[0]?.path, errors);
}

/** The answers must be an object (the engine reads them as one). */
export function asAnswers(v: unknown): Answers {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Answers) : {};
}

const PARTS: Partial<Record<string, string[]>> = {
  name: ['family', 'given', 'familyKana', 'givenKana'],
  address: ['prefecture', 'city', 'street', 'building'],
};

/**
 * Whether a path names something the form asks: a field (`income`), a part of a name or address
 * (`applicant.familyKana`), a group item or a field in one (`children[0]`, `children[0].birthDate`).
 */
export function isFormPath(def: FormDefinition, path: string): boolean {
  const segments = parsePath(path);
  if (!segments) return false;
  let fields = topFields(def);
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i];
    if (typeof key !== 'string') return false;
    const field = fields.find((f) => f.key === key);
    if (!field || field.type === 'display') return false;
    const rest = segments.length - i - 1;
    if (rest === 0) return true;
    if (field.type === 'group') {
      if (typeof segments[i + 1] !== 'number') return false;
      if (rest === 1) return true;
      fields = field.fields ?? [];
      i++;
      continue;
    }
    const part = segments[i + 1];
    return rest === 1 && typeof part === 'string' && (PARTS[field.type] ?? []).includes(part);
  }
  return false;
}
