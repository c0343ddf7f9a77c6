import type { FastifyInstance } from 'fastify';
import { assertCan } from '../auth/access.ts';

/** A registered route and the permission it declared, for the route-walk test and the API docs. */
export interface RouteRecord {
  method: string;
  url: string;
  permission?: string;
}

/**
 * Deny-by-default: every API route must declare `config.permission` (checked when it is registered), and
 * each request is checked against it before validation or the handler runs.
 */
export function installAccessControl(app: FastifyInstance): RouteRecord[] {
  const table: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const config = route.config as { permission?: string } | undefined;
    for (const method of [route.method].flat()) table.push({ method: String(method), url: route.url, permission: config?.permission });
    // Static web assets are public by nature; every API route must say who may call it.
    const open = !route.url.startsWith('/api') || route.url.startsWith('/api/docs') || route.method === 'HEAD';
    if (!open && !config?.permission) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission (config.permission)`);
    }
  });
  app.addHook('onRequest', (req, _reply, done) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission) return done(); // 404 handler, static docs assets
    try {
      assertCan(req.actor, permission);
    } catch (err) {
      return done(err as Error);
    }
    req.accessChecked = true;
    done();
  });
  return table;
}
