/**
 * A tiny browser for tests: real HTTP through fetch, redirects followed by hand (so each hop can be
 * inspected) and a cookie jar that honours origin, path, expiry and removal. Test code only.
 */
interface StoredCookie {
  name: string;
  value: string;
  path: string;
  expires: number | null;
}

/** One HTTP response as the browser saw it. */
export interface Hop {
  url: string;
  status: number;
  location: string | null;
  body: string;
}

export class TestBrowser {
  private jar = new Map<string, Map<string, StoredCookie>>();
  /** Headers sent with every request (e.g. accept-language). */
  headers: Record<string, string> = {};

  /** The value of a cookie the browser holds for an origin (any path), if any. */
  cookie(origin: string, name: string): string | undefined {
    const now = Date.now();
    for (const c of this.jar.get(new URL(origin).origin)?.values() ?? []) {
      if (c.name === name && (c.expires === null || c.expires > now)) return c.value;
    }
    return undefined;
  }

  /** Puts a cookie in the jar (path /), as if the origin had set it. */
  setCookie(origin: string, name: string, value: string): void {
    this.store(new URL(origin), [`${name}=${value}; Path=/`]);
  }

  private cookieHeader(url: URL): string {
    const now = Date.now();
    const cookies = [...(this.jar.get(url.origin)?.values() ?? [])]
      .filter((c) => (c.expires === null || c.expires > now) && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .sort((a, b) => b.path.length - a.path.length);
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  private store(url: URL, setCookies: string[]): void {
    const site = this.jar.get(url.origin) ?? new Map<string, StoredCookie>();
    this.jar.set(url.origin, site);
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const cookie: StoredCookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1), path: '/', expires: null };
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k.toLowerCase();
        if (key === 'path') cookie.path = v || '/';
        else if (key === 'max-age') cookie.expires = Date.now() + Number(v) * 1000;
        else if (key === 'expires' && cookie.expires === null) cookie.expires = Date.parse(v);
      }
      const id = `${cookie.name}|${cookie.path}`;
      if (cookie.value === '' || (cookie.expires !== null && cookie.expires <= Date.now())) site.delete(id);
      else site.set(id, cookie);
    }
  }

  /** One request, no redirect following; cookies sent and stored. */
  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Hop> {
    const u = new URL(url);
    const headers: Record<string, string> = { ...this.headers, ...init.headers };
    const cookie = this.cookieHeader(u);
    if (cookie) headers.cookie = cookie;
    const res = await fetch(u, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    this.store(u, res.headers.getSetCookie());
    const location = res.headers.get('location');
    return { url: u.href, status: res.status, location: location ? new URL(location, u).href : null, body: await res.text() };
  }

  /** Follows redirects (GET) from a request until a non-redirect answer or `stopAt` matches; returns every hop. */
  async navigate(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}, stopAt?: (url: string) => boolean): Promise<Hop[]> {
    const hops: Hop[] = [];
    let hop = await this.request(url, init);
    hops.push(hop);
    for (let i = 0; i < 20 && hop.location && hop.status >= 300 && hop.status < 400; i++) {
      if (stopAt?.(hop.location)) break;
      hop = await this.request(hop.location);
      hops.push(hop);
    }
    return hops;
  }

  /** A form post (application/x-www-form-urlencoded), following the redirects after it. */
  async submitForm(url: string, fields: Record<string, string>, stopAt?: (url: string) => boolean): Promise<Hop[]> {
    return this.navigate(url, {
      method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }, stopAt);
  }

  /** A JSON call to the app, with the CSRF header taken from the `yakuba_csrf` cookie of that origin. */
  async json(url: string, method = 'GET', body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const csrf = this.cookie(url, 'yakuba_csrf');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
    const hop = await this.request(url, { method, body: body === undefined ? undefined : JSON.stringify(body), headers });
    return { status: hop.status, json: hop.body ? JSON.parse(hop.body) : {} };
  }
}
