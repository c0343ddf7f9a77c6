import { parseArgs } from 'node:util';
import type { Command } from '../cli.ts';
import { AppError } from '../core/http/errors.ts';
import { withTenant } from '../core/db/tenant-tx.ts';
import { createStaffUser } from '../core/admin/users/create.ts';
import { mapDbErrors } from '../core/admin/db-errors.ts';
import { tenantIdBySlug } from '../core/seed/tenants.ts';
import { openForCli } from './context.ts';

const USAGE = 'user create --tenant slug --email a@b.jp --name 名前 [--admin] [--password …]';

/** `yakuba user create`: adds a staff account; prints a generated password when none is given. */
export const command: Command = {
  usage: 'user create --tenant --email --name [--admin]',
  summary: 'create a staff user (prints a generated password if none is given)',
  async run(args) {
    const [sub, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: { tenant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, password: { type: 'string' } },
    });
    if (sub !== 'create' || !values.tenant || !values.email || !values.name) {
      console.error(`usage: yakuba ${USAGE}`);
      return 2;
    }
    const { config, db } = await openForCli();
    try {
      const tenantId = await tenantIdBySlug(db, values.tenant);
      if (!tenantId) {
        console.error(`yakuba user: no tenant "${values.tenant}" (see yakuba tenant list)`);
        return 1;
      }
      const created = await withTenant(db, tenantId, (tx) => mapDbErrors('email', () => createStaffUser(tx, {
        tenantId, email: values.email!, displayName: values.name!, password: values.password, isTenantAdmin: values.admin ?? false,
      })));
      console.log(`created ${values.admin ? 'tenant administrator' : 'staff user'} ${values.email!.toLowerCase()} in ${values.tenant}`);
      if (created.generated) console.log(`password (shown only once): ${created.password}`);
      if (values.admin) console.log('administrators set up two-factor authentication at first sign-in');
      console.log(`sign in at ${config.baseUrl}/t/${values.tenant}/admin`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(`yakuba user: ${err.field ?? err.code}: ${err.code === 'conflict' ? 'already exists' : String(err.params.detail ?? err.params.min ?? err.code)}`);
        return 1;
      }
      throw err;
    } finally {
      await db.close();
    }
  },
};
