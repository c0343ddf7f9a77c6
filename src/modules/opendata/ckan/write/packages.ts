import type { ActionDef } from '../actions.ts';
import { createDataset, deleteDataset, updateDataset } from '../../datasets/service.ts';
import { writeContext } from './context.ts';

const FIELDS = 'name, title (or title_translated {ja, en}), notes (or notes_translated), owner_org (id or name), license_id (license_list), '
  + 'tags [{name}], groups [{name}|{id}], extras [{key, value}], private, state (active|draft), template_id, url, version, author, author_email, maintainer, maintainer_email';

/** package_create, package_update, package_patch, package_delete. */
export const packageActions: ActionDef[] = [
  {
    name: 'package_create',
    help: `Create a dataset and return it. Fields: ${FIELDS}. Staff of the owning organisation's department (or open data managers) only. Resources are added afterwards with resource_create.`,
    write: true,
    handler: (ctx, params) => createDataset(writeContext(ctx), params),
  },
  {
    name: 'package_update',
    help: `Update a dataset (:param id: id or name), replacing its fields: those not given go back to their defaults (name and owner_org stay). Fields: ${FIELDS}. `
      + '`resources` may only list existing resources by id, to reorder or drop them (add new ones with resource_create); left out, resources stay as they are.',
    write: true,
    handler: (ctx, params) => updateDataset(writeContext(ctx), params, 'update'),
  },
  {
    name: 'package_patch',
    help: `Patch a dataset (:param id: id or name): only the fields given change. Fields: ${FIELDS}.`,
    write: true,
    handler: (ctx, params) => updateDataset(writeContext(ctx), params, 'patch'),
  },
  {
    name: 'package_delete',
    help: 'Delete a dataset (:param id: id or name). Soft: its state becomes deleted, so harvesters see it go.',
    write: true,
    handler: (ctx, params) => deleteDataset(writeContext(ctx), params),
  },
  {
    name: 'package_owner_org_update',
    help: 'Move a dataset (:param id:) to another organisation (:param organization_id: id or name); you need rights on both.',
    write: true,
    handler: (ctx, params) => updateDataset(writeContext(ctx), { id: params.id, owner_org: params.organization_id ?? '' }, 'patch'),
  },
];
