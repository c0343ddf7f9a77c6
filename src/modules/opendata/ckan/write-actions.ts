import type { ActionDef } from './actions.ts';

/** Write actions: package_create … resource_delete (helper B fills this). */
export const writeActions: ActionDef[] = [];
