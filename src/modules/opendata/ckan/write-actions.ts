import type { ActionDef } from './actions.ts';
import { packageActions } from './write/packages.ts';
import { ownerWriteActions } from './write/owners.ts';
import { tokenActions } from './write/tokens.ts';

/** Write actions of datasets, organisations, groups and API tokens (resources: resources/actions.ts). */
export const writeActions: ActionDef[] = [...packageActions, ...ownerWriteActions, ...tokenActions];
