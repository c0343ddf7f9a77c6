import { apiRequest, ApiError } from '../../app/api.ts';
import type { GarbageBundle, Texts } from './engine.ts';

// Every call the citizen pages make to /t/{slug}/api/garbage (src/modules/garbage/README.md).

/** The published bundle and whether it came from this phone's offline copy (service worker). */
export interface BundleAnswer { bundle: GarbageBundle; offline: boolean }

/** An area as the address search lists it. */
export interface AreaHit { id: string; code: string; name: string; reading: string; towns: string[] }

/** A live city notice for an area (texts already in the asked language). */
export interface GarbageNotice { id: string; kind: string; title: string | Texts; body: string | Texts; startsOn: string; endsOn: string | null; areaCodes: string[] }

const base = (slug: string) => `/t/${encodeURIComponent(slug)}/api/garbage`;

/**
 * The latest bundle. Always the same URL (no language), so the service worker keeps one copy; the
 * bundle holds every language anyway.
 */
async function loadBundle(slug: string): Promise<BundleAnswer> {
  let res: Response;
  try {
    res = await fetch(`${base(slug)}/bundle`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) {
    const data = await res.json().catch(() => null) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? '');
  }
  return { bundle: await res.json() as GarbageBundle, offline: res.headers.get('x-offline-copy') === '1' };
}

// One load per slug per page visit: the three garbage pages share it when moving between them.
const bundles = new Map<string, Promise<BundleAnswer>>();

/** The bundle, loaded once per page load (a failed load is retried next time). */
export function bundleOf(slug: string): Promise<BundleAnswer> {
  let p = bundles.get(slug);
  if (!p) {
    p = loadBundle(slug);
    p.catch(() => bundles.delete(slug));
    bundles.set(slug, p);
  }
  return p;
}

/** The citizen garbage API of one tenant. */
export function garbageApi(slug: string) {
  const q = encodeURIComponent;
  return {
    areas: (query: string, lang: string) => apiRequest<{ items: AreaHit[] }>(slug, 'GET', `/garbage/areas?q=${q(query)}&lang=${q(lang)}`),
    notices: (area: string, lang: string) => apiRequest<{ items: GarbageNotice[] }>(slug, 'GET', `/garbage/notices?area=${q(area)}&lang=${q(lang)}`),
    /** Counts one settled dictionary search for the KPI; the answer itself comes from the bundle, so failures do not matter. */
    countSearch: (query: string) => {
      void fetch(`${base(slug)}/search?q=${q(query)}&limit=1`, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).catch(() => undefined);
    },
  };
}

/** The iCalendar feed of an area for some categories (path, without origin). */
export function feedPath(slug: string, areaCode: string, categoryCodes: string[], lang: string): string {
  const c = categoryCodes.length ? `c=${categoryCodes.map(encodeURIComponent).join(',')}&` : '';
  return `${base(slug)}/feeds/${encodeURIComponent(areaCode)}.ics?${c}lang=${encodeURIComponent(lang)}`;
}
