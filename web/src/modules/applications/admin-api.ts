import { query, type TenantApi } from '../../app/api.ts';
import type { Answers, FormDefinition } from '../../../../src/modules/applications/engine/types.ts';

// Every staff call of the applications module (/api/admin/applications/…). Adjust here if the server's shapes change.

const base = '/admin/applications';

/** Procedure categories the server accepts. */
export const CATEGORIES = ['childcare', 'health', 'tax', 'housing', 'welfare', 'education', 'residence', 'business', 'other'] as const;
/** How strongly an applicant must be identified. */
export const IDENTITY_LEVELS = ['none', 'email', 'account', 'strong'] as const;
/** Languages a procedure may be offered in. */
export const PROCEDURE_LANGS = ['ja', 'en', 'ja-easy'] as const;
/** Submission statuses in their usual order. */
export const STATUSES = ['received', 'reviewing', 'correction_requested', 'completed', 'rejected'] as const;

/** A procedure's lifecycle state. */
export type ProcedureState = 'draft' | 'live' | 'closed' | 'archived';
/** A submission's status. */
export type SubmissionStatus = (typeof STATUSES)[number];

/** The editable catalogue fields of a procedure. */
export interface ProcedureInput {
  titleJa: string; titleEn?: string; titleEasy?: string;
  summaryJa?: string; summaryEn?: string; summaryEasy?: string;
  descriptionJa?: string; descriptionEn?: string; descriptionEasy?: string;
  eligibilityJa?: string; eligibilityEn?: string; eligibilityEasy?: string;
  feesJa?: string; feesEn?: string; feesEasy?: string;
  documentsJa?: string; documentsEn?: string; documentsEasy?: string;
  category: string; departmentId: string | null; sharedDepartmentIds: string[];
  identityLevel: string; opensAt: string | null; closesAt: string | null; languages: string[];
}
/** A stored procedure with its state and versions. */
export interface AdminProcedure extends ProcedureInput {
  id: string; liveVersion: number | null; liveVersionId?: string | null; draftVersion: number | null; draftVersionId?: string | null; state: ProcedureState;
  submissionCount: number; createdAt: string; updatedAt: string;
}
/** One version of a procedure's form. */
export interface FormVersion { id: string; version: number; state: string; createdAt: string; publishedAt: string | null; submissionCount: number }
/** A version with its definition. */
export interface VersionDetail { id: string; version: number; state: string; definition: FormDefinition }

/** A row of the inbox. */
export interface SubmissionSummary {
  id: string; receiptNumber: string; procedureId: string; procedureTitle: string; departmentId: string | null;
  status: SubmissionStatus; channel: 'online' | 'counter'; applicantName: string | null;
  assignee: { id: string; name: string } | null; submittedAt: string; updatedAt: string;
}
/** One entry of a submission's history. */
export interface HistoryEntry { at: string; kind: string; fromStatus: string | null; toStatus: string | null; note: string | null; message: string | null; actorName: string | null }
/** A submission as staff process it. */
export interface SubmissionDetail extends SubmissionSummary {
  email: string | null; versionId: string; version: number; definition: FormDefinition; answers: Answers;
  computed: Record<string, number | string | null>; history: HistoryEntry[];
  attachments: { id: string; fieldPath: string; filename: string; contentType: string; size: number }[];
  correction: null | { message: string; fields: string[] };
}
/** Filters of the inbox. */
export interface InboxFilter { procedureId?: string; status?: string; assigneeId?: string; q?: string; channel?: string; limit: number; offset: number }
/** The receipt of a counter submission. */
export interface Receipt { receiptNumber: string; procedureTitle: string; status: string; submittedAt: string; email: string | null }
/** A department for the selects (core API). */
export interface DepartmentOption { id: string; nameJa: string; nameEn: string }

/** The JSON a procedure is exported as (and imported from). */
export interface ProcedureExport { format: 'yakuba.form/1'; procedure: Record<string, unknown>; definition: FormDefinition }

const items = <T>(r: { items: T[] } | T[]): T[] => (Array.isArray(r) ? r : r.items ?? []);

/** Procedures and their form versions (MANAGE). */
export const procedures = {
  list: async (api: TenantApi) => items(await api.get<{ items: AdminProcedure[] }>(`${base}/procedures`)),
  get: (api: TenantApi, id: string) => api.get<AdminProcedure>(`${base}/procedures/${id}`),
  /** The procedures the caller may process (any state but archived). */
  processable: async (api: TenantApi) => items(await api.get<{ items: { id: string; title: string; departmentId: string | null; state: string }[] }>(`${base}/procedures/processable`)),
  create: (api: TenantApi, p: ProcedureInput) => api.post<AdminProcedure>(`${base}/procedures`, p),
  update: (api: TenantApi, id: string, p: ProcedureInput) => api.put<AdminProcedure>(`${base}/procedures/${id}`, p),
  remove: (api: TenantApi, id: string) => api.del<unknown>(`${base}/procedures/${id}`),
  versions: async (api: TenantApi, id: string) => items(await api.get<{ items: FormVersion[] }>(`${base}/procedures/${id}/versions`)),
  version: (api: TenantApi, id: string, versionId: string) => api.get<VersionDetail>(`${base}/procedures/${id}/versions/${versionId}`),
  saveDraft: (api: TenantApi, id: string, definition: FormDefinition) => api.put<VersionDetail>(`${base}/procedures/${id}/draft`, { definition }),
  /** publish | close | reopen | archive */
  action: (api: TenantApi, id: string, action: 'publish' | 'close' | 'reopen' | 'archive') => api.post<unknown>(`${base}/procedures/${id}/${action}`),
  exportJson: (api: TenantApi, id: string) => api.get<ProcedureExport>(`${base}/procedures/${id}/export`),
  importJson: (api: TenantApi, data: ProcedureExport, departmentId: string) => api.post<AdminProcedure>(`${base}/procedures/import`, { ...data, departmentId }),
};

/** The inbox and the processing of one submission (PROCESS). */
export const submissions = {
  list: (api: TenantApi, f: InboxFilter) => api.get<{ items: SubmissionSummary[]; total: number }>(`${base}/submissions${query({ ...f })}`),
  get: (api: TenantApi, id: string) => api.get<SubmissionDetail>(`${base}/submissions/${id}`),
  setStatus: (api: TenantApi, id: string, body: { status: string; note?: string; message?: string; correctionFields?: string[] }) =>
    api.post<SubmissionDetail>(`${base}/submissions/${id}/status`, body),
  assign: (api: TenantApi, id: string, staffId: string | null) => api.post<unknown>(`${base}/submissions/${id}/assign`, { staffId }),
  message: (api: TenantApi, id: string, message: string) => api.post<unknown>(`${base}/submissions/${id}/messages`, { message }),
  assignees: async (api: TenantApi, procedureId?: string) => items(await api.get<{ items: { id: string; name: string }[] }>(`${base}/assignees${query({ procedureId })}`)),
  /** Enters a paper application; the same `idempotencyKey` on a retry answers the same receipt. */
  counter: (api: TenantApi, procedureId: string, body: { answers: Answers; email?: string; note?: string }, idempotencyKey: string) =>
    api.post<Receipt>(`${base}/procedures/${procedureId}/counter-submissions`, body, { 'idempotency-key': idempotencyKey }),
};

/** Download addresses (plain links: the browser sends the session cookie). */
export const downloads = {
  csv: (slug: string, procedureId: string, encoding: 'utf8' | 'cp932') => `/t/${slug}/api${base}/procedures/${procedureId}/submissions.csv?encoding=${encoding}`,
  json: (slug: string, procedureId: string) => `/t/${slug}/api${base}/procedures/${procedureId}/submissions.json`,
  pdf: (slug: string, id: string) => `/t/${slug}/api${base}/submissions/${id}/pdf`,
  attachment: (slug: string, id: string, attachmentId: string) => `/t/${slug}/api${base}/submissions/${id}/attachments/${attachmentId}`,
};

/** Departments for the selects: GET /api/admin/core/departments (any staff member may list them). */
export async function listDepartments(api: TenantApi): Promise<DepartmentOption[]> {
  type Row = { id: string; nameJa?: string; nameEn?: string; name?: { ja?: string; en?: string } };
  const r = await api.get<{ departments?: Row[]; items?: Row[] } | Row[]>('/admin/core/departments');
  const list = Array.isArray(r) ? r : r.departments ?? r.items ?? [];
  return list.map((d) => ({ id: String(d.id), nameJa: d.nameJa ?? d.name?.ja ?? '', nameEn: d.nameEn ?? d.name?.en ?? '' }));
}
