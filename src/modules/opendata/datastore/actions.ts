import type { ActionDef } from '../ckan/actions.ts';

/** datastore_search (helper B fills this). */
export const datastoreActions: ActionDef[] = [];
