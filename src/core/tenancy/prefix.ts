/** Splits `/t/{slug}/rest` into the slug and `/rest`; other URLs come back unchanged. */
export function splitTenantPrefix(url: string): { slug: string | null; url: string } {
  const m = /^\/t\/([^/?#]+)(\/[^]*)?$/.exec(url) ?? /^\/t\/([^/?#]+)(\?[^]*)?$/.exec(url);
  if (!m) return { slug: null, url };
  const rest = m[2] ?? '/';
  return { slug: decodeURIComponent(m[1]), url: rest.startsWith('?') ? `/${rest}` : rest };
}
