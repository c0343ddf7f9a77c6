/**
 * datastore_search parameters read as CKAN reads them (JSON values, or GET strings holding JSON) and
 * checked against the resource's columns: an unknown column or a bad value is a 409 naming the parameter.
 */
import type { ActionParams } from '../ckan/actions.ts';
import { validationError } from '../ckan/errors.ts';
import type { Condition, SortItem } from './repo.ts';
import type { DatastoreField } from './store.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 32000;

export type RecordsFormat = 'objects' | 'lists' | 'csv' | 'tsv';

/** A checked search. */
export interface SearchQuery {
  conditions: Condition[];
  sort: SortItem[];
  /** the columns answered, `_id` included when asked (all by default) */
  fields: DatastoreField[];
  limit: number;
  offset: number;
  includeTotal: boolean;
  format: RecordsFormat;
}

const ID_FIELD: DatastoreField = { id: '_id', type: 'int' };

/** A GET parameter that holds JSON (`filters={"a":1}`), or the value as sent. */
function jsonParam(v: unknown, field: string): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return v;
  try {
    return JSON.parse(t);
  } catch {
    throw validationError(field, 'Not valid JSON');
  }
}

function wholeNumber(v: unknown, field: string, fallback: number, max: number): number {
  if (v === undefined || v === null || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0) throw validationError(field, 'Must be a natural number');
  if (n > max) throw validationError(field, `Must be ${max} or less`);
  return n;
}

function bool(v: unknown, field: string, fallback: boolean): boolean {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false|1|0)$/i.test(v)) return /^(true|1)$/i.test(v);
  throw validationError(field, 'Must be true or false');
}

/** A filter value as stored for the column's type: numbers for number columns, strings for text and dates. */
function storedValue(f: DatastoreField, v: unknown): unknown {
  if (v === null) return null;
  if (typeof v === 'object') throw validationError('filters', `"${f.id}": a value must be a string, a number or a list of them`);
  if (f.type === 'int' || f.type === 'numeric' || f.type === 'float') {
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (String(v).trim() === '' || !Number.isFinite(n)) throw validationError('filters', `"${f.id}": "${String(v)}" is not a number`);
    return n;
  }
  if (f.type === 'bool') return typeof v === 'boolean' ? v : String(v).toLowerCase() === 'true';
  return String(v);
}

function filterConditions(raw: unknown, byId: Map<string, DatastoreField>): Condition[] {
  const filters = jsonParam(raw, 'filters');
  if (filters === undefined || filters === null || filters === '') return [];
  if (typeof filters !== 'object' || Array.isArray(filters)) throw validationError('filters', 'Must be a JSON object {"column": value or [values]}');
  const all: Record<string, unknown> = {};
  const out: Condition[] = [];
  for (const [key, value] of Object.entries(filters)) {
    const values = Array.isArray(value) ? value : [value];
    if (key === '_id') {
      const ids = values.map((v) => Number(v));
      if (!ids.every((n) => Number.isInteger(n))) throw validationError('filters', '"_id" must be whole numbers');
      out.push({ kind: 'rowIds', ids });
      continue;
    }
    const f = byId.get(key);
    if (!f) throw validationError('filters', `field "${key}" not in the datastore`);
    if (values.length === 0) throw validationError('filters', `"${key}": the list of values is empty`);
    if (values.length === 1) all[key] = storedValue(f, values[0]);
    else out.push({ kind: 'containsAny', values: values.map((v) => ({ [key]: storedValue(f, v) })) });
  }
  if (Object.keys(all).length > 0) out.unshift({ kind: 'contains', value: all });
  return out;
}

function textConditions(raw: unknown, byId: Map<string, DatastoreField>): Condition[] {
  const q = jsonParam(raw, 'q');
  if (q === undefined || q === null || q === '') return [];
  if (typeof q === 'string') return [{ kind: 'text', field: null, text: q }];
  if (typeof q !== 'object' || Array.isArray(q)) throw validationError('q', 'Must be a string or an object {"column": text}');
  return Object.entries(q).map(([key, text]) => {
    if (!byId.has(key)) throw validationError('q', `field "${key}" not in the datastore`);
    if (typeof text !== 'string') throw validationError('q', `"${key}": must be a string`);
    return { kind: 'text', field: key, text };
  });
}

function listParam(raw: unknown, field: string): string[] {
  const v = jsonParam(raw, field);
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  throw validationError(field, 'Must be a comma-separated list or a list of strings');
}

function sortItems(raw: unknown, byId: Map<string, DatastoreField>): SortItem[] {
  if (raw === undefined || raw === null || raw === '') return [];
  return listParam(raw, 'sort').map((part) => {
    const m = /^(?:"([^"]+)"|(.+?))(?:\s+(asc|desc))?$/i.exec(part)!;
    const field = m[1] ?? m[2]!;
    if (field !== '_id' && !byId.has(field)) throw validationError('sort', `field "${field}" not in the datastore`);
    return { field, desc: (m[3] ?? '').toLowerCase() === 'desc' };
  });
}

/** Reads and checks every search parameter against the resource's columns. */
export function searchQuery(params: ActionParams, columns: DatastoreField[]): SearchQuery {
  const byId = new Map(columns.map((f) => [f.id, f]));
  let fields = [ID_FIELD, ...columns];
  if (params.fields !== undefined && params.fields !== null && params.fields !== '') {
    fields = listParam(params.fields, 'fields').map((id) => {
      const f = id === '_id' ? ID_FIELD : byId.get(id);
      if (!f) throw validationError('fields', `field "${id}" not in the datastore`);
      return f;
    });
  }
  const format = params.records_format ?? 'objects';
  if (format !== 'objects' && format !== 'lists' && format !== 'csv' && format !== 'tsv') throw validationError('records_format', 'Must be objects, lists, csv or tsv');
  return {
    conditions: [...filterConditions(params.filters, byId), ...textConditions(params.q, byId)],
    sort: sortItems(params.sort, byId),
    fields,
    limit: wholeNumber(params.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT),
    offset: wholeNumber(params.offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    includeTotal: bool(params.include_total, 'include_total', true),
    format,
  };
}
