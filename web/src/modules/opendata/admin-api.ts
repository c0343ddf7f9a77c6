import { API_ERROR_EVENT, ApiError, query, type TenantApi } from '../../app/api.ts';
import type {
  ApiToken, CkanGroup, CkanLicense, CkanOrganization, CkanPackage, CkanResource, CreatedToken, PackageInput,
  SearchResult, Template, ValidationReport,
} from './admin/types.ts';

// Every staff call of the open-data console: the CKAN Action API (`/t/{slug}/api/3/action/{name}`,
// the same one harvesters use, here on the staff session plus X-CSRF-Token), the module's staff routes
// (/api/admin/opendata/…) and the core's API tokens (/api/auth/tokens).

/**
 * A CKAN error answer `{success:false, error:{__type, message, <field>: [messages]}}`. `fields` holds
 * every field's messages; `field` (of ApiError) the first, for code that handles one.
 */
export class CkanApiError extends ApiError {
  constructor(status: number, public type: string, message: string, public fields: Record<string, string[]>) {
    super(status, type, message, Object.keys(fields)[0]);
  }
}

function csrf(): string {
  const c = document.cookie.split('; ').find((x) => x.startsWith('yakuba_csrf='));
  return c ? decodeURIComponent(c.slice('yakuba_csrf='.length)) : '';
}

type Params = Record<string, string | number | boolean | undefined>;

/** Calls one CKAN action: GET with query parameters, POST with JSON or a multipart form. Returns `result`. */
async function action<T>(slug: string, name: string, opts: { get?: Params; json?: unknown; form?: FormData }): Promise<T> {
  const url = `/t/${encodeURIComponent(slug)}/api/3/action/${name}${opts.get ? query(opts.get) : ''}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  const post = !opts.get;
  if (post) headers['x-csrf-token'] = csrf();
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method: post ? 'POST' : 'GET', headers, credentials: 'same-origin',
      body: opts.form ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json)),
    });
  } catch {
    throw new CkanApiError(0, 'network', '', {});
  }
  const text = await res.text();
  let data: { success?: boolean; result?: T; error?: Record<string, unknown> } | null = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok || !data?.success) {
    const e = data?.error ?? {};
    const fields: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(e)) {
      if (k === '__type' || k === 'message') continue;
      fields[k] = Array.isArray(v) ? v.map(String) : [String(v)];
    }
    const err = new CkanApiError(res.status, typeof e.__type === 'string' ? e.__type : `http_${res.status}`, typeof e.message === 'string' ? e.message : '', fields);
    window.dispatchEvent(new CustomEvent(API_ERROR_EVENT, { detail: err }));
    throw err;
  }
  return data.result as T;
}

/** The CKAN calls of one tenant, as the console makes them. */
export function ckan(slug: string) {
  return {
    /** Staff see their organisations' drafts and private datasets too; newest change first. */
    search: (p: { q?: string; rows: number; start: number }) => action<SearchResult>(slug, 'package_search', {
      get: { q: p.q || undefined, rows: p.rows, start: p.start, sort: 'metadata_modified desc', include_private: true, include_drafts: true },
    }),
    show: (id: string) => action<CkanPackage>(slug, 'package_show', { get: { id } }),
    create: (body: PackageInput) => action<CkanPackage>(slug, 'package_create', { json: body }),
    patch: (id: string, body: PackageInput) => action<CkanPackage>(slug, 'package_patch', { json: { id, ...body } }),
    remove: (id: string) => action<null>(slug, 'package_delete', { json: { id } }),
    /** Organisations the signed-in staff member may publish for. */
    organizations: () => action<CkanOrganization[]>(slug, 'organization_list_for_user', { get: {} }),
    groups: () => action<CkanGroup[]>(slug, 'group_list', { get: { all_fields: true } }),
    licenses: () => action<CkanLicense[]>(slug, 'license_list', { get: {} }),
    /** Uploads a file as a new resource; the server checks it against the dataset's template. */
    upload: (packageId: string, name: string, file: File) => {
      const form = new FormData();
      form.append('package_id', packageId);
      form.append('name', name);
      form.append('upload', file, file.name);
      return action<CkanResource>(slug, 'resource_create', { form });
    },
    /** Replaces a resource's file (checked again). */
    replace: (id: string, file: File) => {
      const form = new FormData();
      form.append('id', id);
      form.append('upload', file, file.name);
      return action<CkanResource>(slug, 'resource_update', { form });
    },
    removeResource: (id: string) => action<null>(slug, 'resource_delete', { json: { id } }),
  };
}

/** The object ckan() returns. */
export type Ckan = ReturnType<typeof ckan>;

const enc = encodeURIComponent;
// Lists arrive bare as the contract says; `{items}` (the core's usual list shape) is read the same.
const listOf = <T>(r: T[] | { items: T[] }): T[] => (Array.isArray(r) ? r : r.items);

/** The module's staff routes. */
export const staff = {
  templates: async (api: TenantApi) => listOf(await api.get<Template[] | { items: Template[] }>('/admin/opendata/templates')),
  /** The full report of a resource's last standard check. */
  check: async (api: TenantApi, resourceId: string): Promise<ValidationReport | null> => {
    // `{resourceId, templateId, ok, report}`; report is null for a file no template applies to.
    const r = await api.get<{ report: ValidationReport | null } | ValidationReport>(`/admin/opendata/resources/${enc(resourceId)}/check`);
    return 'report' in r ? r.report : r;
  },
};

/** The signed-in staff member's API tokens (core). */
export const tokens = {
  list: async (api: TenantApi) => listOf(await api.get<ApiToken[] | { items: ApiToken[] }>('/auth/tokens')),
  create: (api: TenantApi, body: { name: string; expiresInDays?: number }) => api.post<CreatedToken>('/auth/tokens', body),
  revoke: (api: TenantApi, id: string) => api.del<void>(`/auth/tokens/${enc(id)}`),
};
