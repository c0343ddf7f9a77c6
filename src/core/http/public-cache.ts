/**
 * A tiny per-process cache of pre-serialised JSON for public tenant reads (portal data, published
 * lists): the body is serialised once and sent as a Buffer with an ETag, which is what brings a
 * Node.js process close to a static file server for hot public pages.
 *
 * Entries live `ttlMs` (5 s by default). A module that changes public data calls
 * `publicCache.invalidate(tenantId, '/notices')` in the same process; other processes behind the load
 * balancer catch up within the TTL, which is the staleness public pages accept. Personal or
 * authenticated responses never go here: the key carries no user.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FastPath, replayableHeaders } from './fast-path.ts';
import { pickContentLang } from '../i18n/index.ts';

/** One cached response body. */
export interface CachedBody {
  body: Buffer;
  etag: string;
  expires: number;
}

const SEP = '\u0000';

/** Query parameters in a canonical order, so ?a=1&b=2 and ?b=2&a=1 share an entry; `lang` is keyed apart. */
function canonicalQuery(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  return Object.entries(query as Record<string, unknown>)
    .filter(([k]) => k !== 'lang')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`)
    .join('&');
}

/** Cache of serialised public responses keyed by tenant + route + query + language. */
export class PublicCache {
  private readonly entries = new Map<string, CachedBody>();
  private readonly pending = new Map<string, Promise<CachedBody>>();
  readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Finished responses built from these entries, answered before Fastify (see fast-path.ts). */
  readonly fastPath: FastPath;

  constructor(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.maxEntries = options.maxEntries ?? 2000;
    this.now = options.now ?? Date.now;
    this.fastPath = new FastPath(this.maxEntries, this.now);
  }

  /** The key of one response: tenant, route (e.g. '/portal'), canonical query and language. */
  key(tenantId: string, route: string, query: unknown, lang: string): string {
    return `${tenantId}${SEP}${route}${SEP}${canonicalQuery(query)}${SEP}${lang}`;
  }

  /** A live entry, or undefined. */
  get(key: string): CachedBody | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Serialises a value and stores it. */
  set(key: string, value: unknown): CachedBody {
    const body = Buffer.from(JSON.stringify(value));
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`, expires: this.now() + this.ttlMs };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The cached entry, or compute, store and return it; concurrent misses on one key compute once. */
  async getOrCompute(key: string, compute: () => Promise<unknown> | unknown): Promise<CachedBody> {
    const hit = this.get(key);
    if (hit) return hit;
    let inFlight = this.pending.get(key);
    if (!inFlight) {
      inFlight = (async () => this.set(key, await compute()))().finally(() => this.pending.delete(key));
      this.pending.set(key, inFlight);
    }
    return inFlight;
  }

  /** Drops a tenant's entries whose route starts with `routePrefix` ('' = all of the tenant's); returns how many. */
  invalidate(tenantId: string, routePrefix = ''): number {
    this.fastPath.invalidateTenant(tenantId);
    const prefix = `${tenantId}${SEP}${routePrefix}`;
    let n = 0;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        n++;
      }
    }
    return n;
  }

  /** Drops everything (tests, tenant reload). */
  clear(): void {
    this.fastPath.clear();
    this.entries.clear();
  }

  /** Number of live and expired-but-unswept entries. */
  get size(): number {
    return this.entries.size;
  }
}

/** The process-wide cache used by public routes. */
export const publicCache = new PublicCache();

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Replies to a public tenant read from the cache (computing on a miss): JSON with an ETag, and 304
 * when the client's If-None-Match already has it. `route` names the resource for invalidation.
 */
export async function sendCachedJson(
  req: FastifyRequest, reply: FastifyReply, route: string, compute: () => Promise<unknown> | unknown, cache: PublicCache = publicCache,
): Promise<FastifyReply> {
  // Content may come in ja-easy too (?lang= or the lang cookie), not only the message language.
  const lang = pickContentLang({ query: (req.query as { lang?: string } | undefined)?.lang, cookie: req.cookies?.lang }, req.lang);
  const key = cache.key(req.tenant?.id ?? '-', route, req.query, lang);
  const entry = await cache.getOrCompute(key, compute);
  reply.header('etag', entry.etag);
  reply.header('cache-control', 'no-cache');
  if (matchesEtag(req.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (req.tenant && !req.cookies?.yakuba_session) {
    // Every hook has run and set its headers by now: what goes out is what the fast path replays.
    cache.fastPath.store(req.raw, req.tenant.id, 200, replayableHeaders({ ...reply.getHeaders(), 'content-length': entry.body.length }), entry.body, entry.etag, entry.expires);
  }
  return reply.send(entry.body);
}
