/**
 * resource_create / resource_update parameters as CKAN clients send them: JSON, or multipart fields
 * (every value a string, `*_translated` as a JSON string) with the file in `upload`.
 */
import type { ActionParams, UploadedFile } from '../ckan/actions.ts';
import { validationError } from '../ckan/errors.ts';
import type { Translated } from '../catalog/types.ts';

/** Japanese always, English when it was given. */
export type PartialTranslated = { ja: string; en?: string };

/** The parameters read; undefined means "not given". */
export interface ResourceParams {
  /** `en` absent: only the plain field (Japanese) was given, so an update keeps the English. */
  name?: PartialTranslated;
  description?: PartialTranslated;
  format?: string;
  position?: number;
  url?: string;
  upload?: UploadedFile;
}

const isUpload = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && Buffer.isBuffer((v as UploadedFile).data) && typeof (v as UploadedFile).filename === 'string';

/** A required string parameter (an id), 409 naming it when missing. */
export function requiredString(params: ActionParams, field: string): string {
  const v = params[field];
  if (typeof v !== 'string' || v.trim() === '') throw validationError(field, 'Missing value');
  return v.trim();
}

function optionalString(params: ActionParams, field: string, max: number): string | undefined {
  const v = params[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw validationError(field, 'Must be a string');
  if (v.length > max) throw validationError(field, `Must be at most ${max} characters`);
  return v;
}

/** `{field}_translated` (object or JSON string, as ckanext-fluent) over `{field}` (the Japanese). */
function translated(params: ActionParams, field: string, max: number): PartialTranslated | undefined {
  let t = params[`${field}_translated`];
  const plain = optionalString(params, field, max);
  if (typeof t === 'string') {
    try {
      t = JSON.parse(t);
    } catch {
      throw validationError(`${field}_translated`, 'Must be a JSON object {"ja": …, "en": …}');
    }
  }
  if (t !== undefined && t !== null) {
    if (typeof t !== 'object' || Array.isArray(t)) throw validationError(`${field}_translated`, 'Must be an object {"ja": …, "en": …}');
    const o = t as Record<string, unknown>;
    const ja = o.ja ?? plain ?? '';
    const en = o.en ?? '';
    if (typeof ja !== 'string' || typeof en !== 'string' || ja.length > max || en.length > max) {
      throw validationError(`${field}_translated`, `ja and en must be strings of at most ${max} characters`);
    }
    return { ja, en };
  }
  return plain === undefined ? undefined : { ja: plain };
}

/** Reads and checks the resource fields of a create or update. */
export function resourceParams(params: ActionParams): ResourceParams {
  const out: ResourceParams = {
    name: translated(params, 'name', 500),
    description: translated(params, 'description', 10_000),
    format: optionalString(params, 'format', 50)?.trim(),
  };
  const position = params.position;
  if (position !== undefined && position !== null && position !== '') {
    const n = typeof position === 'number' ? position : Number(position);
    if (!Number.isInteger(n) || n < 0 || n > 100_000) throw validationError('position', 'Must be a whole number 0 or more');
    out.position = n;
  }
  const upload = params.upload;
  if (upload !== undefined && upload !== null && upload !== '') {
    if (!isUpload(upload)) throw validationError('upload', 'Send the file as multipart/form-data in the field "upload"');
    out.upload = upload;
  }
  const url = optionalString(params, 'url', 2000)?.trim();
  if (url !== undefined && url !== '' && !out.upload) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch { /* not a URL: reported below */ }
    if (!ok) throw validationError('url', 'Must be an http:// or https:// address');
    out.url = url;
  }
  return out;
}

function lastSegment(url: string): string {
  const seg = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(seg) || url;
  } catch {
    return seg || url;
  }
}

/** A resource name from the file or link when none was given (CKAN shows the file name). */
export function defaultName(p: ResourceParams): Translated | undefined {
  const from = p.upload?.filename ?? (p.url ? lastSegment(p.url) : undefined);
  return from ? { ja: from.slice(0, 500), en: '' } : undefined;
}
