import type { TenantApi } from '../../app/api.ts';
import type { LocalText } from '../../app/i18n/index.tsx';

// Citizen accounts. Adjust paths here if the server changes.

/** A citizen's own account. */
export interface CitizenAccount {
  id: string; email: string | null; displayName: string; emailVerified?: boolean; createdAt?: string;
  identities?: { issuer: string; linkedAt: string; lastLoginAt: string | null }[];
}

/** POST /api/citizen/register */
export const register = (api: TenantApi, body: { email: string; password: string; displayName: string; lang?: string }) =>
  api.post<unknown>('/citizen/register', body);
/** POST /api/citizen/verify */
export const verify = (api: TenantApi, token: string) => api.post<unknown>('/citizen/verify', { token });
/** POST /api/citizen/login */
export const citizenLogin = (api: TenantApi, body: { email: string; password: string }) => api.post<unknown>('/citizen/login', body);
/** POST /api/citizen/logout */
export const citizenLogout = (api: TenantApi) => api.post<unknown>('/citizen/logout');
/** GET /api/citizen/me (accepts `{citizen}`, `{actor}` or the bare account). */
export async function citizenMe(api: TenantApi): Promise<CitizenAccount | null> {
  const r = await api.get<Record<string, unknown> | null>('/citizen/me');
  if (!r) return null;
  return ((r.citizen ?? r.actor ?? r.account ?? r) as CitizenAccount) || null;
}
/** GET /api/citizen/oidc (or …/oidc/status); a missing endpoint means OIDC is off. */
export async function oidcStatus(api: TenantApi): Promise<{ enabled: boolean; label?: LocalText | null }> {
  for (const path of ['/citizen/oidc', '/citizen/oidc/status']) {
    try {
      return await api.get<{ enabled: boolean; label?: LocalText | null }>(path);
    } catch { /* try the next, then give up: OIDC off */ }
  }
  return { enabled: false };
}
/** Where the OIDC sign-in starts (a full page load, not fetch). */
export const oidcStartUrl = (slug: string, returnTo = `/t/${slug}/account`) =>
  `/t/${slug}/api/citizen/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;
/** POST /api/citizen/password-reset/request */
export const citizenResetRequest = (api: TenantApi, email: string) => api.post<unknown>('/citizen/password-reset/request', { email });
/** POST /api/citizen/password-reset/confirm */
export const citizenResetConfirm = (api: TenantApi, token: string, password: string) =>
  api.post<unknown>('/citizen/password-reset/confirm', { token, password });
