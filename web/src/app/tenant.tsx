import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, tenantApi, type TenantApi } from './api.ts';
import { getMe } from '../core-pages/api/auth.ts';
import type { Me, Portal } from '../core-pages/api/types.ts';

/** What every page of a tenant can read: the slug, its API client, portal data and who is signed in. */
export interface TenantContextValue {
  slug: string;
  api: TenantApi;
  portal: Portal | null;
  /** null while loading or when the tenant is unknown */
  portalError: ApiError | null;
  me: Me | null;
  meLoaded: boolean;
  /** Re-reads /api/auth/me (after sign-in, sign-out, 2FA enrolment). */
  refreshMe(): Promise<Me | null>;
  /** Path inside this tenant: `to('/admin/users')` → `/t/{slug}/admin/users`. */
  to(path: string): string;
}

const TenantContext = createContext<TenantContextValue | null>(null);

/** Loads the tenant's portal data and session for everything under /t/{slug}. */
export function TenantProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const api = useMemo(() => tenantApi(slug), [slug]);
  const [portal, setPortal] = useState<Portal | null>(null);
  const [portalError, setPortalError] = useState<ApiError | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [meLoaded, setMeLoaded] = useState(false);

  const refreshMe = useCallback(async () => {
    try {
      const r = await getMe(api);
      setCsrfToken(r.csrfToken);
      setMe(r.actor);
      return r.actor;
    } catch {
      setMe(null);
      return null;
    } finally {
      setMeLoaded(true);
    }
  }, [api]);

  useEffect(() => {
    let live = true;
    setPortal(null);
    setPortalError(null);
    api.get<Portal>('/portal').then((p) => live && setPortal(p), (e: ApiError) => live && setPortalError(e));
    void refreshMe();
    return () => { live = false; };
  }, [api, refreshMe]);

  const value = useMemo<TenantContextValue>(() => ({
    slug, api, portal, portalError, me, meLoaded, refreshMe,
    to: (path: string) => `/t/${slug}${path === '/' || path === '' ? '' : path.startsWith('/') ? path : `/${path}`}`,
  }), [slug, api, portal, portalError, me, meLoaded, refreshMe]);
  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}

/** The current tenant's context (pages under /t/{slug}). */
export function useTenant(): TenantContextValue {
  const ctx = useContext(TenantContext);
  if (!ctx) throw new Error('useTenant outside TenantProvider');
  return ctx;
}

/** Whether the signed-in staff member holds a permission, or any one of a list ('*' = tenant admin holds all). */
export function hasPermission(me: Me | null, permission: string | readonly string[] | undefined): boolean {
  if (!permission || permission.length === 0) return true;
  if (!me || me.kind !== 'staff') return false;
  const any = typeof permission === 'string' ? [permission] : permission;
  return me.isTenantAdmin || me.permissions.includes('*') || any.some((p) => me.permissions.includes(p));
}
