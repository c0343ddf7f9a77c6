import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.ts';
import { anonymousActor } from './access.ts';

// STUB — replaced by the auth work (sessions, CSRF).
export async function installAuth(app: FastifyInstance, _platform: Platform): Promise<void> {
  app.addHook('onRequest', async (req) => {
    req.actor = anonymousActor(req.tenant?.id ?? null);
  });
}
