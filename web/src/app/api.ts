// The HTTP client every page uses: JSON in and out, the CSRF header on changes, errors as ApiError.

/** An error answer of the API: `{ error: { code, message, field? } }` (message already localised). */
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public field?: string) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the CSRF token from GET /api/auth/me (sent as x-csrf-token on every change). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? '';
}

function cookie(name: string): string {
  return document.cookie.split('; ').find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
}

/** Fired on window for every API error, so the shell can react (e.g. 2FA enrolment required). */
export const API_ERROR_EVENT = 'yakuba:api-error';

/** Calls `/t/{slug}/api{path}` (or `/api{path}` without a slug) and returns the parsed JSON; `extra` adds headers (e.g. Idempotency-Key). */
export async function apiRequest<T>(slug: string | null, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const url = `${slug ? `/t/${encodeURIComponent(slug)}` : ''}/api${path}`;
  const headers: Record<string, string> = { ...extra, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken || decodeURIComponent(cookie('yakuba_csrf'));
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    const err = new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', normaliseField(e?.field));
    window.dispatchEvent(new CustomEvent(API_ERROR_EVENT, { detail: err }));
    throw err;
  }
  return data as T;
}

// Servers name fields as `email`, `/email` or `body.email`; forms use the bare name.
function normaliseField(field: string | undefined): string | undefined {
  if (!field) return undefined;
  return field.replace(/^(body|querystring|params)[./]/, '').replace(/^\//, '').replace(/\//g, '.');
}

/** Shorthands bound to one tenant. */
export function tenantApi(slug: string) {
  return {
    get: <T>(path: string) => apiRequest<T>(slug, 'GET', path),
    post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) => apiRequest<T>(slug, 'POST', path, body, headers),
    put: <T>(path: string, body: unknown) => apiRequest<T>(slug, 'PUT', path, body),
    patch: <T>(path: string, body: unknown) => apiRequest<T>(slug, 'PATCH', path, body),
    del: <T>(path: string) => apiRequest<T>(slug, 'DELETE', path),
  };
}

/** The client of one tenant's API. */
export type TenantApi = ReturnType<typeof tenantApi>;

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
