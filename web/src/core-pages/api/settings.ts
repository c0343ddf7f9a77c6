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
