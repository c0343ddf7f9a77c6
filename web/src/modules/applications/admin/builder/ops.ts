import type { FieldType, FormDefinition, FormField, FormPage, FormSection, FormText } from '../../form/engine.ts';

// Pure helpers of the form builder: where things are, new pages/sections/fields, moving and keys.

/** Every field type, in the order the builder's menu offers them. */
export const FIELD_TYPES: FieldType[] = [
  'text', 'textarea', 'number', 'currency', 'date', 'time', 'select', 'radio', 'checkboxes',
  'email', 'phone', 'postalCode', 'address', 'name', 'file', 'consent', 'group', 'display', 'reservation',
];
/** Types whose answer is one of `options`. */
export const CHOICE_TYPES: FieldType[] = ['select', 'radio', 'checkboxes'];

/** Where a field is: page, section, then the index in the section and (inside groups) in each group. */
export interface FieldLoc { page: number; section: number; path: number[] }

/** A stable string for a location (`0-1-2`, `0-1-2-0` inside a group), used in element ids. */
export const locId = (l: FieldLoc): string => [l.page, l.section, ...l.path].join('-');

/** The list that holds the field at `loc` (a section's fields or a group's fields). */
export function listOf(def: FormDefinition, loc: FieldLoc): FormField[] {
  let list = def.pages[loc.page].sections[loc.section].fields;
  for (const i of loc.path.slice(0, -1)) list = (list[i].fields ??= []);
  return list;
}

/** The field at `loc`, or undefined when it is gone. */
export function fieldAt(def: FormDefinition, loc: FieldLoc): FormField | undefined {
  try {
    return listOf(def, loc)[loc.path[loc.path.length - 1]];
  } catch {
    return undefined;
  }
}

/** Moves item `i` of a list by `dir` (−1 up, +1 down) in place; false at either end. */
export function move<T>(list: T[], i: number, dir: -1 | 1): boolean {
  const j = i + dir;
  if (j < 0 || j >= list.length) return false;
  [list[i], list[j]] = [list[j], list[i]];
  return true;
}

/** A key not yet used in `taken`: `field1`, `field2` … */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** Every key used anywhere in the definition (answer keys must be unique among siblings; unique overall is clearer). */
export function allKeys(def: FormDefinition): string[] {
  const walk = (fields: FormField[]): string[] => fields.flatMap((f) => [f.key, ...walk(f.fields ?? [])]);
  return def.pages.flatMap((p) => p.sections.flatMap((s) => walk(s.fields)));
}

const yesNo = (): FormField['options'] => [
  { value: 'yes', label: { ja: 'はい', en: 'Yes', 'ja-easy': 'はい' } },
  { value: 'no', label: { ja: 'いいえ', en: 'No', 'ja-easy': 'いいえ' } },
];

/** A new field of a type with sensible defaults; `label` is the type's name until staff rename it. */
export function newField(type: FieldType, key: string, label: FormText): FormField {
  const f: FormField = { key, type, label };
  if (CHOICE_TYPES.includes(type)) f.options = yesNo();
  if (type === 'file') Object.assign(f, { accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 5, maxFiles: 1 });
  if (type === 'group') Object.assign(f, { fields: [], minItems: 1, maxItems: 5 });
  if (type === 'display' || type === 'consent') f.content = { ja: '' };
  if (type === 'name') f.furigana = true;
  if (type === 'reservation') f.resourceId = '';
  if (type === 'text') f.maxLength = 100;
  if (type === 'textarea') f.maxLength = 1000;
  return f;
}

/** A new page (id `page1` …) with one empty section. */
export function newPage(def: FormDefinition, title: FormText): FormPage {
  const id = uniqueKey('page', def.pages.map((p) => p.id));
  return { id, title, sections: [newSection(def)] };
}

/** A new section; section ids are unique in the whole form. */
export function newSection(def: FormDefinition): FormSection {
  return { id: uniqueKey('section', def.pages.flatMap((p) => p.sections.map((s) => s.id))), fields: [] };
}

/** An empty one-page definition for a new procedure. */
export function emptyDefinition(title: FormText): FormDefinition {
  return { schemaVersion: 1, pages: [{ id: 'page1', title, sections: [{ id: 'main', fields: [] }] }] };
}

/** A field that conditions can name: its key, label and what it answers with. */
export interface Candidate { key: string; label: FormText; type: FieldType; options?: FormField['options'] }

/** Fields a condition may name: every asking field at the top level, plus the siblings inside one group. */
export function candidates(def: FormDefinition, group?: FormField): Candidate[] {
  const top = def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields));
  const own = group?.fields ?? [];
  return [...own, ...top].filter((f) => f.type !== 'display' && f.type !== 'group' && f.type !== 'file')
    .map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options }));
}

/** Where a checkDefinition path points: a page, section, field (with group nesting) or computed value. */
export interface ProblemTarget { page?: number; section?: number; path?: number[]; computed?: number }

/** Reads `pages[0].sections[1].fields[2].fields[0].key` / `computed[1].expression` into a target. */
export function targetOf(path: string): ProblemTarget {
  const c = /^computed\[(\d+)\]/.exec(path);
  if (c) return { computed: Number(c[1]) };
  const p = /^pages\[(\d+)\]/.exec(path);
  if (!p) return {};
  const s = /\.sections\[(\d+)\]/.exec(path);
  const fields = [...path.matchAll(/\.fields\[(\d+)\]/g)].map((m) => Number(m[1]));
  return { page: Number(p[1]), section: s ? Number(s[1]) : undefined, path: fields.length ? fields : undefined };
}
