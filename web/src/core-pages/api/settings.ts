import type { TenantApi } from '../../app/api.ts';
import type { LocalText } from '../../app/i18n/index.tsx';

// Tenant settings screens (/api/admin/core/oidc). Adjust here if the server changes.

/** The OIDC settings as the server shows them (never the client secret). */
export interface OidcView {
  configured: boolean; issuer: string | null; clientId: string | null; clientSecretSet: boolean;
  scopes: string[]; label: LocalText | null; acrValues: string[]; redirectUri: string;
}

/** What the form sends; clientSecret omitted keeps the stored one. */
export interface OidcInput { issuer: string; clientId: string; clientSecret?: string; scopes: string[]; label: { ja: string; en: string }; acrValues: string[] }

/** GET/PUT /api/admin/core/oidc */
export const oidcSettings = {
  get: (api: TenantApi) => api.get<OidcView>('/admin/core/oidc'),
  save: (api: TenantApi, body: OidcInput) => api.put<OidcView>('/admin/core/oidc', body),
};

/** What PUT /api/admin/core/contact takes: phone null clears it; hours left out keep theirs. */
export interface ContactInput { phone: string | null; hoursJa?: string; hoursEn?: string }

/** The counter contact as the server answers it (also `contact` in GET /api/portal). */
export interface ContactView { phone: string | null; hours: LocalText | null }

/** GET /api/portal (fresh, for the current value) and PUT /api/admin/core/contact */
export const contactSettings = {
  get: async (api: TenantApi) => (await api.get<{ contact: ContactView | null }>('/portal')).contact ?? { phone: null, hours: null },
  save: (api: TenantApi, body: ContactInput) => api.put<ContactView>('/admin/core/contact', body),
};

/** A value a module setting can hold. */
export type SettingValue = string | number | boolean;

/** One declared setting of a module, with its default and the tenant's current value. */
export interface SettingView { key: string; label: LocalText; type: 'string' | 'number' | 'boolean'; default: SettingValue; value: SettingValue }

/** A module's settings. */
export interface ModuleSettingsView { module: string; title: LocalText; settings: SettingView[] }

/** GET /api/admin/core/settings and PUT /api/admin/core/settings/{module} */
export const moduleSettings = {
  list: async (api: TenantApi) => (await api.get<{ modules: ModuleSettingsView[] }>('/admin/core/settings')).modules,
  save: (api: TenantApi, module: string, body: Record<string, SettingValue>) =>
    api.put<ModuleSettingsView>(`/admin/core/settings/${encodeURIComponent(module)}`, body),
};
