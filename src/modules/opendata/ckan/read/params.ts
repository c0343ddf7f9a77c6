/**
 * Reading action parameters as CKAN does: GET values arrive as strings (repeated keys as arrays), POST
 * JSON as JSON types; both are accepted. A value that cannot be read is a 409 Validation Error naming it.
 */
import type { ActionParams } from '../actions.ts';
import { validationError } from '../errors.ts';

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** A string parameter ('' when absent). */
export function str(params: ActionParams, name: string): string {
  const v = first(params[name]);
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw validationError(name, 'Must be a string');
}

/** A required id or name parameter. */
export function required(params: ActionParams, name: string): string {
  const v = str(params, name).trim();
  if (!v) throw validationError(name, 'Missing value');
  return v;
}

/** CKAN's asbool: true/false, yes/no, on/off, 1/0 (any case); absent → the default. */
export function bool(params: ActionParams, name: string, fallback: boolean): boolean {
  const v = first(params[name]);
  if (v == null || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['true', 'yes', 'on', '1', 't', 'y'].includes(s)) return true;
  if (['false', 'no', 'off', '0', 'f', 'n'].includes(s)) return false;
  throw validationError(name, 'Must be a boolean (true or false)');
}

/** A natural number (0 or more) with a default, capped at `max` when given (CKAN caps rows silently). */
export function natural(params: ActionParams, name: string, fallback: number, max?: number): number {
  const v = first(params[name]);
  if (v == null || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw validationError(name, 'Invalid integer');
  if (n < 0) throw validationError(name, 'Must be a natural number');
  return max != null ? Math.min(n, max) : n;
}

/** An integer that may be negative (facet.limit: -1 means all). */
export function integer(params: ActionParams, name: string, fallback: number): number {
  const v = first(params[name]);
  if (v == null || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw validationError(name, 'Invalid integer');
  return n;
}

/** A list: a JSON array, a JSON-encoded array string ('["tags","organization"]'), repeated keys, or one value. */
export function list(params: ActionParams, name: string): string[] {
  const v = params[name];
  if (v == null || v === '') return [];
  const values = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of values) {
    if (typeof item === 'string' && item.trim().startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(item);
      } catch {
        throw validationError(name, 'Not a JSON list');
      }
      if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) throw validationError(name, 'Must be a list of strings');
      out.push(...(parsed as string[]));
    } else if (typeof item === 'string') {
      out.push(item);
    } else {
      throw validationError(name, 'Must be a list of strings');
    }
  }
  return out;
}
