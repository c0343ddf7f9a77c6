// A second (and third) app process for the runner's concurrency test: boots the platform on the given
// PostgreSQL database, says "ready", waits for "go" on stdin, then drains the outbox and prints its counts.
import { createInterface } from 'node:readline';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../db/connection.ts';
import { JobRunner } from './runner.ts';

const [databaseUrl, smtpUrl] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl, poolSize: 4 });
const yakuba = await buildApp({
  db,
  migrate: false,
  config: { smtpUrl, logLevel: 'silent', jobsEnabled: false, secretKey: 'test-secret-key-0123456789abcdef', dataDir: '/tmp/yakuba-worker' },
});
const runner = new JobRunner(yakuba.platform, { batchSize: 10, concurrency: 4 });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.once('line', () => { lines.close(); resolve(); });
});
let sent = 0;
let failed = 0;
for (let idle = 0; idle < 3;) {
  const round = await runner.runOnce();
  sent += round.sent;
  failed += round.failed;
  if (round.sent + round.failed === 0) {
    idle += 1;
    await new Promise((r) => setTimeout(r, 50));
  } else {
    idle = 0;
  }
}
await runner.stop();
await yakuba.close();
await db.close();
process.stdout.write(`${JSON.stringify({ sent, failed })}\n`);
