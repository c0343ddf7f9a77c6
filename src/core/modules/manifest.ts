import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform.ts';
import type { Tx } from '../db/connection.ts';

/** Text in each language the platform shows; ja is required, the rest fall back to it. */
export interface LocalText {
  ja: string;
  en: string;
  'ja-easy'?: string;
}

/** A permission a module declares; roles are made of these. */
export interface PermissionDef {
  id: string;
  label: LocalText;
  /** Whether it reads personal data (shown in the role editor). */
  personalData?: boolean;
}

/** A per-tenant setting with its default; stored in tenants.settings under the module id. */
export interface SettingDef {
  key: string;
  label: LocalText;
  type: 'string' | 'number' | 'boolean';
  default: string | number | boolean;
}

/** Work a module runs on a schedule; `run` gets the platform and runs in system context. */
export interface JobDef {
  name: string;
  everyMs: number;
  run(platform: Platform): Promise<void>;
}

/** A figure the plan module reads: computed per tenant and period, never personal. */
export interface KpiDef {
  id: string;
  label: LocalText;
  unit: string;
  compute(tx: Tx, query: { tenantId: string; from: Date; to: Date }): Promise<number>;
  /** The same figure split by a dimension the module owns (e.g. per procedure); values sum to `compute`'s where that makes sense. */
  breakdown?(tx: Tx, query: { tenantId: string; from: Date; to: Date }): Promise<KpiPart[]>;
}

/** One part of a KPI's breakdown: a stable key (a record id) and its label. */
export interface KpiPart {
  key: string;
  label: LocalText;
  value: number;
}

/** A dataset the open-data catalog publishes and refreshes from the module's own records. */
export interface OpenDataDef {
  id: string;
  title: LocalText;
  /** Columns in the order they are published. */
  columns: string[];
  rows(tx: Tx, tenantId: string): Promise<Record<string, unknown>[]>;
}

/** One hit the portal's search shows. */
export interface SearchHit {
  title: string;
  snippet: string;
  url: string;
}

/** Per-tenant context handed to hooks that run inside a tenant transaction. */
export interface TenantScope {
  tx: Tx;
  tenantId: string;
  platform: Platform;
}

/** Options every module route plugin receives. */
export interface ModuleRouteOptions {
  platform: Platform;
}

/**
 * The manifest: the one object a module exports from its index.ts. The core loops over these
 * fields and never names a module.
 */
export interface Manifest {
  id: string;
  title: LocalText;
  /** Public routes, mounted under /api/{id}. */
  routes?: FastifyPluginAsync<ModuleRouteOptions>;
  /** Staff routes, mounted under /api/admin/{id}. */
  adminRoutes?: FastifyPluginAsync<ModuleRouteOptions>;
  /**
   * Routes at paths a standard fixes rather than under /api/{id} (CKAN's `/api/3/action/…`, DCAT's
   * `/catalog.jsonld`): each prefix is unique in the installation and may not be another module's.
   * Routes outside /api/ get no tenant check from the core: their handlers answer 404 without one.
   */
  mounts?: { prefix: string; routes: FastifyPluginAsync<ModuleRouteOptions> }[];
  permissions?: PermissionDef[];
  settings?: SettingDef[];
  /** Absolute path of the module's migrations folder; its tables are prefixed with its id. */
  migrations?: string;
  jobs?: JobDef[];
  /** Handlers of events published through the core's outbox, by event name. */
  events?: Record<string, (scope: TenantScope, payload: Record<string, unknown>) => Promise<void>>;
  kpis?: KpiDef[];
  openData?: OpenDataDef[];
  search?: (scope: TenantScope, query: string, lang: string) => Promise<SearchHit[]>;
  /** Demo data for one tenant; runs once after the tenant is created by `seed`. */
  seed?: (scope: TenantScope, tenant: { id: string; slug: string }) => Promise<void>;
  /** Entry shown on the citizen portal: the path inside the web app and its label. */
  portal?: { path: string; label: LocalText; icon?: string };
  /** Entry shown in the staff console's navigation, with the permission that shows it. */
  console?: { path: string; label: LocalText; permission: string };
}

/** Checks a set of manifests before boot: ids unique and well-formed, permissions namespaced by id. */
export function validateManifests(manifests: Manifest[]): void {
  const seen = new Set<string>();
  const mounts = new Set<string>();
  for (const m of manifests) {
    if (!m || typeof m.id !== 'string' || !/^[a-z][a-z0-9]*$/.test(m.id)) {
      throw new Error(`module manifest has an invalid id: ${JSON.stringify(m?.id)}`);
    }
    if (seen.has(m.id)) throw new Error(`module "${m.id}" is registered twice`);
    seen.add(m.id);
    for (const mount of m.mounts ?? []) {
      const prefix = mount.prefix;
      if (prefix !== '' && !/^(\/[a-z0-9._-]+)+$/.test(prefix)) throw new Error(`mount "${prefix}" of module "${m.id}" is not a path like /api/3`);
      if (/^\/api\/(admin|auth|docs)(\/|$)/.test(prefix)) throw new Error(`mount "${prefix}" of module "${m.id}" is inside a core path`);
      if (mounts.has(prefix)) throw new Error(`mount "${prefix}" is registered twice (module "${m.id}")`);
      const owner = manifests.find((o) => o.id !== m.id && (prefix === `/api/${o.id}` || prefix.startsWith(`/api/${o.id}/`)));
      if (owner) throw new Error(`mount "${prefix}" of module "${m.id}" is inside module "${owner.id}"'s path`);
      mounts.add(prefix);
    }
    for (const p of m.permissions ?? []) {
      if (!p.id.startsWith(`${m.id}.`)) throw new Error(`permission "${p.id}" of module "${m.id}" must start with "${m.id}."`);
    }
  }
}
