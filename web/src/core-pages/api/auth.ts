import type { TenantApi } from '../../app/api.ts';
import type { Me } from './types.ts';

// Staff authentication (and the shared session endpoint). Adjust paths here if the server changes.

/** GET /api/auth/me */
export const getMe = (api: TenantApi) => api.get<{ actor: Me | null; csrfToken: string }>('/auth/me');
/** POST /api/auth/login */
export const staffLogin = (api: TenantApi, body: { email: string; password: string; totp?: string }) =>
  api.post<{ actor: Me }>('/auth/login', body);
/** POST /api/auth/logout */
export const logout = (api: TenantApi) => api.post<unknown>('/auth/logout');
/** POST /api/auth/logout-all */
export const logoutAll = (api: TenantApi) => api.post<unknown>('/auth/logout-all');
/** POST /api/auth/totp/setup */
export const totpSetup = (api: TenantApi) => api.post<{ secret: string; otpauthUrl: string; qrDataUrl: string }>('/auth/totp/setup');
/** POST /api/auth/totp/confirm */
export const totpConfirm = (api: TenantApi, code: string) => api.post<unknown>('/auth/totp/confirm', { code });
/** POST /api/auth/password-reset/request */
export const resetRequest = (api: TenantApi, email: string) => api.post<unknown>('/auth/password-reset/request', { email });
/** POST /api/auth/password-reset/confirm */
export const resetConfirm = (api: TenantApi, token: string, password: string) =>
  api.post<unknown>('/auth/password-reset/confirm', { token, password });
