import type { ActionDef } from './actions.ts';

/** Read actions: package_list, package_show, package_search … (helper A fills this). */
export const readActions: ActionDef[] = [];
