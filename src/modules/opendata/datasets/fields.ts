import type { Translated } from '../catalog/types.ts';
import { DEFAULT_LICENSE_ID, LICENSES } from '../catalog/licenses.ts';
import { templateById } from '../standards/templates.ts';
import type { FieldErrors } from './field-errors.ts';

/** A dataset's editable fields after parsing; organisation and groups still as the caller named them. */
export interface DatasetFields {
  name: string;
  title: Translated;
  notes: Translated;
  ownerOrg: string;
  licenseId: string;
  tags: string[];
  groups: string[];
  extras: { key: string; value: string }[];
  private: boolean;
  state: 'active' | 'draft';
  templateId: string | null;
  url: string;
  version: string;
  author: string;
  authorEmail: string;
  maintainer: string;
  maintainerEmail: string;
}

/** What package_create starts from (and package_update resets to): CKAN's defaults, CC BY 4.0, public. */
export function defaultFields(): DatasetFields {
  return {
    name: '', title: { ja: '', en: '' }, notes: { ja: '', en: '' }, ownerOrg: '', licenseId: DEFAULT_LICENSE_ID, tags: [], groups: [],
    extras: [], private: false, state: 'active', templateId: null, url: '', version: '', author: '', authorEmail: '', maintainer: '', maintainerEmail: '',
  };
}

const NAME = /^[a-z0-9_-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Keys CKAN refuses as extras because a dataset field of that name exists. */
const CORE_KEYS = new Set(['id', 'name', 'title', 'notes', 'owner_org', 'license_id', 'tags', 'groups', 'extras', 'private', 'state', 'url', 'version',
  'author', 'author_email', 'maintainer', 'maintainer_email', 'resources', 'type', 'template_id', 'source', 'title_translated', 'notes_translated']);

const has = (p: Record<string, unknown>, key: string) => p[key] !== undefined;
const MISSING: [string, string] = ['Missing value', '必須項目です'];

/** CKAN's name rule (datasets, organisations, groups): 2–100 of a-z, 0-9, `-` and `_`. */
export function checkName(errors: FieldErrors, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    errors.add(field, ...MISSING);
    return '';
  }
  if (value.length < 2) errors.add(field, 'Must be at least 2 characters long', '2文字以上で入力してください');
  if (value.length > 100) errors.add(field, 'Name must be a maximum of 100 characters long', '100文字以内で入力してください');
  if (!NAME.test(value)) errors.add(field, 'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_', '半角英小文字・数字と - _ だけで入力してください');
  return value;
}

/** JSON sent as a string (multipart forms) read as JSON; anything else as it is. */
function jsonish(v: unknown): unknown {
  if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
    try { return JSON.parse(v); } catch { return v; }
  }
  return v;
}

/**
 * A `{ja, en}` text from `field_translated` (ckanext-fluent) or the plain `field` (Japanese); `keepEn`
 * is the English kept when only the plain field changes. `required`: ja must not be empty.
 */
export function checkTranslated(errors: FieldErrors, p: Record<string, unknown>, field: string, current: Translated, opts: { required: boolean; max: number; patch: boolean }): Translated {
  const tfield = `${field}_translated`;
  let out = current;
  if (has(p, tfield)) {
    const t = jsonish(p[tfield]);
    if (t === null || typeof t !== 'object' || Array.isArray(t)) {
      errors.add(tfield, 'Must be an object with ja and en', 'ja と en を持つオブジェクトで指定してください');
      return current;
    }
    const { ja, en } = t as Record<string, unknown>;
    if ((ja !== undefined && typeof ja !== 'string') || (en !== undefined && en !== null && typeof en !== 'string')) {
      errors.add(tfield, 'Must be a string', '文字列で指定してください');
      return current;
    }
    out = { ja: ((ja as string | undefined) ?? (opts.patch ? current.ja : '')).trim(), en: ((en as string | null | undefined) ?? (opts.patch ? current.en : '')).trim() };
  } else if (has(p, field)) {
    const v = p[field];
    if (v !== null && typeof v !== 'string') {
      errors.add(field, 'Must be a string', '文字列で指定してください');
      return current;
    }
    out = { ja: (v ?? '').trim(), en: opts.patch ? current.en : '' };
  }
  const at = has(p, tfield) ? tfield : field;
  if (opts.required && !out.ja) errors.add(at, ...MISSING);
  if (out.ja.length > opts.max || out.en.length > opts.max) errors.add(at, `Must be at most ${opts.max} characters long`, `${opts.max}文字以内で入力してください`);
  return out;
}

function checkText(errors: FieldErrors, p: Record<string, unknown>, field: string, current: string, max: number, email = false): string {
  if (!has(p, field)) return current;
  const v = p[field];
  if (v !== null && typeof v !== 'string') {
    errors.add(field, 'Must be a string', '文字列で指定してください');
    return current;
  }
  const s = (v ?? '').trim();
  if (s.length > max) errors.add(field, `Must be at most ${max} characters long`, `${max}文字以内で入力してください`);
  else if (email && s && !EMAIL.test(s)) errors.add(field, `Email ${s} is not a valid format`, `メールアドレス ${s} の形式が正しくありません`);
  return s;
}

function checkBool(errors: FieldErrors, p: Record<string, unknown>, field: string, current: boolean): boolean {
  if (!has(p, field)) return current;
  const v = p[field];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  errors.add(field, 'Value must be a boolean (true or false)', 'true か false で指定してください');
  return current;
}

function checkTags(errors: FieldErrors, p: Record<string, unknown>, current: string[]): string[] {
  let raw: unknown[];
  if (has(p, 'tags')) {
    const t = jsonish(p.tags);
    if (!Array.isArray(t)) {
      errors.add('tags', 'Must be a list of {name}', '{name} の配列で指定してください');
      return current;
    }
    raw = t;
  } else if (has(p, 'tag_string')) {
    raw = String(p.tag_string).split(',').map((s) => s.trim()).filter(Boolean);
  } else return current;
  const tags: string[] = [];
  for (const t of raw) {
    const name = typeof t === 'string' ? t : (t && typeof t === 'object' ? (t as { name?: unknown }).name : undefined);
    if (typeof name !== 'string' || !name.trim()) {
      errors.add('tags', 'Tag name is missing', 'タグ名がありません');
      continue;
    }
    const n = name.trim();
    if (n.length > 100) errors.add('tags', `Tag "${n}" length is more than maximum 100`, `タグ「${n}」は100文字以内にしてください`);
    else if (n.includes(',') || n.includes('、')) errors.add('tags', `Tag "${n}" must not contain commas`, `タグ「${n}」にカンマは使えません`);
    else if (!tags.includes(n)) tags.push(n);
  }
  return tags;
}

function checkGroups(errors: FieldErrors, p: Record<string, unknown>, current: string[]): string[] {
  if (!has(p, 'groups')) return current;
  const g = jsonish(p.groups);
  if (!Array.isArray(g)) {
    errors.add('groups', 'Must be a list of {name} or {id}', '{name} か {id} の配列で指定してください');
    return current;
  }
  const refs: string[] = [];
  for (const item of g) {
    const ref = typeof item === 'string' ? item : (item && typeof item === 'object' ? ((item as { id?: unknown }).id ?? (item as { name?: unknown }).name) : undefined);
    if (typeof ref !== 'string' || !ref) errors.add('groups', 'Group name or id is missing', 'グループの name か id がありません');
    else if (!refs.includes(ref)) refs.push(ref);
  }
  return refs;
}

function checkExtras(errors: FieldErrors, p: Record<string, unknown>, current: DatasetFields['extras']): DatasetFields['extras'] {
  if (!has(p, 'extras')) return current;
  const e = jsonish(p.extras);
  if (!Array.isArray(e)) {
    errors.add('extras', 'Must be a list of {key, value}', '{key, value} の配列で指定してください');
    return current;
  }
  const out: DatasetFields['extras'] = [];
  for (const item of e) {
    const { key, value } = (item && typeof item === 'object' ? item : {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || !key.trim() || key.length > 100) {
      errors.add('extras', 'Extra key must be 1–100 characters', 'extras の key は1〜100文字で指定してください');
      continue;
    }
    if (CORE_KEYS.has(key)) errors.add('extras', `There is a schema field with the same name: ${key}`, `key「${key}」はデータセットの項目名と同じです`);
    else if (out.some((x) => x.key === key)) errors.add('extras', `Duplicate key "${key}"`, `key「${key}」が重複しています`);
    else if (value != null && typeof value === 'object') errors.add('extras', `Value of "${key}" must be a string`, `「${key}」の value は文字列で指定してください`);
    else out.push({ key, value: value == null ? '' : String(value) });
  }
  return out;
}

/**
 * Reads and checks a package dict onto `base` (defaults for create and update, the stored dataset for
 * patch), adding every problem to `errors`. References (organisation, groups) and the name's
 * uniqueness are checked by the service, which knows the database.
 */
export function parseDatasetFields(errors: FieldErrors, p: Record<string, unknown>, base: DatasetFields, mode: 'create' | 'update' | 'patch'): DatasetFields {
  const patch = mode === 'patch';
  const out: DatasetFields = { ...base };
  if (has(p, 'name') || mode === 'create') out.name = checkName(errors, 'name', p.name);
  if (has(p, 'owner_org') || mode === 'create') {
    if (typeof p.owner_org !== 'string' || !p.owner_org) errors.add('owner_org', ...MISSING);
    else out.ownerOrg = p.owner_org;
  }
  // CKAN shows the name where no title was given; the catalog stores it so every page has a title.
  out.title = checkTranslated(errors, p, 'title', base.title, { required: false, max: 500, patch });
  if (!out.title.ja) {
    if (has(p, 'title') || has(p, 'title_translated')) errors.add(has(p, 'title_translated') ? 'title_translated' : 'title', ...MISSING);
    else out.title = { ja: out.name, en: out.title.en };
  }
  out.notes = checkTranslated(errors, p, 'notes', base.notes, { required: false, max: 20000, patch });
  if (has(p, 'license_id')) {
    const id = p.license_id;
    if (id === null || id === '') out.licenseId = base.licenseId;
    else if (typeof id !== 'string' || !LICENSES.some((l) => l.id === id)) errors.add('license_id', `License not found: ${String(id)} (use license_list)`, `ライセンス ${String(id)} は選べません（license_list を参照）`);
    else out.licenseId = id;
  }
  out.tags = checkTags(errors, p, base.tags);
  out.groups = checkGroups(errors, p, base.groups);
  out.extras = checkExtras(errors, p, base.extras);
  out.private = checkBool(errors, p, 'private', base.private);
  if (has(p, 'state')) {
    if (p.state === 'active' || p.state === 'draft') out.state = p.state;
    else errors.add('state', 'Value must be one of: active, draft', 'active か draft を指定してください');
  }
  if (has(p, 'template_id')) {
    const t = p.template_id;
    if (t === null || t === '') out.templateId = null;
    else if (typeof t !== 'string' || !templateById(t)) errors.add('template_id', `Template not found: ${String(t)}`, `標準データセットのテンプレート ${String(t)} はありません`);
    else out.templateId = t;
  }
  out.url = checkText(errors, p, 'url', base.url, 1000);
  out.version = checkText(errors, p, 'version', base.version, 100);
  out.author = checkText(errors, p, 'author', base.author, 200);
  out.authorEmail = checkText(errors, p, 'author_email', base.authorEmail, 200, true);
  out.maintainer = checkText(errors, p, 'maintainer', base.maintainer, 200);
  out.maintainerEmail = checkText(errors, p, 'maintainer_email', base.maintainerEmail, 200, true);
  return out;
}
