
/** One `yakuba` sub-command: its usage line and what it runs. */
export interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<number | void>;
}

/** Sub-commands by name; each lives in src/cli/<name>.ts and is loaded only when called. */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  start: () => import('./cli/start.ts'),
  migrate: () => import('./cli/migrate.ts'),
  seed: () => import('./cli/seed.ts'),
  tenant: () => import('./cli/tenant.ts'),
  user: () => import('./cli/user.ts'),
  backup: () => import('./cli/backup.ts'),
  restore: () => import('./cli/restore.ts'),
  audit: () => import('./cli/audit.ts'),
};

async function help(): Promise<void> {
  console.log('yakuba — Yakuba platform command line\n\nUsage: yakuba <command> [options]\n');
  for (const [name, load] of Object.entries(commands)) {
    try {
      const { command } = await load();
      console.log(`  ${command.usage.padEnd(46)} ${command.summary}`);
    } catch {
      console.log(`  ${name}`);
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help();
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`yakuba: unknown command "${name}". Run "yakuba help".`);
    return 2;
  }
  const { command } = await load();
  const code = await command.run(rest);
  return typeof code === 'number' ? code : 0;
}

main(process.argv.slice(2)).then(
  (code) => { if (code !== 0) process.exitCode = code; },
  (err: Error) => {
    console.error(`yakuba: ${err.message}`);
    process.exitCode = 1;
  },
);
