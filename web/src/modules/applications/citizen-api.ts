import { API_ERROR_EVENT, ApiError } from '../../app/api.ts';
import type { Answers, FieldError, FormDefinition } from './form/engine.ts';
import type { PostalMatch, UploadedFile } from './form/context.ts';

// Every call the citizen pages make to /t/{slug}/api/applications. Adjust here if the server's shapes change.

/** How sure the city must be of who applies. */
export type IdentityLevel = 'none' | 'email' | 'account' | 'strong';
/** Where an application stands. */
export type SubmissionStatus = 'received' | 'reviewing' | 'correction_requested' | 'completed' | 'rejected';

/** A procedure in the catalogue (texts in the requested language). */
export interface ProcedureSummary {
  id: string; title: string; summary: string; category: string; departmentName: string | null;
  identityLevel: IdentityLevel; open: boolean; opensAt: string | null; closesAt: string | null;
}
/** A procedure's page: its texts and the live form (the definition carries every language). */
export interface ProcedurePublic extends ProcedureSummary {
  description: string; eligibility: string; fees: string; documents: string; languages: string[];
  form: { versionId: string; version: number; definition: FormDefinition } | null;
}
/** A saved draft. */
export interface Draft { procedureId: string; versionId: string; answers: Answers; pageId: string | null; expiresAt: string }
/** What the citizen gets after submitting. */
export interface CitizenReceipt { receiptNumber: string; procedureTitle: string; status: SubmissionStatus; submittedAt: string; email: string | null }
/** An application as its applicant sees it. */
export interface CitizenSubmission {
  receiptNumber: string; procedureId: string; procedureTitle: string; status: SubmissionStatus; submittedAt: string; updatedAt: string;
  history: { status: SubmissionStatus; at: string; message: string | null }[];
  messages: { at: string; from: 'staff' | 'applicant'; text: string }[];
  correction: { message: string; fields: string[] } | null;
  definition: FormDefinition; answers: Answers; computed: Record<string, number | string | null>;
  attachments?: UploadedFile[];
}

/** An API error that may carry the engine's field errors (400 invalid). */
export class SubmitError extends ApiError {
  constructor(status: number, code: string, message: string, field: string | undefined, public details: FieldError[]) {
    super(status, code, message, field);
  }
}

function csrf(): string {
  const c = document.cookie.split('; ').find((x) => x.startsWith('yakuba_csrf='));
  return c ? decodeURIComponent(c.slice('yakuba_csrf='.length)) : '';
}

// Like app/api.ts, plus headers (Idempotency-Key, x-access-token) and multipart bodies.
async function call<T>(slug: string, method: string, path: string, opts: { body?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf();
  let res: Response;
  try {
    res = await fetch(`/t/${encodeURIComponent(slug)}/api/applications${path}`, {
      method, headers, credentials: 'same-origin', body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
  } catch {
    throw new SubmitError(0, 'network', '', undefined, []);
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; field?: string; details?: FieldError[] } } | null)?.error;
    const err = new SubmitError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', e?.field?.replace(/^(body\.)?answers\./, ''), Array.isArray(e?.details) ? e.details : []);
    window.dispatchEvent(new CustomEvent(API_ERROR_EVENT, { detail: err }));
    throw err;
  }
  return data as T;
}

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][]).toString();
  return s ? `?${s}` : '';
};

/** The citizen API of one tenant. */
export function citizenApi(slug: string) {
  return {
    procedures: (p: { q?: string; category?: string; lang: string }) =>
      call<{ items: ProcedureSummary[]; categories: { id: string; label: string }[] }>(slug, 'GET', `/procedures${q(p)}`),
    procedure: (id: string, lang: string) => call<ProcedurePublic>(slug, 'GET', `/procedures/${encodeURIComponent(id)}${q({ lang })}`),
    postal: async (code: string) => (await call<{ items: PostalMatch[] }>(slug, 'GET', `/postal/${encodeURIComponent(code)}`)).items,
    upload: (procedureId: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return call<UploadedFile>(slug, 'POST', `/procedures/${encodeURIComponent(procedureId)}/uploads`, { form });
    },
    createDraft: (procedureId: string, body: { answers: Answers; pageId?: string; email?: string }) =>
      call<{ token: string; expiresAt: string }>(slug, 'POST', `/procedures/${encodeURIComponent(procedureId)}/drafts`, { body }),
    saveDraft: (token: string, body: { answers: Answers; pageId?: string }) => call<Draft>(slug, 'PUT', `/drafts/${encodeURIComponent(token)}`, { body }),
    draft: (token: string) => call<Draft>(slug, 'GET', `/drafts/${encodeURIComponent(token)}`),
    myDrafts: () => call<{ items: { token: string; procedureId: string; procedureTitle: string; updatedAt: string }[] }>(slug, 'GET', '/me/drafts'),
    emailCode: (procedureId: string, email: string, lang?: string) =>
      call<{ expiresAt: string }>(slug, 'POST', `/procedures/${encodeURIComponent(procedureId)}/email-codes`, { body: { email, ...(lang ? { lang } : {}) } }),
    submit: (procedureId: string, key: string, body: { versionId: string; answers: Answers; email?: string; emailCode?: string; lang?: string; draftToken?: string }) =>
      call<CitizenReceipt>(slug, 'POST', `/procedures/${encodeURIComponent(procedureId)}/submissions`, { body, headers: { 'idempotency-key': key } }),
    lookup: (receiptNumber: string, email: string) =>
      call<{ accessToken: string; submission: CitizenSubmission }>(slug, 'POST', '/lookup', { body: { receiptNumber, email } }),
    submission: (receiptNumber: string, accessToken?: string) =>
      call<CitizenSubmission>(slug, 'GET', `/submissions/${encodeURIComponent(receiptNumber)}`, { headers: accessToken ? { 'x-access-token': accessToken } : {} }),
    correct: (receiptNumber: string, answers: Answers, accessToken?: string, message?: string) =>
      call<CitizenSubmission>(slug, 'POST', `/submissions/${encodeURIComponent(receiptNumber)}/correction`, { body: { answers, ...(message ? { message } : {}) }, headers: accessToken ? { 'x-access-token': accessToken } : {} }),
    mySubmissions: () => call<{ items: { receiptNumber: string; procedureTitle: string; status: SubmissionStatus; submittedAt: string }[] }>(slug, 'GET', '/me/submissions'),
  };
}

/** The object citizenApi returns. */
export type CitizenApi = ReturnType<typeof citizenApi>;

/** A fresh random key for one submit attempt (Idempotency-Key). */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; plain-http intranet installs still get 122 random bits.
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const draftKey = (procedureId: string) => `yakuba.applications.draft.${procedureId}`;

/** The draft token this browser saved for a procedure, if any. */
export function storedDraft(procedureId: string): string | null {
  try { return localStorage.getItem(draftKey(procedureId)); } catch { return null; }
}

/** Remembers (or, with null, forgets) this browser's draft token for a procedure. */
export function storeDraft(procedureId: string, token: string | null): void {
  try {
    if (token) localStorage.setItem(draftKey(procedureId), token);
    else localStorage.removeItem(draftKey(procedureId));
  } catch { /* storage blocked: the resume link still works */ }
}
