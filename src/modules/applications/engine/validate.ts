/**
 * validateAnswers: the one check of answers against a definition, run by the browser as people type
 * and by the server before anything is stored. Only what a citizen was asked is checked (hidden
 * fields, sections and pages and skipped pages are not), unknown keys are ignored, and every error
 * names its field by path and label in the requested language.
 */
import { engineMessage, itemFieldLabel, partLabel } from './messages.ts';
import { isIsoDate, todayJst } from './normalize.ts';
import { isUnder } from './paths.ts';
import { checkScalar, codePoints, type RuleContext } from './rules.ts';
import { fieldLabel, PREFECTURES } from './text.ts';
import type { Answers, EvalOptions, FieldError, FormDefinition, FormField, UploadInfo, ValidateOptions } from './types.ts';
import { settle, visibleItemFields } from './visibility.ts';

interface Context extends RuleContext {
  uploads?: Record<string, UploadInfo>;
  root: Answers;
  evalOpts: EvalOptions;
}

/** Longest part of a name, and of an address, in characters. */
export const NAME_PART_MAX = 50;
export const ADDRESS_PART_MAX = 200;
const KATAKANA = /^[\u30A1-\u30FE \u3000]+$/;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Whether an answer counts as not given: absent, null, blank text, an empty list, a name or address with no part. */
export function isEmptyAnswer(field: FormField, value: unknown): boolean {
  if (blank(value)) return true;
  if (Array.isArray(value)) return value.length === 0;
  if ((field.type === 'name' || field.type === 'address') && isObject(value)) return Object.values(value).every(blank);
  if (field.type === 'reservation' && isObject(value)) return blank(value.start);
  return false;
}

function requiredKey(field: FormField): string {
  if (field.type === 'select' || field.type === 'radio' || field.type === 'checkboxes') return 'requiredChoice';
  if (field.type === 'reservation') return 'requiredSlot';
  return field.type === 'file' ? 'requiredFile' : 'required';
}

/** Checks the parts of a name or an address: those given are text within the length, those needed are there. */
function checkParts(value: Record<string, unknown>, parts: string[], needed: string[], max: number, path: string, label: string, ctx: Context): boolean {
  let ok = true;
  for (const part of parts) {
    const v = value[part];
    const partPath = `${path}.${part}`;
    const text = partLabel(ctx.lang, label, part);
    if (v !== undefined && v !== null && typeof v !== 'string') ctx.fail(partPath, 'type', 'type', text);
    else if (blank(v)) {
      if (needed.includes(part)) ctx.fail(partPath, 'required', 'required', text);
      continue;
    } else if (codePoints(v as string) > max) ctx.fail(partPath, 'maxLength', 'maxLength', text, { n: max });
    else continue;
    ok = false;
  }
  return ok;
}

function checkName(field: FormField, value: unknown, path: string, label: string, ctx: Context): void {
  if (!isObject(value)) return ctx.fail(path, 'type', 'type', label);
  const parts = field.furigana ? ['family', 'given', 'familyKana', 'givenKana'] : ['family', 'given'];
  checkParts(value, parts, parts, NAME_PART_MAX, path, label, ctx);
  if (!field.furigana) return;
  for (const part of ['familyKana', 'givenKana']) {
    const v = value[part];
    if (typeof v === 'string' && !blank(v) && codePoints(v) <= NAME_PART_MAX && !KATAKANA.test(v)) {
      ctx.fail(`${path}.${part}`, 'kana', 'kana', partLabel(ctx.lang, label, part));
    }
  }
}

function checkAddress(value: unknown, path: string, label: string, ctx: Context): void {
  if (!isObject(value)) return ctx.fail(path, 'type', 'type', label);
  const ok = checkParts(value, ['prefecture', 'city', 'street', 'building'], ['prefecture', 'city', 'street'], ADDRESS_PART_MAX, path, label, ctx);
  const prefecture = value.prefecture;
  if (ok && typeof prefecture === 'string' && !PREFECTURES.includes(prefecture.trim())) {
    ctx.fail(`${path}.prefecture`, 'option', 'option', partLabel(ctx.lang, label, 'prefecture'));
  }
}

/** A MIME type as people know it: application/pdf → PDF, image/jpeg → JPEG. */
export function typeName(contentType: string): string {
  const sub = contentType.split('/')[1] ?? contentType;
  return sub.replace(/^(x-|vnd\.)/, '').split(/[.+;]/)[0]!.toUpperCase();
}

function checkFiles(field: FormField, value: unknown, path: string, label: string, ctx: Context): void {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string') || new Set(value).size !== value.length) {
    return ctx.fail(path, 'type', 'type', label);
  }
  const maxFiles = field.maxFiles ?? 1;
  if (value.length > maxFiles) ctx.fail(path, 'maxFiles', 'maxFiles', label, { n: maxFiles });
  if (!ctx.uploads) return; // the browser may not know its uploads; the server always passes them
  const list = engineMessage(ctx.lang, 'list');
  for (const id of value as string[]) {
    const info = hasOwn(ctx.uploads, id) ? ctx.uploads[id] : undefined;
    if (!info) {
      ctx.fail(path, 'unknown', 'fileMissing', label);
      continue;
    }
    const file = info.filename ? (ctx.lang === 'en' ? `“${info.filename}”` : `「${info.filename}」`) : engineMessage(ctx.lang, 'theFile');
    if (field.accept?.length && !field.accept.includes(info.contentType)) {
      ctx.fail(path, 'fileType', 'fileType', label, { file, n: field.accept.map(typeName).join(list) });
    } else if (field.maxSizeMb !== undefined && info.size > field.maxSizeMb * 1024 * 1024) {
      ctx.fail(path, 'fileSize', 'fileSize', label, { file, n: field.maxSizeMb });
    }
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether text is an ISO 8601 instant with a zone (`2026-05-01T00:30:00.000Z`, `2026-05-01T09:30+09:00`). */
export function isIsoInstant(v: unknown): v is string {
  return typeof v === 'string' && INSTANT.test(v) && isIsoDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v));
}

function checkReservation(value: unknown, path: string, label: string, ctx: Context): void {
  if (!isObject(value)) return ctx.fail(path, 'type', 'type', label);
  if (!isIsoInstant(value.start)) return ctx.fail(path, 'type', 'slot', label);
  if (value.examTypeCode !== undefined && value.examTypeCode !== null && typeof value.examTypeCode !== 'string') ctx.fail(path, 'type', 'slot', label);
}

function checkGroup(field: FormField, value: unknown, path: string, label: string, ctx: Context): void {
  if (!Array.isArray(value)) return ctx.fail(path, 'type', 'type', label);
  if (field.minItems !== undefined && value.length < field.minItems) ctx.fail(path, 'minItems', 'minItems', label, { n: field.minItems });
  if (field.maxItems !== undefined && value.length > field.maxItems) ctx.fail(path, 'maxItems', 'maxItems', label, { n: field.maxItems });
  const itemLabel = fieldLabel(field.itemLabel, ctx.lang) || label;
  value.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (!isObject(item)) return ctx.fail(itemPath, 'type', 'type', itemFieldLabel(ctx.lang, itemLabel, i, label));
    for (const f of visibleItemFields(field, item as Answers, ctx.root, ctx.evalOpts)) {
      const v = hasOwn(item, f.key) ? item[f.key] : undefined;
      checkField(f, v, `${itemPath}.${f.key}`, itemFieldLabel(ctx.lang, itemLabel, i, fieldLabel(f.label, ctx.lang)), ctx);
    }
  });
}

function checkField(field: FormField, value: unknown, path: string, label: string, ctx: Context): void {
  if (field.type === 'display') return;
  if (field.type === 'consent') {
    if (value !== undefined && value !== null && typeof value !== 'boolean') return ctx.fail(path, 'type', 'type', label);
    if (field.required && value !== true) ctx.fail(path, 'consent', 'consent', label);
    return;
  }
  if (isEmptyAnswer(field, value)) {
    if (field.required) ctx.fail(path, 'required', requiredKey(field), label);
    else if (field.type === 'group' && (field.minItems ?? 0) > 0) ctx.fail(path, 'minItems', 'minItems', label, { n: field.minItems! });
    return;
  }
  switch (field.type) {
    case 'name': return checkName(field, value, path, label, ctx);
    case 'address': return checkAddress(value, path, label, ctx);
    case 'file': return checkFiles(field, value, path, label, ctx);
    case 'group': return checkGroup(field, value, path, label, ctx);
    case 'reservation': return checkReservation(value, path, label, ctx);
    default: return checkScalar(field, value, path, label, ctx);
  }
}

/** The errors of the answers to the fields a citizen was shown (empty when they may be submitted). */
export function validateAnswers(def: FormDefinition, answers: Answers, opts: ValidateOptions): FieldError[] {
  const lang = opts.lang;
  const today = opts.today ?? todayJst();
  const evalOpts: EvalOptions = { today };
  const { answers: pruned, fields } = settle(def, isObject(answers) ? answers : {}, evalOpts);
  const errors: FieldError[] = [];
  const ctx: Context = {
    lang,
    today,
    uploads: opts.uploads,
    root: pruned,
    evalOpts,
    fail(path, code, key, label, params = {}) {
      const message = key === 'custom' ? String(params.text) : engineMessage(lang, key, { ...params, label });
      errors.push({ path, code, message });
    },
  };
  for (const { field } of fields) {
    checkField(field, hasOwn(pruned, field.key) ? pruned[field.key] : undefined, field.key, fieldLabel(field.label, lang), ctx);
  }
  const only = opts.only;
  return only ? errors.filter((e) => only.some((o) => isUnder(e.path, o))) : errors;
}
