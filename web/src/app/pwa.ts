import { useEffect } from 'react';

/**
 * Points <link rel="manifest"> at the tenant's manifest (of one module's page when `app` is given), so
 * the page can be installed on a phone's home screen; removed again when the page unmounts.
 */
export function useWebAppManifest(slug: string, app?: string, lang?: string): void {
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'manifest';
    const q = new URLSearchParams();
    if (app) q.set('app', app);
    if (lang === 'en') q.set('lang', 'en');
    link.href = `/t/${encodeURIComponent(slug)}/api/pwa/manifest${q.size ? `?${q}` : ''}`;
    document.head.append(link);
    return () => link.remove();
  }, [slug, app, lang]);
}
