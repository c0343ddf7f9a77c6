import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '../cli.ts';
import { startServer } from '../server.ts';
import { WEB_DIST } from '../core/http/web.ts';
import { seedDemo } from '../core/seed/demo.ts';
import { describeDatabase } from './context.ts';

const WEB_CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

/** Builds the web app with Vite when it has not been built yet, so `npm start` alone is enough. */
export async function ensureWebBuilt(force = false): Promise<void> {
  if (!force && existsSync(`${WEB_DIST}/index.html`)) return;
  console.log('building the web app (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: WEB_CONFIG, logLevel: 'warn' });
}

/** `yakuba start`: the server, with demo data seeded into a new embedded database. */
export const command: Command = {
  usage: 'start [--no-seed] [--rebuild]',
  summary: 'start the platform (builds the web app and seeds demo data on first run)',
  async run(args) {
    await ensureWebBuilt(args.includes('--rebuild'));
    const yakuba = await startServer();
    const { config } = yakuba.platform;
    if (!args.includes('--no-seed') && process.env.SEED_DEMO !== 'false') {
      const logins = await seedDemo(yakuba.platform);
      await yakuba.tenants.reload();
      if (logins.length) {
        console.log('\nDemo data created. These logins are shown only once:');
        for (const l of logins) console.log(`  ${l.tenant.padEnd(10)} ${l.email.padEnd(34)} ${l.password}${l.note ? `  (${l.note})` : ''}`);
      }
    }
    const tenants = await yakuba.tenants.all();
    console.log(`\nYakuba is running at ${config.baseUrl}/ on ${describeDatabase(config)}`);
    for (const t of tenants) console.log(`  ${t.nameJa} (${t.slug}): ${config.baseUrl}/t/${t.slug}/   staff console: ${config.baseUrl}/t/${t.slug}/admin`);
    if (!config.databaseUrl) {
      console.log('\nNote: the embedded database (PGlite) does not fsync. A killed process loses nothing it acknowledged,');
      console.log('but a power cut could. For production set DATABASE_URL to a PostgreSQL server (see README).');
    }
    if (config.secretKeyGenerated) console.log('Note: SECRET_KEY is not set; a generated key kept in the database is used.');
    if (!config.smtpUrl) console.log('Note: SMTP_URL is not set; email lands in the outbox that administrators read in the console.');
  },
};
