import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { uuidArray } from '../../../core/db/params.ts';
import { licenseOf } from './licenses.ts';
import type { CkanGroup, CkanOrganization, CkanPackage, CkanResource, Translated } from './types.ts';

/** Where resource download addresses point: the installation's base URL and the tenant's slug. */
export interface UrlBase {
  baseUrl: string;
  slug: string;
}

/** Which datasets to load: some ids, or the whole catalog (the search index); deleted ones only when asked. */
export type Which = { ids: string[] } | { all: true };

interface DatasetRow {
  id: string; name: string; title: Translated; notes: Translated; owner_org: string; license_id: string; private: boolean;
  state: CkanPackage['state']; tags: string[]; extras: { key: string; value: string }[]; author: string; author_email: string;
  maintainer: string; maintainer_email: string; url: string; version: string; template_id: string | null; source: string | null;
  metadata_created: Date | string; metadata_modified: Date | string;
}
interface ResourceRow {
  id: string; dataset_id: string; position: number; name: Translated; description: Translated; url_type: string | null; url: string;
  filename: string | null; format: string; mimetype: string; size: string | number | null; hash: string; encoding: string | null;
  living_format: string | null; datastore_active: boolean; check_report: { rows?: number; problems?: unknown[]; moreProblems?: number; header?: { missing?: string[] } } | null;
  check_ok: boolean | null; downloads: string | number; created: Date | string; last_modified: Date | string | null; metadata_modified: Date | string;
}
interface OrgRow { id: string; name: string; title: Translated; description: Translated; image_url: string; created: Date | string }
interface GroupRow { dataset_id: string; id: string; name: string; title: Translated; description: Translated; image_url: string }

/** CKAN's timestamp: UTC without a zone, microseconds (what harvesters compare as text). */
export function ckanTime(t: Date | string): string {
  return new Date(t).toISOString().replace('Z', '000');
}

const tr = (t: Partial<Translated> | null | undefined): Translated => ({ ja: t?.ja ?? '', en: t?.en ?? '' });

/** The public address of an uploaded or living resource's bytes (counted as a download). */
export function downloadUrl(base: UrlBase, resourceId: string, filename: string): string {
  return `${base.baseUrl}/t/${base.slug}/api/opendata/resources/${resourceId}/download/${encodeURIComponent(filename)}`;
}

/** An organisation row as CKAN shows it. */
export function presentOrganization(o: OrgRow): CkanOrganization {
  return {
    id: o.id, name: o.name, title: o.title.ja, title_translated: tr(o.title), description: o.description.ja ?? '',
    description_translated: tr(o.description), image_url: o.image_url, type: 'organization', is_organization: true,
    state: 'active', approval_status: 'approved', created: ckanTime(o.created),
  };
}

function presentResource(r: ResourceRow, datasetName: string, base: UrlBase, templateId: string | null): CkanResource {
  const filename = r.filename ?? `${datasetName}.${r.living_format ?? (r.format.toLowerCase() || 'bin')}`;
  const report = r.check_report;
  return {
    id: r.id, package_id: r.dataset_id, position: r.position, name: r.name.ja, name_translated: tr(r.name),
    description: r.description.ja ?? '', description_translated: tr(r.description),
    url: r.url_type ? downloadUrl(base, r.id, filename) : r.url, url_type: r.url_type ?? '',
    format: r.format, mimetype: r.mimetype, size: r.size == null ? null : Number(r.size), hash: r.hash, encoding: r.encoding,
    datastore_active: r.datastore_active, download_count: Number(r.downloads),
    check: report && templateId && r.check_ok != null
      ? { template_id: templateId, ok: r.check_ok, rows: report.rows ?? 0, problems: (report.problems?.length ?? 0) + (report.moreProblems ?? 0) + (report.header?.missing?.length ?? 0) }
      : null,
    state: 'active', created: ckanTime(r.created), last_modified: r.last_modified ? ckanTime(r.last_modified) : null,
    metadata_modified: ckanTime(r.metadata_modified),
  };
}

/**
 * Datasets as CKAN package dicts, with their organisation, groups, tags and resources (download counts
 * summed): four queries whatever the number. Order: as `ids`, or by name for the whole catalog.
 */
export async function loadPackages(tx: Tx, base: UrlBase, which: Which, opts: { includeDeleted?: boolean } = {}): Promise<CkanPackage[]> {
  const filter = 'ids' in which ? sql`d.id = any(${uuidArray(which.ids)})` : sql`true`;
  const live = opts.includeDeleted ? sql`true` : sql`d.state <> 'deleted'`;
  const datasets = await txRows<DatasetRow>(tx, sql`select d.* from opendata_datasets d where ${filter} and ${live} order by d.name`);
  if (datasets.length === 0) return [];
  const ids = datasets.map((d) => d.id);
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const resources = await txRows<ResourceRow>(tx, sql`select r.*, f.filename, coalesce((select sum(n.count) from opendata_downloads n where n.resource_id = r.id), 0) as downloads
    from opendata_resources r left join files f on f.id = r.file_id where r.dataset_id = any(${uuidArray(ids)}) order by r.dataset_id, r.position, r.created`);
  const orgs = await txRows<OrgRow>(tx, sql`select id, name, title, description, image_url, created_at as created from opendata_organizations where id = any(${uuidArray([...new Set(datasets.map((d) => d.owner_org))])})`);
  const groups = await txRows<GroupRow>(tx, sql`select dg.dataset_id, g.id, g.name, g.title, g.description, g.image_url from opendata_dataset_groups dg
    join opendata_groups g on g.id = dg.group_id where dg.dataset_id = any(${uuidArray(ids)}) order by g.name`);
  const orgById = new Map(orgs.map((o) => [o.id, presentOrganization(o)]));
  const byDataset = <T extends { dataset_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.dataset_id) ?? m.set(r.dataset_id, []).get(r.dataset_id)!).push(r);
    return m;
  };
  const resByDataset = byDataset(resources);
  const groupsByDataset = byDataset(groups);
  const packages = datasets.map((d): CkanPackage => {
    const licence = licenseOf(d.license_id);
    const tags = [...d.tags].sort().map((name) => ({ name, display_name: name, state: 'active' as const, vocabulary_id: null }));
    const pkgGroups: CkanGroup[] = (groupsByDataset.get(d.id) ?? []).map((g) => ({
      id: g.id, name: g.name, title: g.title.ja, title_translated: tr(g.title), display_name: g.title.ja, description: g.description.ja ?? '', image_url: g.image_url,
    }));
    const res = (resByDataset.get(d.id) ?? []).map((r) => presentResource(r, d.name, base, d.template_id));
    return {
      id: d.id, name: d.name, title: d.title.ja, title_translated: tr(d.title), notes: d.notes.ja ?? '', notes_translated: tr(d.notes),
      type: 'dataset', state: d.state, private: d.private, license_id: d.license_id, license_title: licence.title, license_url: licence.url,
      owner_org: d.owner_org, organization: orgById.get(d.owner_org)!, author: d.author, author_email: d.author_email,
      maintainer: d.maintainer, maintainer_email: d.maintainer_email, url: d.url, version: d.version, tags, groups: pkgGroups,
      extras: d.extras ?? [], template_id: d.template_id, source: d.source, num_resources: res.length, num_tags: tags.length,
      resources: res, metadata_created: ckanTime(d.metadata_created), metadata_modified: ckanTime(d.metadata_modified),
    };
  });
  if ('ids' in which) {
    const order = new Map(which.ids.map((id, i) => [id, i]));
    packages.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  return packages;
}

/** A dataset's id from its id or name (CKAN accepts both), deleted ones included; null when unknown. */
export async function datasetIdOf(tx: Tx, idOrName: string): Promise<string | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const [row] = await txRows<{ id: string }>(tx, isUuid
    ? sql`select id from opendata_datasets where id = ${idOrName} or name = ${idOrName} limit 1`
    : sql`select id from opendata_datasets where name = ${idOrName}`);
  return row?.id ?? null;
}
