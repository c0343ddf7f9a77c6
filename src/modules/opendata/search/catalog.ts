/**
 * The search index kept in memory per tenant, rebuilt when the catalog's revision (bumped by triggers on
 * every change, migrations/0001) differs from the one it was built at. One cheap query per search keeps
 * several app processes consistent, and a change this process committed is seen by its next search.
 */
import { sql } from 'drizzle-orm';
import type { Platform, Tenant } from '../../../core/platform.ts';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { ckanTime, loadPackages, presentOrganization, type UrlBase } from '../catalog/load.ts';
import type { Translated } from '../catalog/types.ts';
import { buildIndex, type CatalogIndex, type CkanGroupDict } from './index.ts';

interface Entry {
  index: CatalogIndex | null;
  /** The rebuild under way, and the revision it was asked for. */
  building: { revision: string; promise: Promise<CatalogIndex> } | null;
}

// Per platform (tests run several in one process), then per tenant and URL base (the dicts hold addresses).
const cache = new WeakMap<Platform, Map<string, Entry>>();

/** The catalog's revision: 0 before the first change. */
export async function catalogRevision(tx: Tx): Promise<string> {
  const [row] = await txRows<{ revision: string | number }>(tx, sql`select revision from opendata_catalog_state`);
  return String(row?.revision ?? 0);
}

const tr = (t: Partial<Translated> | null | undefined): Translated => ({ ja: t?.ja ?? '', en: t?.en ?? '' });

/** Above this many changed datasets a full reload is as cheap as picking them out. */
const MAX_DELTA = 1000;
/** Change rows older than this many revisions are pruned at a full reload (a process that far behind reloads fully). */
const KEEP_CHANGES = 10_000;

type OrgRow = { id: string; name: string; title: Translated; description: Translated; image_url: string; created: string | Date; department_id: string | null };
type GroupRow = { id: string; name: string; title: Translated; description: Translated; image_url: string; created: string | Date };

async function loadAll(tx: Tx, revision: string, base: UrlBase): Promise<CatalogIndex> {
  const packages = await loadPackages(tx, base, { all: true }, { includeDeleted: true });
  const orgs = await txRows<OrgRow>(tx, sql`select id, name, title, description, image_url, created_at as created, department_id from opendata_organizations order by name`);
  const groups = await txRows<GroupRow>(tx, sql`select id, name, title, description, image_url, created_at as created from opendata_groups order by name`);
  await tx.execute(sql`delete from opendata_catalog_changes where revision < ${BigInt(revision) - BigInt(KEEP_CHANGES)}`);
  return buildIndex(revision, packages,
    orgs.map((o) => ({ dict: presentOrganization(o), departmentId: o.department_id })),
    groups.map((g): CkanGroupDict => ({
      id: g.id, name: g.name, title: g.title.ja, title_translated: tr(g.title), display_name: g.title.ja, description: g.description.ja ?? '',
      description_translated: tr(g.description), image_url: g.image_url, image_display_url: g.image_url, type: 'group', is_organization: false,
      state: 'active', approval_status: 'approved', created: ckanTime(g.created),
    })));
}

/**
 * The index at `revision` from `prev` by reloading only the datasets changed in between, or null when
 * that is not possible (an organisation or group changed, change rows pruned, too many changes).
 */
async function loadDelta(tx: Tx, revision: string, base: UrlBase, prev: CatalogIndex): Promise<CatalogIndex | null> {
  const changes = await txRows<{ dataset_id: string | null }>(tx, sql`select dataset_id from opendata_catalog_changes
    where revision > ${prev.revision} and revision <= ${revision}`);
  if (BigInt(changes.length) !== BigInt(revision) - BigInt(prev.revision)) return null;
  if (changes.some((c) => c.dataset_id == null)) return null;
  const ids = [...new Set(changes.map((c) => c.dataset_id!))];
  if (ids.length > MAX_DELTA) return null;
  const fresh = new Map((await loadPackages(tx, base, { ids }, { includeDeleted: true })).map((p) => [p.id, p]));
  const changed = new Set(ids);
  const packages = prev.docs.filter((d) => !changed.has(d.pkg.id) || fresh.has(d.pkg.id)).map((d) => fresh.get(d.pkg.id) ?? d.pkg);
  for (const p of fresh.values()) if (!prev.byId.has(p.id)) packages.push(p);
  return buildIndex(revision, packages, [...prev.orgs.values()], [...prev.groups.values()], prev);
}

async function load(platform: Platform, tenant: Tenant, base: UrlBase, prev: CatalogIndex | null): Promise<CatalogIndex> {
  return platform.inTenant(tenant.id, async (tx) => {
    // The revision first: changes committed while loading make the index newer than its label, never older.
    const revision = await catalogRevision(tx);
    return (prev && await loadDelta(tx, revision, base, prev)) ?? loadAll(tx, revision, base);
  });
}

/**
 * The tenant's index at the current revision: one rebuild at a time per tenant; callers arriving during a
 * rebuild for the revision they read share it, those who read a newer revision rebuild after it.
 */
export async function catalogIndex(platform: Platform, tenant: Tenant, base: UrlBase): Promise<CatalogIndex> {
  let tenants = cache.get(platform);
  if (!tenants) cache.set(platform, (tenants = new Map()));
  const key = `${tenant.id} ${base.baseUrl}/t/${base.slug}`;
  let entry = tenants.get(key);
  if (!entry) tenants.set(key, (entry = { index: null, building: null }));
  const revision = await platform.inTenant(tenant.id, catalogRevision);
  for (;;) {
    if (entry.index && BigInt(entry.index.revision) >= BigInt(revision)) return entry.index;
    if (entry.building && BigInt(entry.building.revision) >= BigInt(revision)) return entry.building.promise;
    if (entry.building) {
      await entry.building.promise.catch(() => undefined);
      continue;
    }
    const e = entry;
    const promise = load(platform, tenant, base, e.index).then((index) => {
      if (!e.index || BigInt(index.revision) >= BigInt(e.index.revision)) e.index = index;
      return index;
    }).finally(() => { e.building = null; });
    e.building = { revision, promise };
    return promise;
  }
}
