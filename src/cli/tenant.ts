import { parseArgs } from 'node:util';
import type { Command } from '../cli.ts';
import { AppError } from '../core/http/errors.ts';
import { createTenant, listTenants } from '../core/seed/tenants.ts';
import { describeDatabase, openForCli } from './context.ts';

const USAGE = 'tenant create --slug x --name-ja 名前 --name-en Name --lg-code 123456 | tenant list';

/** `yakuba tenant create|list`: adds a municipality, or lists them. */
export const command: Command = {
  usage: 'tenant create|list [options]',
  summary: 'create a tenant (--slug --name-ja --name-en --lg-code) or list tenants',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'create' && sub !== 'list') {
      console.error(`usage: yakuba ${USAGE}`);
      return 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: { slug: { type: 'string' }, 'name-ja': { type: 'string' }, 'name-en': { type: 'string' }, 'lg-code': { type: 'string' }, host: { type: 'string', multiple: true } },
    });
    const { config, db } = await openForCli();
    try {
      if (sub === 'list') {
        const rows = await listTenants(db);
        if (!rows.length) console.log(`no tenants yet (${describeDatabase(config)})`);
        for (const t of rows) console.log(`${t.slug.padEnd(16)} ${t.lg_code}  ${t.name_ja} / ${t.name_en}`);
        return 0;
      }
      if (!values.slug || !values['name-ja'] || !values['lg-code']) {
        console.error(`usage: yakuba ${USAGE}`);
        return 2;
      }
      const tenant = await createTenant(db, {
        slug: values.slug, nameJa: values['name-ja'], nameEn: values['name-en'] ?? values.slug, lgCode: values['lg-code'], hosts: values.host,
      });
      console.log(`created tenant ${tenant.slug} (${tenant.id}); staff console: ${config.baseUrl}/t/${tenant.slug}/admin`);
      console.log(`next: yakuba user create --tenant ${tenant.slug} --email … --name … --admin`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(`yakuba tenant: ${err.field ?? err.code}: ${String(err.params.detail ?? err.code)}`);
        return 1;
      }
      throw err;
    } finally {
      await db.close();
    }
  },
};
