import { query, type TenantApi } from '../../app/api.ts';
import type { AuditItem, Department, OutboxItem, Paged, Permission, Role, StaffUser } from './types.ts';

// The staff console's core API (/api/admin/core/...). All paths and answer shapes live here, so a
// change on the server is one edit. Answers are normalised to the flat types in types.ts.

const base = '/admin/core';
type Obj = Record<string, unknown>;

// Lists come as {departments:[…]}, {items:[…]} or a bare array.
function items<T>(r: unknown, key: string): T[] {
  if (Array.isArray(r)) return r as T[];
  const o = (r ?? {}) as Obj;
  return ((o[key] ?? o.items ?? []) as T[]);
}

// A single record may be wrapped: {department:{…}}.
function one<T>(r: unknown, key: string): T {
  const o = (r ?? {}) as Obj;
  return (o[key] ?? o) as T;
}

function toDepartment(d: Obj): Department {
  const name = (d.name ?? {}) as { ja?: string; en?: string };
  return { id: String(d.id), code: String(d.code ?? ''), nameJa: String(d.nameJa ?? name.ja ?? ''), nameEn: String(d.nameEn ?? name.en ?? '') };
}

/** Department API. */
export const departments = {
  list: async (api: TenantApi) => items<Obj>(await api.get(`${base}/departments`), 'departments').map(toDepartment),
  create: async (api: TenantApi, d: Omit<Department, 'id'>) => toDepartment(one(await api.post(`${base}/departments`, d), 'department')),
  update: async (api: TenantApi, id: string, d: Omit<Department, 'id'>) => toDepartment(one(await api.patch(`${base}/departments/${id}`, d), 'department')),
  remove: (api: TenantApi, id: string) => api.del<unknown>(`${base}/departments/${id}`),
};

/** The editable fields of a staff user. */
export type StaffUserInput = Pick<StaffUser, 'email' | 'displayName' | 'departmentIds' | 'roleIds' | 'isTenantAdmin' | 'disabled'>;

/** Staff user API. `create` returns the generated initial password when none was given. */
export const users = {
  list: async (api: TenantApi) => items<StaffUser>(await api.get(`${base}/users`), 'users'),
  get: async (api: TenantApi, id: string) => one<StaffUser>(await api.get(`${base}/users/${id}`), 'user'),
  create: async (api: TenantApi, u: Omit<StaffUserInput, 'disabled'> & { password?: string }) => {
    const r = (await api.post<Obj>(`${base}/users`, u)) ?? {};
    return { user: one<StaffUser>(r, 'user'), initialPassword: (r.initialPassword as string | undefined) ?? null };
  },
  update: async (api: TenantApi, id: string, u: Partial<StaffUserInput>) => one<StaffUser>(await api.patch(`${base}/users/${id}`, u), 'user'),
  unlock: (api: TenantApi, id: string) => api.post<unknown>(`${base}/users/${id}/unlock`),
  resetTotp: (api: TenantApi, id: string) => api.post<unknown>(`${base}/users/${id}/reset-totp`),
};

/** Role API. */
export const roles = {
  list: async (api: TenantApi) => items<Role>(await api.get(`${base}/roles`), 'roles'),
  create: async (api: TenantApi, r: Omit<Role, 'id'>) => one<Role>(await api.post(`${base}/roles`, r), 'role'),
  update: async (api: TenantApi, id: string, r: Omit<Role, 'id'>) => one<Role>(await api.patch(`${base}/roles/${id}`, r), 'role'),
  remove: (api: TenantApi, id: string) => api.del<unknown>(`${base}/roles/${id}`),
  permissions: async (api: TenantApi) => items<Permission>(await api.get(`${base}/permissions`), 'permissions'),
};

/** Filters of the audit log search (dates as YYYY-MM-DD, days in JST). */
export interface AuditFilter { action?: string; actorId?: string; q?: string; personal?: string; from?: string; to?: string; limit: number; offset: number }

function toAudit(a: Obj): AuditItem {
  const actor = (a.actor ?? {}) as Obj;
  const target = (a.target ?? {}) as Obj;
  return {
    seq: Number(a.seq), at: String(a.at), action: String(a.action),
    actorKind: String(a.actorKind ?? actor.kind ?? ''), actorId: (a.actorId ?? actor.id ?? null) as string | null,
    targetType: (a.targetType ?? target.type ?? null) as string | null, targetId: (a.targetId ?? target.id ?? null) as string | null,
    personalData: Boolean(a.personalData), details: a.details, ip: (a.ip ?? null) as string | null,
  };
}

/** GET /api/admin/core/audit */
export async function auditLog(api: TenantApi, f: AuditFilter): Promise<Paged<AuditItem>> {
  const { personal, ...rest } = f;
  const r = await api.get<{ items: Obj[]; total: number }>(`${base}/audit${query({ ...rest, personalData: personal })}`);
  return { items: r.items.map(toAudit), total: r.total };
}

function toOutbox(m: Obj): OutboxItem {
  const summary = (m.summary ?? {}) as Obj;
  const body = (m.body && typeof m.body === 'object' ? m.body : {}) as Obj;
  return {
    id: String(m.id), channel: String(m.channel), status: String(m.status), attempts: Number(m.attempts ?? 0),
    createdAt: String(m.createdAt ?? ''), sentAt: (m.sentAt ?? null) as string | null, lastError: (m.lastError ?? null) as string | null,
    to: (body.to ?? m.to ?? summary.recipient ?? undefined) as string | undefined,
    subject: (body.subject ?? m.subject ?? summary.title ?? undefined) as string | undefined,
    body: typeof m.body === 'string' ? m.body : ((body.text ?? body.body ?? undefined) as string | undefined),
    html: body.html as string | undefined,
  };
}

/** Outbox API. */
export const outbox = {
  list: async (api: TenantApi, f: { status?: string; limit: number; offset: number }): Promise<Paged<OutboxItem>> => {
    const r = await api.get<{ items: Obj[]; total: number }>(`${base}/outbox${query(f)}`);
    return { items: r.items.map(toOutbox), total: r.total };
  },
  get: async (api: TenantApi, id: string) => toOutbox(one<Obj>(await api.get(`${base}/outbox/${id}`), 'message')),
};
