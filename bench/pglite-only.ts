// Baseline for the memory figure: a Node.js process that only opens PGlite on a data directory and
// runs one query, then reports its resident memory (VmRSS) and stays until killed.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-only.ts <dataDir>');
const db = await PGlite.create(dir);
await db.query('select count(*) from tenants');
await new Promise((r) => setTimeout(r, 1000)); // settle, as the server's figure is read 1 s after ready
const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
console.log(JSON.stringify({ rssMiB: rss }));
await db.close();
