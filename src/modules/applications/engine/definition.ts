/**
 * checkDefinition: the structural problems of a form definition (as saved by the builder or imported
 * from another city), each with a path like `pages[0].sections[1].fields[2].key` and a message in
 * Japanese and English. An empty list means the engine can run the form.
 */
import { expressionProblem } from './logic.ts';
import { resolveDateBound } from './normalize.ts';
import { compilePattern } from './rules.ts';
import type { DefinitionProblem, FieldType } from './types.ts';

/** Every field type the engine knows. */
export const FIELD_TYPES: readonly FieldType[] = [
  'text', 'textarea', 'number', 'currency', 'date', 'time', 'select', 'radio', 'checkboxes', 'email',
  'phone', 'postalCode', 'address', 'name', 'file', 'consent', 'group', 'display', 'reservation',
];
const CHOICE = new Set(['select', 'radio', 'checkboxes']);
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;
/** A group that repeats a quantified part (`(a+)+`, `(\w+\s?)*`): slow on some inputs, so refused. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/;
const LIMITS = { pages: 100, fields: 1000, items: 100, options: 500, pattern: 500 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

class Checker {
  problems: DefinitionProblem[] = [];
  fieldCount = 0;

  add(path: string, message: string, messageEn: string): void {
    if (this.problems.length < 200) this.problems.push({ path, message, messageEn });
  }

  text(v: unknown, path: string, required: boolean): void {
    if (v === undefined && !required) return;
    if (!isObj(v) || typeof v.ja !== 'string' || v.ja.trim() === '') return this.add(path, '日本語の文言が必要です。', 'Japanese text is required.');
    for (const lang of ['en', 'ja-easy']) {
      if (v[lang] !== undefined && typeof v[lang] !== 'string') this.add(`${path}.${lang}`, '文言は文字列で指定してください。', 'Text must be a string.');
    }
  }

  expr(v: unknown, path: string): void {
    if (v === undefined) return;
    const problem = expressionProblem(v);
    if (problem) this.add(path, `条件式が正しくありません（${problem}）。`, `Invalid expression (${problem}).`);
  }

  range(f: Obj, path: string, lo: string, hi: string, check: (v: unknown) => boolean, kindJa: string): void {
    for (const k of [lo, hi]) {
      if (f[k] !== undefined && !check(f[k])) this.add(`${path}.${k}`, `${k} は${kindJa}で指定してください。`, `${k} must be ${kindJa === '0以上の整数' ? 'a whole number ≥ 0' : 'a number'}.`);
    }
    if (check(f[lo]) && check(f[hi]) && (f[lo] as number) > (f[hi] as number)) {
      this.add(`${path}.${lo}`, `${lo} が ${hi} より大きくなっています。`, `${lo} is greater than ${hi}.`);
    }
  }

  fields(list: unknown, path: string, keys: Set<string>, inGroup: boolean): void {
    if (!Array.isArray(list)) return this.add(path, '項目の一覧が必要です。', 'A list of fields is required.');
    list.forEach((f, i) => this.field(f, `${path}[${i}]`, keys, inGroup, list));
  }

  field(f: unknown, path: string, keys: Set<string>, inGroup: boolean, siblings: unknown[]): void {
    if (++this.fieldCount > LIMITS.fields) {
      if (this.fieldCount === LIMITS.fields + 1) this.add(path, `項目は${LIMITS.fields}個までです。`, `At most ${LIMITS.fields} fields.`);
      return;
    }
    if (!isObj(f)) return this.add(path, '項目の形式が正しくありません。', 'A field must be an object.');
    if (typeof f.key !== 'string' || !KEY.test(f.key)) this.add(`${path}.key`, 'キーは英字で始まる英数字と _ で指定してください。', 'The key must be letters, digits and _, starting with a letter.');
    else if (keys.has(f.key)) this.add(`${path}.key`, `キー「${f.key}」が重複しています。`, `The key "${f.key}" is used twice.`);
    else keys.add(f.key);
    const type = f.type as FieldType;
    if (!FIELD_TYPES.includes(type)) return this.add(`${path}.type`, `項目の種類「${String(f.type)}」は使えません。`, `Unknown field type "${String(f.type)}".`);
    this.text(f.label, `${path}.label`, true);
    this.text(f.help, `${path}.help`, false);
    for (const k of ['required', 'furigana']) {
      if (f[k] !== undefined && typeof f[k] !== 'boolean') this.add(`${path}.${k}`, `${k} は true か false で指定してください。`, `${k} must be true or false.`);
    }
    this.expr(f.showIf, `${path}.showIf`);
    this.range(f, path, 'minLength', 'maxLength', (v) => isInt(v), '0以上の整数');
    this.range(f, path, 'min', 'max', (v) => typeof v === 'number' && Number.isFinite(v), '数値');
    if (f.decimals !== undefined && !(isInt(f.decimals) && f.decimals <= 10)) this.add(`${path}.decimals`, '小数点以下の桁数は0〜10で指定してください。', 'decimals must be 0 to 10.');
    this.pattern(f, path);
    this.dates(f, path);
    if (CHOICE.has(type)) this.options(f, path);
    if (type === 'file') this.file(f, path);
    if (type === 'display') this.text(f.content, `${path}.content`, true);
    if (type === 'consent') this.text(f.content, `${path}.content`, false);
    if (type === 'reservation') this.reservation(f, path, inGroup);
    if (f.fillsAddress !== undefined) {
      const target = siblings.find((s) => isObj(s) && s.key === f.fillsAddress);
      if (type !== 'postalCode' || !isObj(target) || target.type !== 'address') {
        this.add(`${path}.fillsAddress`, '住所を入力する項目は、同じ並びにある住所項目のキーで指定してください。', 'fillsAddress must name an address field beside this postal code field.');
      }
    }
    if (type === 'group') {
      if (inGroup) return this.add(`${path}.type`, '繰り返し項目の中に繰り返し項目は置けません。', 'A repeating group cannot contain another group.');
      if (!Array.isArray(f.fields) || f.fields.length === 0) return this.add(`${path}.fields`, '繰り返し項目には1つ以上の項目が必要です。', 'A repeating group needs at least one field.');
      this.text(f.itemLabel, `${path}.itemLabel`, false);
      this.range(f, path, 'minItems', 'maxItems', (v) => isInt(v) && v <= LIMITS.items, '0以上の整数');
      this.fields(f.fields, `${path}.fields`, new Set(), true);
    }
  }

  reservation(f: Obj, path: string, inGroup: boolean): void {
    if (inGroup) this.add(`${path}.type`, '予約項目は繰り返し項目の中に置けません。', 'A reservation field cannot be inside a repeating group.');
    if (typeof f.resourceId !== 'string' || f.resourceId.trim() === '') this.add(`${path}.resourceId`, '予約対象（resourceId）を指定してください。', 'A reservation field needs a resourceId.');
    if (f.examTypeCode !== undefined && (typeof f.examTypeCode !== 'string' || f.examTypeCode.trim() === '')) this.add(`${path}.examTypeCode`, '検診の種類（examTypeCode）は文字列で指定してください。', 'examTypeCode must be a non-empty string.');
  }

  pattern(f: Obj, path: string): void {
    if (f.pattern === undefined) return;
    const p = f.pattern;
    if (typeof p !== 'string' || p.length > LIMITS.pattern || !compilePattern(p)) {
      return this.add(`${path}.pattern`, '正規表現が正しくありません。', 'The pattern is not a valid regular expression.');
    }
    if (NESTED_QUANTIFIER.test(p)) this.add(`${path}.pattern`, '繰り返しを含むグループの繰り返し（例: (a+)+）は使えません。', 'A repeated group that itself repeats (like (a+)+) is not allowed.');
    this.text(f.patternMessage, `${path}.patternMessage`, false);
  }

  dates(f: Obj, path: string): void {
    const bounds: Record<string, string | null> = {};
    for (const k of ['minDate', 'maxDate']) {
      if (f[k] === undefined) continue;
      bounds[k] = typeof f[k] === 'string' ? resolveDateBound(f[k], '2000-01-01') : null;
      if (!bounds[k]) this.add(`${path}.${k}`, '日付は YYYY-MM-DD、today、today+N、today-N のいずれかで指定してください。', 'Use YYYY-MM-DD, today, today+N or today-N.');
    }
    const fixed = (k: string): boolean => typeof f[k] === 'string' && !(f[k] as string).startsWith('today');
    if (fixed('minDate') && fixed('maxDate') && bounds.minDate && bounds.maxDate && bounds.minDate > bounds.maxDate) {
      this.add(`${path}.minDate`, 'minDate が maxDate より後になっています。', 'minDate is after maxDate.');
    }
  }

  options(f: Obj, path: string): void {
    const options = f.options;
    if (!Array.isArray(options) || options.length === 0) return this.add(`${path}.options`, '選択肢が必要です。', 'Choices are required.');
    if (options.length > LIMITS.options) return this.add(`${path}.options`, `選択肢は${LIMITS.options}個までです。`, `At most ${LIMITS.options} choices.`);
    const values = new Set<string>();
    options.forEach((o, i) => {
      const p = `${path}.options[${i}]`;
      if (!isObj(o) || typeof o.value !== 'string' || o.value === '') return this.add(`${p}.value`, '選択肢の値が必要です。', 'A choice needs a value.');
      if (values.has(o.value)) this.add(`${p}.value`, `選択肢の値「${o.value}」が重複しています。`, `The choice value "${o.value}" is used twice.`);
      values.add(o.value);
      this.text(o.label, `${p}.label`, true);
    });
    this.range(f, path, 'minSelected', 'maxSelected', (v) => isInt(v) && v <= options.length, '0以上（選択肢の数以下）の整数');
  }

  file(f: Obj, path: string): void {
    if (f.accept !== undefined && (!Array.isArray(f.accept) || f.accept.some((a) => typeof a !== 'string' || !MIME.test(a)))) {
      this.add(`${path}.accept`, 'ファイルの種類は image/jpeg のような MIME タイプで指定してください。', 'accept must list MIME types like image/jpeg.');
    }
    if (f.maxSizeMb !== undefined && !(typeof f.maxSizeMb === 'number' && f.maxSizeMb > 0 && f.maxSizeMb <= 1024)) {
      this.add(`${path}.maxSizeMb`, 'ファイルの大きさの上限は0より大きい数値（MB）で指定してください。', 'maxSizeMb must be a number above 0.');
    }
    if (f.maxFiles !== undefined && !(isInt(f.maxFiles, 1) && f.maxFiles <= 20)) this.add(`${path}.maxFiles`, 'ファイル数の上限は1〜20で指定してください。', 'maxFiles must be 1 to 20.');
  }
}

/** The structural problems of a definition; empty when it is valid. Accepts any JSON (imports). */
export function checkDefinition(def: unknown): DefinitionProblem[] {
  const c = new Checker();
  if (!isObj(def)) return [{ path: '', message: 'フォーム定義はオブジェクトで指定してください。', messageEn: 'A definition must be an object.' }];
  if (def.schemaVersion !== 1) c.add('schemaVersion', 'schemaVersion は 1 にしてください。', 'schemaVersion must be 1.');
  const pages = def.pages;
  if (!Array.isArray(pages) || pages.length === 0) {
    c.add('pages', 'ページが1つ以上必要です。', 'At least one page is required.');
    return c.problems;
  }
  if (pages.length > LIMITS.pages) c.add('pages', `ページは${LIMITS.pages}個までです。`, `At most ${LIMITS.pages} pages.`);
  const pageIds = pages.map((p) => (isObj(p) ? p.id : undefined));
  const sectionIds = new Set<string>();
  const keys = new Set<string>();
  pages.slice(0, LIMITS.pages).forEach((page, i) => {
    const path = `pages[${i}]`;
    if (!isObj(page)) return c.add(path, 'ページの形式が正しくありません。', 'A page must be an object.');
    if (typeof page.id !== 'string' || !ID.test(page.id) || page.id === 'review') c.add(`${path}.id`, 'ページIDは英字で始まる英数字・_・- で指定してください（review は使えません）。', 'A page id must be letters, digits, _ or -, starting with a letter (not "review").');
    else if (pageIds.indexOf(page.id) !== i) c.add(`${path}.id`, `ページID「${page.id}」が重複しています。`, `The page id "${page.id}" is used twice.`);
    c.text(page.title, `${path}.title`, true);
    c.text(page.description, `${path}.description`, false);
    c.expr(page.showIf, `${path}.showIf`);
    if (!Array.isArray(page.sections)) c.add(`${path}.sections`, 'セクションの一覧が必要です。', 'A list of sections is required.');
    else page.sections.forEach((s, j) => {
      const sp = `${path}.sections[${j}]`;
      if (!isObj(s)) return c.add(sp, 'セクションの形式が正しくありません。', 'A section must be an object.');
      if (typeof s.id !== 'string' || !ID.test(s.id)) c.add(`${sp}.id`, 'セクションIDは英字で始まる英数字・_・- で指定してください。', 'A section id must be letters, digits, _ or -, starting with a letter.');
      else if (sectionIds.has(s.id)) c.add(`${sp}.id`, `セクションID「${s.id}」が重複しています。`, `The section id "${s.id}" is used twice.`);
      else sectionIds.add(s.id);
      c.text(s.title, `${sp}.title`, false);
      c.text(s.description, `${sp}.description`, false);
      c.expr(s.showIf, `${sp}.showIf`);
      c.fields(s.fields, `${sp}.fields`, keys, false);
    });
    if (page.next === undefined) return;
    if (!Array.isArray(page.next)) return c.add(`${path}.next`, '移動ルールの一覧が必要です。', 'next must be a list of rules.');
    page.next.forEach((rule, k) => {
      const rp = `${path}.next[${k}]`;
      if (!isObj(rule)) return c.add(rp, '移動ルールの形式が正しくありません。', 'A rule must be an object.');
      if (rule.if === undefined) c.add(`${rp}.if`, '移動ルールには条件が必要です。', 'A rule needs a condition.');
      c.expr(rule.if, `${rp}.if`);
      const target = pageIds.indexOf(rule.goTo);
      if (rule.goTo !== 'review' && !(typeof rule.goTo === 'string' && target > i)) c.add(`${rp}.goTo`, '移動先は、このページより後のページのIDか review で指定してください。', 'goTo must be the id of a later page, or "review".');
    });
  });
  computedProblems(c, def.computed);
  return c.problems;
}

function computedProblems(c: Checker, computed: unknown): void {
  if (computed === undefined) return;
  if (!Array.isArray(computed)) return c.add('computed', '計算項目の一覧が必要です。', 'computed must be a list.');
  const keys = new Set<string>();
  computed.forEach((v, i) => {
    const path = `computed[${i}]`;
    if (!isObj(v)) return c.add(path, '計算項目の形式が正しくありません。', 'A computed value must be an object.');
    if (typeof v.key !== 'string' || !KEY.test(v.key)) c.add(`${path}.key`, 'キーは英字で始まる英数字と _ で指定してください。', 'The key must be letters, digits and _, starting with a letter.');
    else if (keys.has(v.key)) c.add(`${path}.key`, `キー「${v.key}」が重複しています。`, `The key "${v.key}" is used twice.`);
    else keys.add(v.key);
    c.text(v.label, `${path}.label`, true);
    if (v.expression === undefined) c.add(`${path}.expression`, '計算式が必要です。', 'An expression is required.');
    c.expr(v.expression, `${path}.expression`);
    if (v.format !== undefined && !['number', 'yen', 'text'].includes(v.format as string)) c.add(`${path}.format`, '表示形式は number、yen、text のいずれかです。', 'format must be number, yen or text.');
  });
}
