import type { ActionDef } from './actions.ts';
import { notFoundError } from './errors.ts';
import { packageReads } from './read/package.ts';
import { orgGroupReads } from './read/org-group.ts';
import { siteReads } from './read/site.ts';
import { required } from './read/params.ts';
import { writeActions } from './write-actions.ts';
import { resourceActions } from '../resources/actions.ts';
import { datastoreActions } from '../datastore/actions.ts';

const helpShow: ActionDef = {
  name: 'help_show',
  help: 'Return the help text of an action. Parameters: name (the action\'s name).',
  async handler(_ctx, params) {
    const name = required(params, 'name');
    // Looked up at call time: every list is complete by then.
    const found = [...readActions, ...writeActions, ...resourceActions, ...datastoreActions].find((a) => a.name === name);
    if (!found) throw notFoundError(`Action ${name}`);
    return found.help;
  },
};

/** Read actions: package_list, package_show, package_search, organization_*, group_*, tag_list, status_show … */
export const readActions: ActionDef[] = [...packageReads, ...orgGroupReads, ...siteReads, helpShow];
