/**
 * Cleaning what people type before it is validated and stored: trimmed strings, full-width digits
 * and dashes made ASCII in numbers, phones, postal codes, dates and times, furigana in katakana,
 * dates in 西暦 or 和暦 made `YYYY-MM-DD`. The server runs normalizeAnswers → pruneAnswers →
 * validateAnswers; the browser normalises a field when it loses focus.
 */
import { addDays, isValidYmd, toJstDateString } from '../../../core/ja/dates.ts';
import { toKatakana } from '../../../core/ja/kana.ts';
import { normalizeDateInput, toHalfWidth } from '../../../core/ja/date-input.ts';
import type { AnswerValue, Answers, FormDefinition, FormField } from './types.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

// Moved to core/ja so other modules' browser code can read dates without importing this engine.
export { normalizeDateInput, toHalfWidth };

/** Today in JST as 'YYYY-MM-DD'. */
export function todayJst(): string {
  return toJstDateString(new Date());
}

/** True when the text is a real date written 'YYYY-MM-DD'. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO.exec(text);
  return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date bound of a definition ('2024-04-01', 'today', 'today+7', 'today-30') as 'YYYY-MM-DD'; null when malformed. */
export function resolveDateBound(bound: string, today: string): string | null {
  if (isIsoDate(bound)) return bound;
  const m = /^today(?:([+-])(\d{1,6}))?$/.exec(bound);
  if (!m) return null;
  return m[1] ? addDays(today, (m[1] === '-' ? -1 : 1) * Number(m[2])) : today;
}

/** A time as typed → 'HH:MM' when it can be read (9:30, ９：３０, 9時30分, 0930), else the text trimmed. */
export function normalizeTimeInput(text: string): string {
  const t = toHalfWidth(text).trim().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?::|時)(\d{2})分?$|^(\d{2})(\d{2})$|^(\d{1,2})時$/.exec(t);
  if (!m) return t;
  const h = m[1] ?? m[3] ?? m[5]!;
  const min = m[2] ?? m[4] ?? '00';
  return `${h.padStart(2, '0')}:${min}`;
}

/** Katakana for furigana: hiragana and half-width kana become katakana, spaces become one ASCII space. */
export function normalizeKana(text: string): string {
  return toKatakana(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

function normalizePhone(text: string): string {
  let t = toHalfWidth(text).trim().replace(/[()\s]+/g, '-').replace(/-{2,}/g, '-');
  t = t.replace(/^-+|-+$/g, '');
  return t;
}

function normalizePostal(text: string): string {
  const t = toHalfWidth(text).replace(/[〒\s]/g, '');
  return /^\d{7}$/.test(t) ? `${t.slice(0, 3)}-${t.slice(3)}` : t;
}

function normalizeNumber(value: AnswerValue): AnswerValue {
  if (typeof value !== 'string') return value;
  const t = toHalfWidth(value).replace(/[,\s円¥￥]/g, '');
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : value;
}

const trim = (v: AnswerValue): AnswerValue => (typeof v === 'string' ? v.trim() : v);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function mapParts(value: AnswerValue, fn: (key: string, v: string) => string): AnswerValue {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? fn(k, v) : v;
  return out as unknown as AnswerValue;
}

/** One field's answer, cleaned for its type (values of the wrong shape pass through for validation to report). */
export function normalizeValue(field: FormField, value: AnswerValue): AnswerValue {
  switch (field.type) {
    case 'text': case 'select': case 'radio':
      return trim(value);
    case 'textarea':
      return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
    case 'email':
      return typeof value === 'string' ? value.normalize('NFKC').trim() : value;
    case 'phone':
      return typeof value === 'string' ? normalizePhone(value) : value;
    case 'postalCode':
      return typeof value === 'string' ? normalizePostal(value) : value;
    case 'number': case 'currency':
      return normalizeNumber(value);
    case 'date':
      return typeof value === 'string' ? (value.trim() === '' ? '' : normalizeDateInput(value) ?? value.trim()) : value;
    case 'time':
      return typeof value === 'string' ? normalizeTimeInput(value) : value;
    case 'checkboxes':
      return Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim() : v)))] as AnswerValue : value;
    case 'name':
      return mapParts(value, (k, v) => (k.endsWith('Kana') ? normalizeKana(v) : v.trim().replace(/\s+/g, ' ')));
    case 'address':
      return mapParts(value, (_k, v) => v.trim());
    case 'group':
      return Array.isArray(value) ? value.map((item) => (isObject(item) ? normalizeFields(field.fields ?? [], item as Answers) : item)) as AnswerValue : value;
    default:
      return value;
  }
}

function normalizeFields(fields: FormField[], answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const field of fields) {
    if (Object.prototype.hasOwnProperty.call(answers, field.key)) out[field.key] = normalizeValue(field, answers[field.key]!);
  }
  return out;
}

/** A copy of the answers with every field's answer cleaned for its type; unknown keys are kept (prune drops them). */
export function normalizeAnswers(def: FormDefinition, answers: Answers): Answers {
  const fields = def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields));
  return normalizeFields(fields, answers);
}
