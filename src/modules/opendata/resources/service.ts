/**
 * resource_create, resource_update and resource_delete: links or uploads (stored in the core file
 * store with their SHA-256), the standard check of CSVs of datasets with a template, and the datastore
 * load of tabular files, all in one transaction with the resource row.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../core/db/connection.ts';
import type { ActionContext, ActionParams } from '../ckan/actions.ts';
import { authError, notFoundError, validationError } from '../ckan/errors.ts';
import { loadPackages } from '../catalog/load.ts';
import type { CkanResource } from '../catalog/types.ts';
import { canEditOrg } from '../policy.ts';
import { clearDatastore, replaceDatastore } from '../datastore/store.ts';
import { canSeeDataset } from './access.ts';
import { defaultName, requiredString, resourceParams, type ResourceParams } from './params.ts';
import * as repo from './repo.ts';
import { prepareUpload, RESOURCE_UPLOAD_POLICY, type PreparedUpload } from './upload.ts';

/** 404 when the caller cannot see the dataset, 403 when they see it but may not change it or it is living. */
function assertCanEdit(ctx: ActionContext, d: repo.DatasetAccess | null, what: string): asserts d is repo.DatasetAccess {
  if (!d || d.state === 'deleted') throw notFoundError(what);
  if (!canEditOrg(ctx.actor, d.department_id)) {
    // Those who cannot see a private or draft dataset learn nothing about it.
    if (!canSeeDataset(ctx.actor, d)) throw notFoundError(what);
    throw authError('User not authorized to edit resources of this dataset');
  }
  if (d.source) throw authError('A living dataset is refreshed by the platform and cannot be edited (living dataset)');
}

/** Stores the bytes (owned by the resource) and returns the row's file columns. */
async function storeFile(ctx: ActionContext, tx: Tx, resourceId: string, up: PreparedUpload): Promise<repo.FileFacts> {
  const stored = await ctx.platform.files.store(tx, {
    tenantId: ctx.tenant.id, filename: up.file.filename, data: up.file.data, policy: RESOURCE_UPLOAD_POLICY, ownerType: 'opendata_resource', ownerId: resourceId,
  });
  return { fileId: stored.id, size: stored.size, hash: stored.sha256, mimetype: up.mimetype, encoding: up.encoding, checkReport: up.check?.report ?? null, checkOk: up.check?.ok ?? null };
}

/** The resource as CKAN shows it, read back inside the transaction that wrote it. */
async function present(ctx: ActionContext, tx: Tx, datasetId: string, resourceId: string): Promise<CkanResource> {
  const [pkg] = await loadPackages(tx, ctx.base, { ids: [datasetId] }, { includeDeleted: true });
  return pkg!.resources.find((r) => r.id === resourceId)!;
}

async function lookupDataset(ctx: ActionContext, idOrName: string): Promise<repo.DatasetAccess | null> {
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.datasetAccess(tx, idOrName));
}

async function lookupResource(ctx: ActionContext, id: string): Promise<repo.ResourceAccess | null> {
  return ctx.platform.inTenant(ctx.tenant.id, (tx) => repo.resourceAccess(tx, id));
}

const auditEntry = (ctx: ActionContext, action: string, id: string, details: Record<string, unknown>) =>
  ({ tenantId: ctx.tenant.id, actor: ctx.actor, action: `opendata.resource.${action}`, targetType: 'opendata_resource', targetId: id, details, ip: ctx.req.ip });

/** resource_create: a link (`url`) or an upload (`upload`) added to a dataset. */
export async function createResource(ctx: ActionContext, params: ActionParams): Promise<CkanResource> {
  const packageId = requiredString(params, 'package_id');
  const p = resourceParams(params);
  if (!p.upload && !p.url) throw validationError('url', 'Give a url (a link) or a file in upload');
  const dataset = await lookupDataset(ctx, packageId);
  assertCanEdit(ctx, dataset, 'Package');
  const name = p.name?.ja ? p.name : defaultName(p);
  if (!name?.ja) throw validationError('name', 'Missing value');
  const up = p.upload ? await prepareUpload(ctx.platform, p.upload, dataset.template_id, p.format) : null;
  const id = randomUUID();
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const position = p.position ?? await repo.nextPosition(tx, dataset.dataset_id);
    const file = up ? await storeFile(ctx, tx, id, up) : undefined;
    await repo.insertResource(tx, ctx.tenant.id, id, dataset.dataset_id, {
      name, description: p.description, format: up?.format ?? p.format ?? formatOfLink(p.url!), position, ...(file ? { file } : { link: p.url! }),
    });
    if (up?.table) await replaceDatastore(tx, ctx.tenant.id, id, up.table.fields, up.table.rows);
    await repo.touchDataset(tx, dataset.dataset_id);
    await ctx.platform.audit.record(tx, auditEntry(ctx, 'create', id, { dataset: dataset.dataset_name, kind: up ? 'upload' : 'link', checkOk: up?.check?.ok ?? null, rows: up?.table?.rows.length ?? null }));
    return present(ctx, tx, dataset.dataset_id, id);
  });
}

/** The format of a link from its address's extension (CSV for …/data.csv), or empty. */
function formatOfLink(url: string): string {
  const ext = new URL(url).pathname.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = { csv: 'CSV', tsv: 'TSV', json: 'JSON', geojson: 'GeoJSON', xlsx: 'XLSX', xls: 'XLS', pdf: 'PDF', zip: 'ZIP', html: 'HTML', xml: 'XML', rdf: 'RDF' };
  return known[ext] ?? '';
}

/** Whether a `url` sent back with an update is just the resource's own download address (ckanapi sends whole dicts). */
function isOwnDownloadUrl(url: string, id: string): boolean {
  return url.includes(`/resources/${id}/download/`);
}

/** resource_update: changes the fields given (a new upload replaces the bytes, a new url turns it into a link). */
export async function updateResource(ctx: ActionContext, params: ActionParams): Promise<CkanResource> {
  const id = requiredString(params, 'id');
  const current = await lookupResource(ctx, id);
  assertCanEdit(ctx, current, 'Resource');
  if (current.url_type === 'living') throw authError('A living resource is refreshed by the platform and cannot be edited');
  const own = current.url_type && typeof params.url === 'string' && isOwnDownloadUrl(params.url, id);
  const p: ResourceParams = resourceParams(own ? { ...params, url: undefined } : params);
  if (p.name && !p.name.ja) throw validationError('name', 'Missing value');
  const up = p.upload ? await prepareUpload(ctx.platform, p.upload, current.template_id, p.format) : null;
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const file = up ? await storeFile(ctx, tx, id, up) : undefined;
    await repo.updateResource(tx, id, {
      name: p.name, description: p.description, position: p.position,
      format: up?.format ?? p.format ?? (p.url ? formatOfLink(p.url) : undefined),
      ...(file ? { file } : p.url ? { link: p.url } : {}),
    });
    if (up?.table) await replaceDatastore(tx, ctx.tenant.id, id, up.table.fields, up.table.rows);
    else if (up || p.url) await clearDatastore(tx, id);
    if ((file || p.url) && current.file_id) await ctx.platform.files.remove(tx, current.file_id);
    await repo.touchDataset(tx, current.dataset_id);
    await ctx.platform.audit.record(tx, auditEntry(ctx, 'update', id, { dataset: current.dataset_name, upload: Boolean(up), link: Boolean(p.url), checkOk: up?.check?.ok ?? null }));
    return present(ctx, tx, current.dataset_id, id);
  });
}

/** resource_delete: removes the resource, its datastore rows and download counts (CKAN answers null). */
export async function deleteResource(ctx: ActionContext, params: ActionParams): Promise<null> {
  const id = requiredString(params, 'id');
  const current = await lookupResource(ctx, id);
  assertCanEdit(ctx, current, 'Resource');
  if (current.url_type === 'living') throw authError('A living resource is refreshed by the platform and cannot be deleted');
  await ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    await repo.deleteResource(tx, id);
    if (current.file_id) await ctx.platform.files.remove(tx, current.file_id);
    await repo.touchDataset(tx, current.dataset_id);
    await ctx.platform.audit.record(tx, auditEntry(ctx, 'delete', id, { dataset: current.dataset_name }));
  });
  return null;
}
