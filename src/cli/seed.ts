import type { Command } from '../cli.ts';
import { buildApp } from '../app.ts';
import { seedDemo } from '../core/seed/demo.ts';
import { describeDatabase } from './context.ts';

/** `yakuba seed`: the demo municipalities, accounts and module data, when no tenant exists yet. */
export const command: Command = {
  usage: 'seed',
  summary: 'create the demo tenants (徳島市, 松阪市) with departments, accounts and module data',
  async run() {
    // The whole platform, so modules' seed hooks get the services they expect; nothing listens.
    const yakuba = await buildApp({ config: { jobsEnabled: false, logLevel: 'warn' } });
    try {
      const logins = await seedDemo(yakuba.platform);
      if (!logins.length) {
        console.log(`tenants already exist; nothing seeded (${describeDatabase(yakuba.platform.config)})`);
        return 0;
      }
      console.log(`Demo data created on ${describeDatabase(yakuba.platform.config)}. These logins are shown only once:`);
      for (const l of logins) console.log(`  ${l.tenant.padEnd(10)} ${l.email.padEnd(34)} ${l.password}${l.note ? `  (${l.note})` : ''}`);
      return 0;
    } finally {
      await yakuba.close();
    }
  },
};
