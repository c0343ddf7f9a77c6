// Where a sign-in returns to (`?next=`): only a path inside the same tenant, so a crafted link can
// never send someone to another site or another city's pages after they sign in.

/**
 * `next` when it is a relative path inside the tenant (`/t/{slug}/…`, no scheme, host, backslash or
 * control character, no `..` segment), else null.
 */
export function safeNextPath(next: string | null | undefined, slug: string): string | null {
  if (!next || next.length > 1000) return null;
  const prefix = `/t/${slug}/`;
  if (!next.startsWith(prefix)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  let url: URL;
  try { url = new URL(next, 'https://yakuba.invalid'); } catch { return null; }
  if (url.origin !== 'https://yakuba.invalid' || !url.pathname.startsWith(prefix)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address with `?next=` set to `path` (the page the citizen was on). */
export function signInPath(slug: string, path: string): string {
  return `/t/${slug}/account/login?next=${encodeURIComponent(path)}`;
}
