// Fallback used by bench/run.ts only when the web app cannot be built: what `yakuba start` does
// (server, then the demo seed on a new data directory) without the web build step.
import { startServer } from '../src/server.ts';
import { seedDemo } from '../src/core/seed/demo.ts';

const yakuba = await startServer();
await seedDemo(yakuba.platform);
await yakuba.tenants.reload();
