import { CkanError } from '../ckan/errors.ts';

/**
 * Collects every field at fault before answering, as CKAN's ValidationError does: each field gets
 * CKAN's English message first (clients match on it) and the Japanese beside it.
 */
export class FieldErrors {
  readonly fields: Record<string, string[]> = {};

  /** Records a problem of `field` in English (CKAN's words) and Japanese. */
  add(field: string, en: string, ja: string): void {
    (this.fields[field] ??= []).push(en, ja);
  }

  get any(): boolean {
    return Object.keys(this.fields).length > 0;
  }

  /** Throws CKAN's 409 Validation Error naming every field collected, if any. */
  throwIfAny(): void {
    if (this.any) throw validationErrors(this.fields);
  }
}

/** CKAN's 409 Validation Error for several fields; the message lists the fields as CKAN's summary does. */
export function validationErrors(fields: Record<string, string[]>): CkanError {
  const summary = Object.entries(fields).map(([f, msgs]) => `${f}: ${msgs[0]}`).join('; ');
  return new CkanError(409, 'Validation Error', summary, fields);
}

/** One field's 409 in English and Japanese. */
export function fieldError(field: string, en: string, ja: string): CkanError {
  return validationErrors({ [field]: [en, ja] });
}
