import type { MessageKey } from '../i18n/index.ts';

/** An error meant for the client: HTTP status, stable code, localised message key and the field at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
    /** Further problems behind this one (e.g. every FieldError of a form), sent as `error.details`. */
    readonly details?: unknown[],
  ) {
    super(`${code}: ${messageKey}`);
  }
}

/** 400 for a field whose value breaks a rule. */
export const invalid = (field: string, detail: string) => new AppError(400, 'invalid', 'error.validation', { field, detail }, field);
/** 404 for a record that does not exist or is not visible to the caller. */
export const notFound = () => new AppError(404, 'not_found', 'error.not_found');
/** 403 for a caller who lacks the permission. */
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
/** 401 for a caller who is not signed in. */
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'error.unauthenticated');
/** 409 for a value that must be unique and is taken. */
export const conflict = (field: string) => new AppError(409, 'conflict', 'error.conflict', { field }, field);
