import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { jsonb } from '../../../core/db/params.ts';
import type { Translated } from '../catalog/types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What access rules need to know about a dataset: its state, visibility, owner department and kind. */
export interface DatasetAccess {
  dataset_id: string;
  dataset_name: string;
  state: 'active' | 'draft' | 'deleted';
  private: boolean;
  source: string | null;
  template_id: string | null;
  department_id: string | null;
}

/** A resource with its dataset's access facts. */
export interface ResourceAccess extends DatasetAccess {
  id: string;
  url_type: 'upload' | 'living' | null;
  file_id: string | null;
  hash: string;
  mimetype: string;
  encoding: string | null;
  format: string;
  datastore_active: boolean;
  check_report: unknown;
  check_ok: boolean | null;
}

const DATASET_COLUMNS = sql`d.id as dataset_id, d.name as dataset_name, d.state, d.private, d.source, d.template_id, o.department_id`;

/** A dataset by id or name (as CKAN's package_id), deleted ones included; null when unknown. */
export async function datasetAccess(tx: Tx, idOrName: string): Promise<DatasetAccess | null> {
  const match = UUID.test(idOrName) ? sql`(d.id = ${idOrName} or d.name = ${idOrName})` : sql`d.name = ${idOrName}`;
  const [row] = await txRows<DatasetAccess>(tx, sql`select ${DATASET_COLUMNS} from opendata_datasets d
    join opendata_organizations o on o.id = d.owner_org where ${match} limit 1`);
  return row ?? null;
}

/** A resource with its dataset's access facts; null when unknown (or not an id at all). */
export async function resourceAccess(tx: Tx, id: string): Promise<ResourceAccess | null> {
  if (!UUID.test(id)) return null;
  const [row] = await txRows<ResourceAccess>(tx, sql`select r.id, r.url_type, r.file_id, r.hash, r.mimetype, r.encoding, r.format,
      r.datastore_active, r.check_report, r.check_ok, ${DATASET_COLUMNS}
    from opendata_resources r join opendata_datasets d on d.id = r.dataset_id join opendata_organizations o on o.id = d.owner_org
    where r.id = ${id}`);
  return row ?? null;
}

/** The stored facts of an upload (absent for a link). */
export interface FileFacts {
  fileId: string;
  size: number;
  hash: string;
  mimetype: string;
  encoding: string | null;
  checkReport: unknown;
  checkOk: boolean | null;
}

/** Columns of a new or changed resource; undefined leaves a column as it is (update). */
export interface ResourceWrite {
  /** `en` absent: the English stays as it is (a new resource gets an empty one) */
  name?: { ja: string; en?: string };
  description?: { ja: string; en?: string };
  format?: string;
  position?: number;
  /** A link (url_type null, no file), or an upload's facts. */
  link?: string;
  file?: FileFacts;
}

const full = (t: { ja: string; en?: string }): Translated => ({ ja: t.ja, en: t.en ?? '' });

/** SQL setting a `{ja, en}` column, keeping its English when none is given. */
function setText(column: 'name' | 'description', t: { ja: string; en?: string }) {
  return t.en === undefined
    ? sql`${sql.raw(column)} = jsonb_set(${sql.raw(column)}, '{ja}', to_jsonb(${t.ja}::text))`
    : sql`${sql.raw(column)} = ${jsonb(full(t))}`;
}

/** The position after the dataset's last resource. */
export async function nextPosition(tx: Tx, datasetId: string): Promise<number> {
  const [row] = await txRows<{ next: number }>(tx, sql`select coalesce(max(position) + 1, 0)::int as next from opendata_resources where dataset_id = ${datasetId}`);
  return row!.next;
}

/** Inserts a resource with the given id (the file's owner id is known before the row exists). */
export async function insertResource(tx: Tx, tenantId: string, id: string, datasetId: string, w: ResourceWrite & { name: { ja: string; en?: string }; position: number }): Promise<void> {
  const f = w.file;
  await tx.execute(sql`insert into opendata_resources (id, tenant_id, dataset_id, position, name, description, url_type, url, file_id, format,
      mimetype, size, hash, encoding, check_report, check_ok, last_modified)
    values (${id}, ${tenantId}, ${datasetId}, ${w.position}, ${jsonb(full(w.name))}, ${jsonb(full(w.description ?? { ja: '' }))},
      ${f ? 'upload' : null}, ${w.link ?? ''}, ${f?.fileId ?? null}, ${w.format ?? ''}, ${f?.mimetype ?? ''}, ${f?.size ?? null},
      ${f?.hash ?? ''}, ${f?.encoding ?? null}, ${jsonb(f?.checkReport ?? null)}, ${f?.checkOk ?? null}, ${f ? sql`now()` : null})`);
}

/** Changes the given columns of a resource; a link or a file replaces the other kind entirely. */
export async function updateResource(tx: Tx, id: string, w: ResourceWrite): Promise<void> {
  const sets = [sql`metadata_modified = now()`];
  if (w.name) sets.push(setText('name', w.name));
  if (w.description) sets.push(setText('description', w.description));
  if (w.format !== undefined) sets.push(sql`format = ${w.format}`);
  if (w.position !== undefined) sets.push(sql`position = ${w.position}`);
  if (w.link !== undefined) {
    sets.push(sql`url_type = null, url = ${w.link}, file_id = null, mimetype = '', size = null, hash = '', encoding = null,
      check_report = null, check_ok = null, last_modified = now()`);
  }
  const f = w.file;
  if (f) {
    sets.push(sql`url_type = 'upload', url = '', file_id = ${f.fileId}, mimetype = ${f.mimetype}, size = ${f.size}, hash = ${f.hash},
      encoding = ${f.encoding}, check_report = ${jsonb(f.checkReport)}, check_ok = ${f.checkOk}, last_modified = now()`);
  }
  await tx.execute(sql`update opendata_resources set ${sql.join(sets, sql`, `)} where id = ${id}`);
}

/** Removes a resource (its datastore rows and download counts go with it). */
export async function deleteResource(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`delete from opendata_resources where id = ${id}`);
}

/** Marks the dataset changed (CKAN bumps the package's metadata_modified on resource changes). */
export async function touchDataset(tx: Tx, datasetId: string): Promise<void> {
  await tx.execute(sql`update opendata_datasets set metadata_modified = now() where id = ${datasetId}`);
}

/** Counts one download in the current month (JST). */
export async function countDownload(tx: Tx, tenantId: string, resourceId: string): Promise<void> {
  await tx.execute(sql`insert into opendata_downloads as n (tenant_id, resource_id, month, count)
    values (${tenantId}, ${resourceId}, date_trunc('month', now() at time zone 'Asia/Tokyo')::date, 1)
    on conflict (resource_id, month) do update set count = n.count + 1`);
}
