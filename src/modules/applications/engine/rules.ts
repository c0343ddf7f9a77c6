/**
 * The rules of single-value field types (text … consent): each checks one answer and reports
 * through `ctx.fail`. Names, addresses, files and groups are in validate.ts.
 */
import { engineMessage } from './messages.ts';
import { isIsoDate, resolveDateBound } from './normalize.ts';
import { fieldLabel } from './text.ts';
import type { FieldError, FormField, FormLang } from './types.ts';

/** What a rule needs: the language, today, and a way to report an error at a path with a label. */
export interface RuleContext {
  lang: FormLang;
  today: string;
  /** Reports an error; `key` names the catalogue message ('custom': use `params.text` as it is). */
  fail(path: string, code: FieldError['code'], key: string, label: string, params?: Record<string, string | number>): void;
}

/** Longest string a pattern is tried on (guards against slow regular expressions on huge input). */
export const PATTERN_MAX_INPUT = 1000;
const patternCache = new Map<string, RegExp | null>();

/** A definition's pattern compiled to match the whole value (Unicode mode when it allows); null when invalid. Cached. */
export function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re !== undefined) return re;
  re = null;
  for (const flags of ['u', '']) {
    try {
      re = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {}
  }
  if (patternCache.size > 500) patternCache.clear();
  patternCache.set(pattern, re);
  return re;
}

/** Length in characters as people count them (code points, so 𠮷 is one). */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const EMAIL = /^[^\s@"(),:;<>[\]\\]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const POSTAL = /^\d{3}-?\d{4}$/;

/** A plausible e-mail address (one @, a dotted domain); the dotted local parts of old Japanese phones pass. */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** A Japanese phone number: 10 or 11 digits from 0 (or +81 without the 0), hyphens between digits allowed. */
export function isPhone(text: string): boolean {
  if (!/^(?:\+81-?)?\d+(?:-\d+)*$/.test(text)) return false;
  const digits = text.replace(/-/g, '').replace(/^\+81/, '0');
  return /^0\d{9,10}$/.test(digits) && !digits.startsWith('00');
}

/** A postal code: 7 digits, optionally NNN-NNNN. */
export function isPostalCode(text: string): boolean {
  return POSTAL.test(text);
}

function formatNumber(n: number, lang: FormLang, yen: boolean): string {
  const text = n.toLocaleString('en-US', { maximumFractionDigits: 10 });
  return yen ? engineMessage(lang, 'yen', { n: text }) : text;
}

/** A day 'YYYY-MM-DD' as a message shows it: 2024年4月1日 in Japanese, 2024-04-01 in English. */
export function formatDay(iso: string, lang: FormLang): string {
  if (lang === 'en') return iso;
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const [mantissa, exponent] = n.toExponential().split('e');
  const fraction = (mantissa!.split('.')[1] ?? '').length;
  return Math.max(0, fraction - Number(exponent));
}

/** Checks a non-empty answer of a single-value field type; reports the first broken rule. */
export function checkScalar(field: FormField, value: unknown, path: string, label: string, ctx: RuleContext): void {
  const fail = (code: FieldError['code'], key: string = code, params?: Record<string, string | number>): void => ctx.fail(path, code, key, label, params);
  switch (field.type) {
    case 'text': case 'textarea': {
      if (typeof value !== 'string') return fail('type');
      const length = codePoints(value);
      if (field.minLength !== undefined && length < field.minLength) return fail('minLength', 'minLength', { n: field.minLength });
      if (field.maxLength !== undefined && length > field.maxLength) return fail('maxLength', 'maxLength', { n: field.maxLength });
      if (field.pattern) {
        const re = compilePattern(field.pattern);
        if (!re || value.length > PATTERN_MAX_INPUT || !re.test(value)) {
          if (field.patternMessage) return fail('pattern', 'custom', { text: fieldLabel(field.patternMessage, ctx.lang) });
          return fail('pattern');
        }
      }
      return;
    }
    case 'number': case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('type');
      const yen = field.type === 'currency';
      const places = yen ? 0 : field.decimals ?? 0;
      if (decimalPlaces(value) > places) return places === 0 ? fail('decimals', 'integer') : fail('decimals', 'decimals', { n: places });
      const min = yen ? Math.max(field.min ?? 0, 0) : field.min;
      if (min !== undefined && value < min) return fail('min', 'min', { n: formatNumber(min, ctx.lang, yen) });
      if (field.max !== undefined && value > field.max) return fail('max', 'max', { n: formatNumber(field.max, ctx.lang, yen) });
      return;
    }
    case 'date': {
      if (!isIsoDate(value)) return fail(typeof value === 'string' ? 'date' : 'type', 'date');
      const min = field.minDate ? resolveDateBound(field.minDate, ctx.today) : null;
      const max = field.maxDate ? resolveDateBound(field.maxDate, ctx.today) : null;
      if (min && value < min) return fail('minDate', 'minDate', { n: formatDay(min, ctx.lang) });
      if (max && value > max) return fail('maxDate', 'maxDate', { n: formatDay(max, ctx.lang) });
      return;
    }
    case 'time':
      if (typeof value !== 'string' || !TIME.test(value)) return fail(typeof value === 'string' ? 'time' : 'type', 'time');
      return;
    case 'select': case 'radio':
      if (typeof value !== 'string') return fail('type');
      if (!(field.options ?? []).some((o) => o.value === value)) return fail('option');
      return;
    case 'checkboxes': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string') || new Set(value).size !== value.length) return fail('type');
      const allowed = new Set((field.options ?? []).map((o) => o.value));
      if (value.some((v) => !allowed.has(v as string))) return fail('option');
      if (field.minSelected !== undefined && value.length < field.minSelected) return fail('minSelected', 'minSelected', { n: field.minSelected });
      if (field.maxSelected !== undefined && value.length > field.maxSelected) return fail('maxSelected', 'maxSelected', { n: field.maxSelected });
      return;
    }
    case 'email':
      if (typeof value !== 'string') return fail('type');
      if (!isEmail(value)) return fail('email');
      return;
    case 'phone':
      if (typeof value !== 'string') return fail('type');
      if (!isPhone(value)) return fail('phone');
      return;
    case 'postalCode':
      if (typeof value !== 'string') return fail('type');
      if (!isPostalCode(value)) return fail('postalCode');
      return;
    case 'consent':
      if (typeof value !== 'boolean') return fail('type');
      return;
    default:
      return;
  }
}
