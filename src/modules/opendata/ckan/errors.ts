/** A CKAN action error: status and `__type` as CKAN answers them, with per-field messages for validation. */
export class CkanError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 429,
    readonly type: 'Validation Error' | 'Authorization Error' | 'Not Found Error' | 'Bad request' | 'Search Query Error' | 'Upload Error',
    message: string,
    /** field → messages, as CKAN's ValidationError dict (`{"name": ["That URL is already in use."]}`) */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** 409 Validation Error naming one field (CKAN answers validation failures with 409). */
export const validationError = (field: string, message: string) => new CkanError(409, 'Validation Error', `${field}: ${message}`, { [field]: [message] });
/** 404 Not Found Error for a record the caller cannot see. */
export const notFoundError = (what: string) => new CkanError(404, 'Not Found Error', `${what} not found`);
/** 403 Authorization Error. */
export const authError = (message = 'Access denied') => new CkanError(403, 'Authorization Error', message);
/** 400 for a parameter that cannot be read (bad JSON, wrong type of a search parameter). */
export const badRequest = (field: string, message: string) => new CkanError(400, 'Bad request', `${field}: ${message}`, { [field]: [message] });
