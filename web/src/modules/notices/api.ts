import type { TenantApi } from '../../app/api.ts';

// Every call of the notices module. Adjust here if the server's shapes change.

/** The categories the server accepts. */
export const CATEGORIES = ['general', 'disaster', 'event', 'garbage', 'health'] as const;

/** A notice as citizens read it (title/body already in the requested language). */
export interface PublicNotice { id: string; title: string; body: string; publishedAt: string; category: string }

/** A notice as staff edit it: every language, and publishedAt null for a draft. */
export interface NoticeInput {
  titleJa: string; titleEn?: string | null; titleEasy?: string | null;
  bodyJa: string; bodyEn?: string | null; bodyEasy?: string | null;
  category: string; publishedAt: string | null;
}
/** A stored notice with its id and times. */
export interface AdminNotice extends NoticeInput { id: string; createdAt?: string; updatedAt?: string }

function items<T>(r: T[] | { items: T[] }): T[] {
  return Array.isArray(r) ? r : r.items ?? [];
}

/** GET /api/notices?lang=&limit= (newest first) */
export const listPublic = async (api: TenantApi, lang: string, limit = 20) =>
  items(await api.get<{ items: PublicNotice[] }>(`/notices?lang=${encodeURIComponent(lang)}&limit=${limit}`));

/** Staff CRUD under /api/admin/notices. */
export const adminNotices = {
  list: async (api: TenantApi) => items(await api.get<{ items: AdminNotice[] }>('/admin/notices')),
  create: (api: TenantApi, n: NoticeInput) => api.post<AdminNotice>('/admin/notices', n),
  update: (api: TenantApi, id: string, n: NoticeInput) => api.put<AdminNotice>(`/admin/notices/${id}`, n),
  remove: (api: TenantApi, id: string) => api.del<unknown>(`/admin/notices/${id}`),
};
