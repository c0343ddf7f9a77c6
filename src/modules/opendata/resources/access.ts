import type { Actor } from '../../../core/platform.ts';
import { INCLUDE_ALL, isVisible } from '../search/visibility.ts';
import type { DatasetAccess } from './repo.ts';

/**
 * Whether the actor may read a dataset and its resources (downloads, datastore_search): public active
 * datasets for everyone; private and draft ones for staff who may edit the owning organisation;
 * deleted ones for nobody (as package_show).
 */
export function canSeeDataset(actor: Actor, d: DatasetAccess): boolean {
  return d.state !== 'deleted' && isVisible({ state: d.state, private: d.private, departmentId: d.department_id }, actor, INCLUDE_ALL);
}
