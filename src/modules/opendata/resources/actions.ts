import type { ActionDef } from '../ckan/actions.ts';
import { createResource, deleteResource, updateResource } from './service.ts';

/** resource_create, resource_update, resource_delete (CKAN 2.10 semantics; uploads as multipart `upload`). */
export const resourceActions: ActionDef[] = [
  {
    name: 'resource_create',
    help: 'Appends a resource to a dataset: a link (`url`) or a file (multipart `upload`). Parameters: package_id (id or name), name, name_translated, description, description_translated, format, position. CSVs of a dataset with a 自治体標準 template are checked; CSV/TSV/XLSX are loaded into the datastore.',
    write: true,
    handler: (ctx, params) => createResource(ctx, params),
  },
  {
    name: 'resource_update',
    help: 'Updates the resource `id`: the fields given change; a new `upload` replaces the file (and its check and datastore table), a new `url` turns it into a link.',
    write: true,
    handler: (ctx, params) => updateResource(ctx, params),
  },
  {
    name: 'resource_delete',
    help: 'Deletes the resource `id` with its datastore table and download counts.',
    write: true,
    handler: (ctx, params) => deleteResource(ctx, params),
  },
];
