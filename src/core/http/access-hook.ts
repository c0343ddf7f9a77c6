import type { FastifyInstance } from 'fastify';
import { assertCan } from '../auth/access.ts';

/**
 * Deny-by-default: every API route must declare `config.permission` (checked when it is registered), and
 * each request is checked against it before validation or the handler runs.
 */
export function installAccessControl(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const config = route.config as { permission?: string } | undefined;
    // Static web assets are public by nature; every API route must say who may call it.
    const open = !route.url.startsWith('/api') || route.url.startsWith('/api/docs') || route.method === 'HEAD';
    if (!open && !config?.permission) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission (config.permission)`);
    }
  });
  app.addHook('onRequest', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission) return; // 404 handler, static docs assets
    assertCan(req.actor, permission);
    req.accessChecked = true;
  });
}
