/**
 * The fast path for hot public reads: a finished response (status, headers, body) kept for the TTL
 * of the public cache and answered straight from Node's HTTP server, before Fastify routes, hooks or
 * parses anything — what a reverse proxy's micro-cache would do, without the extra hop.
 *
 * Only responses that `sendCachedJson` produced are stored (public, tenant-wide, no user in them),
 * only for plain GETs, keyed by everything that can change them: host, URL (tenant prefix, query,
 * `?lang`), the `lang` cookie and the first Accept-Language tag. A request carrying a session cookie
 * never takes the fast path, so signed-in people always go through the full pipeline. Hits skip the
 * rate limiter (they cost less than a refusal would) and are counted for /metrics.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Stored {
  tenantId: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  expires: number;
}

const SESSION_COOKIE_RE = /(?:^|;\s*)yakuba_session=/;
const LANG_COOKIE_RE = /(?:^|;\s*)lang=([\w-]+)/;

/** What makes two requests for the same URL get different bytes. */
function variant(req: IncomingMessage): string {
  const cookie = req.headers.cookie ?? '';
  const lang = LANG_COOKIE_RE.exec(cookie)?.[1] ?? '';
  const accept = (req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
  // Fastify's rewriteUrl replaces req.url (the /t/{slug} prefix is stripped) and keeps the original.
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return `${req.headers.host ?? ''}\u0000${url}\u0000${lang}\u0000${accept}`;
}

/** Finished public responses by request variant. */
export class FastPath {
  private readonly entries = new Map<string, Stored>();
  hits = 0;

  constructor(private readonly maxEntries = 2000, private readonly now: () => number = Date.now) {}

  /** Answers the request from a stored response; false when the request must go through Fastify. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || this.entries.size === 0) return false;
    const cookie = req.headers.cookie;
    if (cookie && SESSION_COOKIE_RE.test(cookie)) return false;
    const key = variant(req);
    const hit = this.entries.get(key);
    if (!hit) return false;
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return false;
    }
    this.hits++;
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === hit.etag || t.trim() === `W/${hit.etag}`)) {
      res.writeHead(304, { etag: hit.etag, 'cache-control': hit.headers['cache-control'] ?? 'no-cache' });
      res.end();
      return true;
    }
    res.writeHead(hit.status, hit.headers);
    res.end(hit.body);
    return true;
  }

  /** Keeps a response that the public cache built, for its remaining lifetime. */
  store(req: IncomingMessage, tenantId: string, status: number, headers: Record<string, string>, body: Buffer, etag: string, expires: number): void {
    if (req.method !== 'GET') return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(variant(req), { tenantId, status, headers, body, etag, expires });
  }

  /** Drops every stored response of a tenant (its public data changed). */
  invalidateTenant(tenantId: string): void {
    for (const [key, entry] of this.entries) if (entry.tenantId === tenantId) this.entries.delete(key);
  }

  /** Drops everything. */
  clear(): void {
    this.entries.clear();
  }
}

/** Response headers worth replaying: everything Fastify set except per-request ones. */
export function replayableHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'set-cookie' || name === 'x-request-id' || name === 'date' || name === 'connection' || name === 'keep-alive') continue;
    out[name] = String(value);
  }
  return out;
}
