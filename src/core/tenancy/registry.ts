import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import type { Tenant } from '../platform.ts';

interface TenantRow {
  id: string;
  slug: string;
  name_ja: string;
  name_en: string;
  lg_code: string;
  hosts: string[];
  settings: Record<string, unknown>;
}

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id, slug: r.slug, nameJa: r.name_ja, nameEn: r.name_en, lgCode: r.lg_code, settings: r.settings ?? {},
});

/**
 * The tenants of this installation, kept in memory because every request needs one; reloaded when a
 * tenant changes here and every `refreshMs` so other processes' changes arrive too.
 */
export class TenantRegistry {
  private bySlug = new Map<string, Tenant>();
  private byHost = new Map<string, string>();
  private loadedAt = 0;
  private reloading: Promise<void> | null = null;
  private lastMissReload = 0;

  constructor(private db: Database, private configuredHosts: Map<string, string>, private refreshMs = 30_000) {}

  /** Reads all tenants from the database (one read at a time; callers arriving meanwhile share it). */
  reload(): Promise<void> {
    this.reloading ??= this.load().finally(() => { this.reloading = null; });
    return this.reloading;
  }

  private async load(): Promise<void> {
    const rows = await this.db.rows<TenantRow>(sql`select id, slug, name_ja, name_en, lg_code, hosts, settings from tenants order by created_at, slug`);
    this.bySlug = new Map(rows.map((r) => [r.slug, toTenant(r)]));
    this.byHost = new Map(this.configuredHosts);
    for (const r of rows) for (const h of r.hosts ?? []) this.byHost.set(h.toLowerCase(), r.slug);
    this.loadedAt = Date.now();
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt > this.refreshMs) await this.reload();
  }

  /**
   * The tenant of a slug or host from memory, without waiting: the hot path of every request. A stale
   * list is refreshed in the background and served meanwhile.
   */
  peek(slug: string | null, host: string): Tenant | undefined {
    if (Date.now() - this.loadedAt > this.refreshMs) void this.reload().catch(() => undefined);
    if (slug) return this.bySlug.get(slug);
    const mapped = this.byHost.get(host.toLowerCase().replace(/:\d+$/, ''));
    return mapped ? this.bySlug.get(mapped) : undefined;
  }

  /** Finds a tenant by slug, reading the database again for an unknown one at most once a second. */
  async bySlugName(slug: string): Promise<Tenant | undefined> {
    await this.fresh();
    let tenant = this.bySlug.get(slug);
    if (!tenant && Date.now() - this.lastMissReload > 1000) {
      // A tenant created by another process a moment ago: look once more before saying no. Rationed,
      // so requests for made-up slugs cannot turn into a database read each.
      this.lastMissReload = Date.now();
      await this.reload();
      tenant = this.bySlug.get(slug);
    }
    return tenant;
  }

  /** Finds the tenant a host name is mapped to (TENANT_HOSTS or tenants.hosts). */
  async byHostName(host: string): Promise<Tenant | undefined> {
    await this.fresh();
    const slug = this.byHost.get(host.toLowerCase().replace(/:\d+$/, ''));
    return slug ? this.bySlug.get(slug) : undefined;
  }

  /** Every tenant, for the installation's landing page. */
  async all(): Promise<Tenant[]> {
    await this.fresh();
    return [...this.bySlug.values()];
  }
}
