/**
 * Answers for people to read (review step, staff detail, CSV, PDF): yen with commas, dates also in
 * 和暦, names with their furigana, option labels instead of values; computed values; and the flat
 * list of fields that CSV columns follow, repeating groups spread over numbered columns.
 */
import { toWareki } from '../../../core/ja/wareki.ts';
import { valueOf } from './logic.ts';
import { engineMessage, itemFieldLabel } from './messages.ts';
import { isIsoDate } from './normalize.ts';
import { formatDay } from './rules.ts';
import { fieldLabel } from './text.ts';
import type { Answers, ComputedValue, EvalOptions, FormDefinition, FormField, FormLang, FormText } from './types.ts';
import { pruneAnswers } from './visibility.ts';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Options of displayAnswer. */
export interface DisplayOptions {
  /** Upload names by id, so a file answer shows its file names. */
  uploads?: Record<string, { filename?: string }>;
}

/** A number with thousands separators: 1234567 → '1,234,567'. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Yen as people read it: 12000 → '12,000円' (en: '¥12,000'). */
export function formatYen(n: number, lang: FormLang): string {
  return engineMessage(lang, 'yen', { n: formatNumber(n) });
}

/** A day as people read it: ja '2024年4月1日（令和6年4月1日）', en '2024-04-01'. */
export function formatDate(iso: string, lang: FormLang): string {
  if (lang === 'en') return iso;
  let wareki = '';
  try {
    wareki = toWareki(iso);
  } catch {}
  return wareki ? `${formatDay(iso, lang)}（${wareki}）` : formatDay(iso, lang);
}

/** An instant as a JST date and time: ja '2026年5月1日（令和8年5月1日）09:30', en '2026-05-01 09:30'. */
export function formatInstant(iso: string, lang: FormLang): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const jst = new Date(ms + 9 * 3600_000).toISOString();
  return `${formatDate(jst.slice(0, 10), lang)} ${jst.slice(11, 16)}`;
}

function optionLabel(field: FormField, value: unknown, lang: FormLang): string {
  const option = (field.options ?? []).find((o) => o.value === value);
  return option ? fieldLabel(option.label, lang) : String(value);
}

/** One answer as text for people: '' when there is none. */
export function displayAnswer(field: FormField, value: unknown, lang: FormLang, opts: DisplayOptions = {}): string {
  if (value === undefined || value === null || value === '') return '';
  const list = engineMessage(lang, 'list');
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'currency':
      return typeof value === 'number' ? formatYen(value, lang) : String(value);
    case 'date':
      return isIsoDate(value) ? formatDate(value, lang) : String(value);
    case 'select': case 'radio':
      return optionLabel(field, value, lang);
    case 'checkboxes':
      return Array.isArray(value) ? value.map((v) => optionLabel(field, v, lang)).join(list) : String(value);
    case 'consent':
      return engineMessage(lang, value === true ? 'agreed' : 'notAgreed');
    case 'name': {
      if (!isObject(value)) return '';
      const name = [str(value.family), str(value.given)].filter(Boolean).join(' ');
      const kana = [str(value.familyKana), str(value.givenKana)].filter(Boolean).join(' ');
      if (!kana) return name;
      return lang === 'en' ? `${name} (${kana})` : `${name}（${kana}）`;
    }
    case 'address': {
      if (!isObject(value)) return '';
      const main = `${str(value.prefecture)}${str(value.city)}${str(value.street)}`;
      return [main, str(value.building)].filter(Boolean).join(' ');
    }
    case 'file': {
      if (!Array.isArray(value)) return '';
      const names = value.map((id) => opts.uploads?.[String(id)]?.filename);
      if (names.every(Boolean)) return names.join(list);
      return lang === 'en' ? `${value.length} file(s)` : `${value.length}件`;
    }
    case 'group':
      if (!Array.isArray(value)) return '';
      return lang === 'en' ? `${value.length} item(s)` : `${value.length}件`;
    case 'display':
      return '';
    case 'reservation':
      if (!isObject(value) || typeof value.start !== 'string') return '';
      return formatInstant(value.start, lang) + (typeof value.reference === 'string' ? engineMessage(lang, 'bookingRef', { n: value.reference }) : '');
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The computed values of a definition for some answers (on pruned answers; a failing expression is null). */
export function computeValues(def: FormDefinition, answers: Answers, opts?: EvalOptions): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  if (!def.computed?.length) return out;
  const pruned = pruneAnswers(def, answers, opts);
  for (const c of def.computed) out[c.key] = valueOf(c.expression, pruned, opts);
  return out;
}

/** A computed value as text: yen, number with commas, or the text; '' when null. */
export function displayComputed(computed: ComputedValue, value: number | string | null | undefined, lang: FormLang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && computed.format === 'yen') return formatYen(value, lang);
  if (typeof value === 'number' && computed.format !== 'text') return formatNumber(value);
  return String(value);
}

/** One column of a flat export: the answer path, its field, and a label in each language. */
export interface FlatField {
  path: string;
  field: FormField;
  label: FormText;
}

/**
 * Every answerable field in definition order, for CSV columns: groups spread over their items,
 * `children[0].name`, `children[1].name`, … as many items as the most any of `samples` has (at
 * least minItems). Display fields have no column.
 */
export function flattenFields(def: FormDefinition, samples: Answers[] = []): FlatField[] {
  const out: FlatField[] = [];
  const seen = new Set<string>();
  for (const page of def.pages) {
    for (const section of page.sections) {
      for (const field of section.fields) {
        if (field.type === 'display' || seen.has(field.key)) continue;
        seen.add(field.key);
        if (field.type !== 'group') {
          out.push({ path: field.key, field, label: field.label });
          continue;
        }
        const items = Math.max(field.minItems ?? 0, ...samples.map((s) => (Array.isArray(s?.[field.key]) ? (s[field.key] as unknown[]).length : 0)));
        const itemLabel = field.itemLabel ?? field.label;
        for (let i = 0; i < items; i++) {
          for (const f of field.fields ?? []) {
            if (f.type === 'display') continue;
            const make = (lang: FormLang): string => itemFieldLabel(lang, fieldLabel(itemLabel, lang), i, fieldLabel(f.label, lang));
            const label: FormText = { ja: make('ja'), en: make('en'), 'ja-easy': make('ja-easy') };
            out.push({ path: `${field.key}[${i}].${f.key}`, field: f, label });
          }
        }
      }
    }
  }
  return out;
}
