/**
 * The shape of a bulk export: which fields a procedure's submissions have across every form version
 * in the export, and how one submission becomes a CSV row.
 *
 * CSV layout (documented for the core systems that import it):
 * - fixed columns first: 受付番号 (XXXX-XXXX), 受付日時 (JST, `YYYY-MM-DD HH:MM:SS`), 状態, 受付方法, 様式版;
 * - then one column per field in definition order: the union of the versions present, newest
 *   version's order and labels first, fields only older versions had after their predecessor;
 * - 氏名 fields split into `_姓 _名 _セイ _メイ`, 住所 fields into `_都道府県 _市区町村 _町域番地 _建物`;
 * - repeating groups flattened as `子ども1_氏名_姓`, `子ども2_…` up to the most items any exported
 *   submission has (item label + number, then the sub-field's header);
 * - checkboxes: the ticked options' labels joined with `、` in one cell (the JSON export carries the
 *   option values for machine import); select and radio: the option's label; dates ISO `YYYY-MM-DD`;
 *   numbers and 円 amounts unformatted; consent `はい`/`いいえ`; files: their file names joined with `、`;
 * - computed values (e.g. 手当月額) last. A hidden or unanswered field is an empty cell.
 * - free text that Excel would read as a formula (starting with = + - @ or a tab) gets a leading `'`.
 */
import type { AddressAnswer, Answers, AnswerValue, FieldType, FormDefinition, FormField, FormText, NameAnswer } from '../engine/types.ts';

/** A field merged over form versions: the newest definition wins; options keep every label ever used. */
export interface FieldPlan {
  key: string;
  type: FieldType;
  label: string;
  /** Group: the label of one item (「子ども」). */
  itemLabel: string;
  /** Name: whether any version asked for フリガナ. */
  furigana: boolean;
  options: Map<string, string>;
  /** Group: its fields, merged the same way. */
  fields: FieldPlan[];
}

/** A computed value's key and label (newest version's). */
export interface ComputedPlan {
  key: string;
  label: string;
}

/** One submission as exports read it. */
export interface ExportSubmission {
  id: string;
  receiptNumber: string;
  submittedAt: Date;
  status: string;
  channel: string;
  version: number;
  answers: Answers;
  computed: Record<string, unknown>;
  /** Upload id → file name, for file fields. */
  fileNames: Record<string, string>;
}

/** A CSV column: its header and how to read its cell from a submission. */
export interface CsvColumnPlan {
  header: string;
  cell: (s: ExportSubmission) => string;
}

const ja = (t: FormText | undefined): string => t?.ja ?? '';

function planOf(field: FormField): FieldPlan {
  return {
    key: field.key, type: field.type, label: ja(field.label), itemLabel: ja(field.itemLabel) || ja(field.label),
    furigana: !!field.furigana, options: new Map((field.options ?? []).map((o) => [o.value, ja(o.label)])),
    fields: field.type === 'group' ? mergeFieldLists((field.fields ?? []).map((f) => [f])) : [],
  };
}

/** Merges lists of fields (newest first) into one list in definition order. */
function mergeFieldLists(lists: FormField[][]): FieldPlan[] {
  const out: FieldPlan[] = [];
  const byKey = new Map<string, FieldPlan>();
  for (const list of lists) {
    let after: string | null = null;
    for (const field of list) {
      if (field.type === 'display') continue;
      const known = byKey.get(field.key);
      if (known) {
        if (field.furigana) known.furigana = true;
        for (const o of field.options ?? []) if (!known.options.has(o.value)) known.options.set(o.value, ja(o.label));
        if (known.type === 'group' && field.type === 'group') known.fields = mergeFieldLists([known.fields.map(unplan), field.fields ?? []]);
      } else {
        const plan = planOf(field);
        byKey.set(field.key, plan);
        // a field only an older version had goes right after the field it followed there
        out.splice(after === null ? 0 : out.findIndex((p) => p.key === after) + 1, 0, plan);
      }
      after = field.key;
    }
  }
  return out;
}

/** Back from a plan to a field, so a group's fields can be merged again with an older version's. */
function unplan(p: FieldPlan): FormField {
  return {
    key: p.key, type: p.type, label: { ja: p.label }, itemLabel: { ja: p.itemLabel }, furigana: p.furigana,
    options: [...p.options].map(([value, label]) => ({ value, label: { ja: label } })), fields: p.fields.map(unplan),
  };
}

const fieldsOf = (def: FormDefinition): FormField[] => def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields));

/** The union of the fields of the given definitions (newest first), in definition order. */
export function mergeFields(definitions: FormDefinition[]): FieldPlan[] {
  return mergeFieldLists(definitions.map(fieldsOf));
}

/** The union of the computed values of the given definitions (newest first). */
export function mergeComputed(definitions: FormDefinition[]): ComputedPlan[] {
  const seen = new Map<string, ComputedPlan>();
  for (const def of definitions) for (const c of def.computed ?? []) if (!seen.has(c.key)) seen.set(c.key, { key: c.key, label: ja(c.label) });
  return [...seen.values()];
}

/** Every repeating group, by path template (`children`, `children[].items`), with its JSON path for counting items. */
export function groupPaths(plan: FieldPlan[], prefix = '', jsonPrefix = '$'): { path: string; jsonPath: string }[] {
  return plan.filter((f) => f.type === 'group').flatMap((g) => {
    const path = `${prefix}${g.key}`;
    const jsonPath = `${jsonPrefix}.${JSON.stringify(g.key)}`;
    return [{ path, jsonPath }, ...groupPaths(g.fields, `${path}[].`, `${jsonPath}[*]`)];
  });
}

/** The JSON export's field list: each field's path (`children[].name` inside groups), label and type. */
export function fieldList(plan: FieldPlan[], prefix = '', labelPrefix = ''): { path: string; label: string; type: string }[] {
  return plan.flatMap((f) => [
    { path: `${prefix}${f.key}`, label: `${labelPrefix}${f.label}`, type: f.type },
    ...(f.type === 'group' ? fieldList(f.fields, `${prefix}${f.key}[].`, `${labelPrefix}${f.itemLabel}_`) : []),
  ]);
}

export const STATUS_LABELS: Record<string, string> = {
  received: '受付', reviewing: '審査中', correction_requested: '補正依頼', completed: '完了', rejected: '却下',
};
export const CHANNEL_LABELS: Record<string, string> = { online: 'オンライン', counter: '窓口' };

/** Date and time in JST as `YYYY-MM-DD HH:MM:SS`. */
export function jstDateTime(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Free text made safe from spreadsheet formula evaluation (CSV injection). */
export function safeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const asObject = <T>(v: AnswerValue | undefined): Partial<T> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as unknown as Partial<T>) : {});
const asList = (v: AnswerValue | undefined): unknown[] => (Array.isArray(v) ? v : []);

/** One cell of a simple (not name, address or group) field. */
export function simpleCell(f: FieldPlan, v: AnswerValue | undefined, fileNames: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '';
  switch (f.type) {
    case 'number': case 'currency': return typeof v === 'number' ? String(v) : safeText(v);
    case 'select': case 'radio': return safeText(f.options.get(String(v)) ?? v);
    case 'checkboxes': return asList(v).map((x) => safeText(f.options.get(String(x)) ?? x)).join('、');
    case 'consent': return v === true ? 'はい' : v === false ? 'いいえ' : '';
    case 'file': return asList(v).map((id) => safeText(fileNames[String(id)] ?? id)).join('、');
    default: return typeof v === 'object' ? safeText(JSON.stringify(v)) : safeText(v);
  }
}

type Read = (s: ExportSubmission) => AnswerValue | undefined;

function columnsOf(plan: FieldPlan[], read: (s: ExportSubmission) => Answers | undefined, header: string, maxItems: Map<string, number>, path: string): CsvColumnPlan[] {
  return plan.flatMap((f): CsvColumnPlan[] => {
    const value: Read = (s) => read(s)?.[f.key];
    const h = `${header}${f.label}`;
    if (f.type === 'name') {
      const parts: [keyof NameAnswer, string][] = [['family', '姓'], ['given', '名'], ...(f.furigana ? [['familyKana', 'セイ'], ['givenKana', 'メイ']] as [keyof NameAnswer, string][] : [])];
      return parts.map(([k, suffix]) => ({ header: `${h}_${suffix}`, cell: (s) => safeText(asObject<NameAnswer>(value(s))[k]) }));
    }
    if (f.type === 'address') {
      const parts: [keyof AddressAnswer, string][] = [['prefecture', '都道府県'], ['city', '市区町村'], ['street', '町域番地'], ['building', '建物']];
      return parts.map(([k, suffix]) => ({ header: `${h}_${suffix}`, cell: (s) => safeText(asObject<AddressAnswer>(value(s))[k]) }));
    }
    if (f.type === 'group') {
      const groupPath = `${path}${f.key}`;
      const n = maxItems.get(groupPath) ?? 0;
      return Array.from({ length: n }, (_, i) => columnsOf(f.fields, (s) => asList(value(s))[i] as Answers | undefined, `${header}${f.itemLabel}${i + 1}_`, maxItems, `${groupPath}[].`)).flat();
    }
    return [{ header: h, cell: (s) => simpleCell(f, value(s), s.fileNames) }];
  });
}

/**
 * The CSV columns: fixed ones, then each field (groups repeated `maxItems.get(path)` times), then
 * computed values. A header that would repeat gets `(2)`, `(3)`… so every column is unique.
 */
export function csvColumns(plan: FieldPlan[], computed: ComputedPlan[], maxItems: Map<string, number>): CsvColumnPlan[] {
  const cols: CsvColumnPlan[] = [
    { header: '受付番号', cell: (s) => `${s.receiptNumber.slice(0, 4)}-${s.receiptNumber.slice(4)}` },
    { header: '受付日時', cell: (s) => jstDateTime(s.submittedAt) },
    { header: '状態', cell: (s) => STATUS_LABELS[s.status] ?? s.status },
    { header: '受付方法', cell: (s) => CHANNEL_LABELS[s.channel] ?? s.channel },
    { header: '様式版', cell: (s) => String(s.version) },
    ...columnsOf(plan, (s) => s.answers, '', maxItems, ''),
    ...computed.map((c) => ({ header: c.label || c.key, cell: (s: ExportSubmission) => {
      const v = s.computed[c.key];
      return v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : safeText(v);
    } })),
  ];
  const seen = new Map<string, number>();
  for (const c of cols) {
    const n = (seen.get(c.header) ?? 0) + 1;
    seen.set(c.header, n);
    if (n > 1) c.header = `${c.header}(${n})`;
  }
  return cols;
}
