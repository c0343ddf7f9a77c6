import type { ActionDef } from '../ckan/actions.ts';

/** resource_create, resource_update, resource_delete (helper B2 fills this). */
export const resourceActions: ActionDef[] = [];
