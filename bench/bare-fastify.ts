// Reference point for bench/run.ts: bare Fastify on the same Node.js, no plugins or hooks, sending
// the same bytes as pre-built Buffers. Yakuba ÷ this shows what the platform's hooks cost;
// this ÷ nginx shows what Node.js + Fastify cost.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [root, port, ...paths] = process.argv.slice(2);
if (!root || !port) throw new Error('usage: bare-fastify.ts <root> <port> <path>…');
const app = Fastify({ logger: false });
for (const path of paths) {
  const body = readFileSync(join(root, path));
  app.get(path, async (_req, reply) => reply.type('application/json').send(body));
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
