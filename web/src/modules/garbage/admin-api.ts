import { query, type TenantApi } from '../../app/api.ts';

// Every staff call of the garbage module (/api/admin/garbage/…; see src/modules/garbage/README.md).

const base = '/admin/garbage';
const enc = encodeURIComponent;

/** Languages of garbage texts (engine/types.ts GARBAGE_LANGS), in the editor's order. */
export const TEXT_LANGS = ['ja', 'ja-easy', 'en', 'zh-Hans', 'ko', 'vi', 'pt', 'ne'] as const;
/** A text per language; `ja` always present. */
export type Texts = { ja: string } & Record<string, string>;
/** Icon keys of the category icon set. */
export const ICONS = ['burnable', 'bottle', 'can', 'paper', 'plastic', 'bulky', 'hazard', 'other'] as const;

/** A 分別区分 as staff edit it. */
export interface CategoryInput { code: string; name: Texts; color: string; icon: string; howTo: Texts; sortOrder?: number }
/** A stored category. */
export interface Category extends CategoryInput { id: string; sortOrder: number }
/** A dictionary entry as staff edit it. */
export interface ItemInput { name: Texts; reading: string; synonyms: string[]; categoryId: string | null; notes: Texts; fee: number | null }
/** A stored dictionary entry. */
export interface Item extends ItemInput { id: string }
/** A collection point (ゴミ集積場所). */
export interface PointInput { name: string; nameKana?: string; address?: string; lat: number | null; lng: number | null; notes?: string }
/** GeoJSON geometry of an area. */
export interface Geometry { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] }
/** An area as staff edit it. */
export interface AreaInput { code: string; name: Texts; reading: string; towns: string[]; center: string; geometry: Geometry | null; points: PointInput[]; sortOrder?: number }
/** A stored area. */
export interface Area extends AreaInput { id: string; points: (PointInput & { id: string })[]; sortOrder: number }
/** When a rule collects (engine/types.ts RulePattern). */
export type Pattern =
  | { kind: 'weekly'; weekdays: number[] }
  | { kind: 'nth_weekday'; weekday: number; nths: number[] }
  | { kind: 'every_n_weeks'; interval: number; from: string }
  | { kind: 'dates'; dates: string[] };
/** One rule of an area. */
export interface RuleInput { categoryId: string; pattern: Pattern; months: number[]; validFrom: string | null; validTo: string | null; onHolidays: 'collect' | 'skip' }
/** A change for one date. */
export interface ExceptionInput { date: string; areaId: string | null; categoryId: string | null; action: 'cancel' | 'collect' | 'move'; to: string | null; note: Texts | null }
/** A stored exception. */
export interface CollectionException extends ExceptionInput { id: string }
/** A period without collection. */
export interface SuspensionInput { from: string; to: string; areaIds: string[]; categoryIds: string[]; note: Texts | null }
/** A stored suspension. */
export interface Suspension extends SuspensionInput { id: string }
/** One collection of a calendar. */
export interface Collection { date: string; areaId: string; categoryId: string; movedFrom?: string; note?: Texts }
/** The draft calendar of an area and what publishing would change. */
export interface Preview {
  area: { id: string; code: string; name: Texts }; from: string; to: string; publishedVersion: number;
  collections: Collection[]; changes: { added: Collection[]; removed: Collection[] };
}
/** One publication. */
export interface Publication { version: number; publishedAt: string; publishedBy: string | null }
/** Kinds of city notice. */
export const NOTICE_KINDS = ['general', 'schedule', 'cancellation', 'event'] as const;
/** A city notice as staff edit it. */
export interface NoticeInput { kind: string; areaIds: string[]; title: Texts; body: Texts; startsOn: string; endsOn: string }
/** A stored notice. */
export interface Notice extends NoticeInput { id: string; publishedAt: string | null; pushedAt: string | null }
/** The 5374 files. */
export const FILES_5374 = ['area_days', 'target', 'description', 'remarks', 'center'] as const;
/** A problem an import found. */
export interface ReportLine { file: string; row: number; column: string; message: string; code?: string; params?: Record<string, string | number>; level: 'error' | 'warning' }
/** An import's answer. */
export interface ImportResult { imported: boolean; report: ReportLine[]; counts: Record<string, number> }

/** Categories. */
export const categories = {
  list: async (api: TenantApi) => (await api.get<{ items: Category[] }>(`${base}/categories`)).items,
  create: (api: TenantApi, body: CategoryInput) => api.post<Category>(`${base}/categories`, body),
  update: (api: TenantApi, id: string, body: CategoryInput) => api.put<Category>(`${base}/categories/${enc(id)}`, body),
  remove: (api: TenantApi, id: string) => api.del<void>(`${base}/categories/${enc(id)}`),
};

/** The sorting dictionary. */
export const items = {
  list: (api: TenantApi, q: { q?: string; categoryId?: string; offset?: number; limit?: number }) =>
    api.get<{ total: number; items: Item[] }>(`${base}/items${query(q)}`),
  create: (api: TenantApi, body: ItemInput) => api.post<Item>(`${base}/items`, body),
  update: (api: TenantApi, id: string, body: ItemInput) => api.put<Item>(`${base}/items/${enc(id)}`, body),
  remove: (api: TenantApi, id: string) => api.del<void>(`${base}/items/${enc(id)}`),
};

/** Areas and their rules. */
export const areas = {
  list: async (api: TenantApi) => (await api.get<{ items: Area[] }>(`${base}/areas`)).items,
  get: (api: TenantApi, id: string) => api.get<Area>(`${base}/areas/${enc(id)}`),
  create: (api: TenantApi, body: AreaInput) => api.post<Area>(`${base}/areas`, body),
  update: (api: TenantApi, id: string, body: AreaInput) => api.put<Area>(`${base}/areas/${enc(id)}`, body),
  remove: (api: TenantApi, id: string) => api.del<void>(`${base}/areas/${enc(id)}`),
  rules: async (api: TenantApi, id: string) => (await api.get<{ rules: (RuleInput & { id: string })[] }>(`${base}/areas/${enc(id)}/rules`)).rules,
  saveRules: (api: TenantApi, id: string, rules: RuleInput[]) => api.put<{ rules: RuleInput[] }>(`${base}/areas/${enc(id)}/rules`, { rules }),
};

/** Exceptions and suspensions. */
export const changes = {
  exceptions: async (api: TenantApi) => (await api.get<{ items: CollectionException[] }>(`${base}/exceptions`)).items,
  addException: (api: TenantApi, body: ExceptionInput) => api.post<CollectionException>(`${base}/exceptions`, body),
  removeException: (api: TenantApi, id: string) => api.del<void>(`${base}/exceptions/${enc(id)}`),
  suspensions: async (api: TenantApi) => (await api.get<{ items: Suspension[] }>(`${base}/suspensions`)).items,
  addSuspension: (api: TenantApi, body: SuspensionInput) => api.post<Suspension>(`${base}/suspensions`, body),
  removeSuspension: (api: TenantApi, id: string) => api.del<void>(`${base}/suspensions/${enc(id)}`),
};

/** Preview and publish. */
export const publishing = {
  preview: (api: TenantApi, area: string, from: string, to: string) => api.get<Preview>(`${base}/preview${query({ area, from, to })}`),
  publish: (api: TenantApi) => api.post<{ version: number; publishedAt: string }>(`${base}/publish`),
  list: async (api: TenantApi) => (await api.get<{ items: Publication[] }>(`${base}/publications`)).items,
};

/** City notices. */
export const notices = {
  list: async (api: TenantApi) => (await api.get<{ items: Notice[] }>(`${base}/notices`)).items,
  create: (api: TenantApi, body: NoticeInput) => api.post<Notice>(`${base}/notices`, body),
  update: (api: TenantApi, id: string, body: NoticeInput) => api.put<Notice>(`${base}/notices/${enc(id)}`, body),
  remove: (api: TenantApi, id: string) => api.del<void>(`${base}/notices/${enc(id)}`),
  publish: (api: TenantApi, id: string) => api.post<Notice & { pushed: number }>(`${base}/notices/${enc(id)}/publish`),
};

/** Import and export of the 5374 and standard datasets. */
export const exchange = {
  import5374: (api: TenantApi, files: Partial<Record<(typeof FILES_5374)[number], string>>, dryRun: boolean) =>
    api.post<ImportResult>(`${base}/import/5374`, { files, dryRun }),
  importStandard: (api: TenantApi, kind: 'items' | 'points', file: string, dryRun: boolean) =>
    api.post<ImportResult>(`${base}/import/standard`, { kind, file, dryRun }),
  href5374: (slug: string, file: string) => `/t/${enc(slug)}/api${base}/export/5374/${file}.csv`,
  hrefStandard: (slug: string, kind: 'items' | 'points', encoding: 'utf8' | 'cp932') => `/t/${enc(slug)}/api${base}/export/standard/${kind}.csv${query({ encoding })}`,
};
