import type { ActionDef } from '../actions.ts';
import { createOwner, deleteOwnerAction, orgsForUser, setGroupMember, updateOwnerAction } from '../../datasets/organizations.ts';
import type { Kind } from '../../datasets/org-repo.ts';
import { writeContext } from './context.ts';

const ownerActions = (kind: Kind): ActionDef[] => {
  const fields = `name, title (or title_translated {ja, en}), description (or description_translated), image_url${kind === 'organization' ? ', department_id (the 課 whose staff publish its datasets)' : ''}`;
  return [
    { name: `${kind}_create`, help: `Create an ${kind}. Fields: ${fields}. Open data managers only.`, write: true, handler: (ctx, p) => createOwner(writeContext(ctx), kind, p) },
    { name: `${kind}_update`, help: `Update an ${kind} (:param id: id or name), replacing its fields${kind === 'organization' ? ' (department_id stays unless given)' : ''}. Fields: ${fields}.`, write: true, handler: (ctx, p) => updateOwnerAction(writeContext(ctx), kind, p, 'update') },
    { name: `${kind}_patch`, help: `Patch an ${kind} (:param id:): only the fields given change.`, write: true, handler: (ctx, p) => updateOwnerAction(writeContext(ctx), kind, p, 'patch') },
    {
      name: `${kind}_delete`,
      help: kind === 'organization' ? 'Delete an organization (:param id:); refused (409) while it owns datasets.' : 'Delete a group (:param id:); its datasets stay, outside the group.',
      write: true,
      handler: (ctx, p) => deleteOwnerAction(writeContext(ctx), kind, p),
    },
  ];
};

/** organization_* and group_* writes, member_create/member_delete (dataset ↔ group) and organization_list_for_user. */
export const ownerWriteActions: ActionDef[] = [
  ...ownerActions('organization'),
  ...ownerActions('group'),
  {
    name: 'member_create',
    help: 'Put a dataset in a group: :param id: the group, :param object: the dataset (id or name), :param object_type: package, :param capacity: ignored (public).',
    write: true,
    handler: (ctx, p) => setGroupMember(writeContext(ctx), p, true),
  },
  {
    name: 'member_delete',
    help: 'Take a dataset out of a group: :param id: the group, :param object: the dataset, :param object_type: package.',
    write: true,
    handler: (ctx, p) => setGroupMember(writeContext(ctx), p, false),
  },
  {
    name: 'organization_list_for_user',
    help: 'The organizations the caller may create datasets in (all for open data managers, their departments\' for publishers). :param permission: ignored.',
    handler: (ctx) => orgsForUser(writeContext(ctx)),
  },
];
