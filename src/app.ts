import AjvCompiler from '@fastify/ajv-compiler';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { publicCache } from './core/http/public-cache.ts';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './core/db/connection.ts';
import { migrate } from './core/db/migrate.ts';
import { withTenant } from './core/db/tenant-tx.ts';
import { validateManifests, type Manifest } from './core/modules/manifest.ts';
import { modules as registeredModules } from './modules/index.ts';
import type { Platform } from './core/platform.ts';
import { TenantRegistry } from './core/tenancy/registry.ts';
import { installTenancy } from './core/tenancy/hooks.ts';
import { installErrorHandlers } from './core/http/error-handler.ts';
import { installSecurity } from './core/http/security.ts';
import { installOpenApi } from './core/http/openapi.ts';
import { installHealth, tryServeLiveness } from './core/http/health.ts';
import { installWeb } from './core/http/web.ts';
import { installAccessControl, type RouteRecord } from './core/http/access-hook.ts';
import { pickLang } from './core/i18n/index.ts';
import { createAuditService } from './core/audit/service.ts';
import { createNotifyService } from './core/notify/service.ts';
import { createFileService } from './core/files/service.ts';
import { createEventService } from './core/jobs/events.ts';
import { installAuth } from './core/auth/plugin.ts';
import { coreRoutes } from './core/routes.ts';
import { platformRoutes } from './core/platform-routes.ts';
import { JobRunner } from './core/jobs/runner.ts';
import { resolveSecret } from './core/secrets.ts';
import './core/http/types.ts';

/** Options for building an app: tests pass their own database, config and module list. */
export interface BuildOptions {
  config?: Partial<Config>;
  db?: Database;
  modules?: Manifest[];
  /** Apply migrations on boot (default true). */
  migrate?: boolean;
}

/** The running app: Fastify instance, the platform services and the background jobs. */
export interface Yakuba {
  app: FastifyInstance;
  platform: Platform;
  tenants: TenantRegistry;
  jobs: JobRunner;
  /** Every route registered, with its declared permission. */
  routeTable: RouteRecord[];
  close(): Promise<void>;
}

/** Builds the whole platform: database, migrations, core services, module routes and the web app. */
export async function buildApp(options: BuildOptions = {}): Promise<Yakuba> {
  const config = loadConfig(process.env, options.config ?? {});
  const manifests = options.modules ?? registeredModules;
  validateManifests(manifests);
  const db = options.db ?? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  if (options.migrate !== false) {
    await migrate(db, manifests.filter((m) => m.migrations).map((m) => ({ owner: m.id, dir: m.migrations! })));
  }
  config.secretKey = await resolveSecret(db, config.secretKey);

  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{8,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID()),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    rewriteUrl: (req) => installTenancy.rewrite(req),
    // Hot public reads already built are answered here, before routing (src/core/http/fast-path.ts).
    serverFactory: (handler) => createServer((req, res) => {
      if (!tryServeLiveness(req, res) && !publicCache.fastPath.tryServe(req, res)) handler(req, res);
    }),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Query strings and path params arrive as text and are coerced to their schema's types; JSON bodies
  // are not: coercion would turn an explicit null into 0 or "" in a `number | null` field.
  const buildValidator = AjvCompiler();
  const ajvOptions = { removeAdditional: false, useDefaults: true, allErrors: false } as const;
  const coercing = buildValidator({}, { customOptions: { ...ajvOptions, coerceTypes: 'array' } });
  const exact = buildValidator({}, { customOptions: { ...ajvOptions, coerceTypes: false } });
  app.setValidatorCompiler((route) => (route.httpPart === 'body' ? exact : coercing)(route));

  const platform: Platform = {
    config,
    db,
    log: app.log,
    modules: manifests,
    audit: createAuditService({ chains: config.auditChains }),
    notify: undefined as unknown as Platform['notify'],
    files: undefined as unknown as Platform['files'],
    events: createEventService(),
    inTenant: (tenantId, fn) => withTenant(db, tenantId, fn),
  };
  platform.notify = await createNotifyService(platform);
  platform.files = createFileService(platform);

  const tenants = new TenantRegistry(db, config.tenantHosts);
  await tenants.reload();

  app.decorateRequest('tenant', null);
  app.decorateRequest('tenantSlug', null);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('lang', 'ja');
  app.decorateRequest('accessChecked', false);
  app.addHook('onRequest', (req, reply, done) => {
    req.lang = pickLang({
      query: (req.query as Record<string, string> | undefined)?.lang,
      cookie: req.cookies?.lang,
      acceptLanguage: req.headers['accept-language'],
    });
    reply.header('x-request-id', req.id);
    done();
  });

  installErrorHandlers(app);
  await app.register(cookie, { secret: config.secretKey });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 10, fields: 100 } });
  await installSecurity(app, config);
  await installOpenApi(app);
  installTenancy.hooks(app, tenants);
  await installAuth(app, platform);
  const routeTable = installAccessControl(app);
  installHealth(app, platform);

  await app.register(coreRoutes, { prefix: '/api', platform, tenants });
  await app.register(platformRoutes, { prefix: '/api', platform });
  for (const m of manifests) {
    if (m.routes) await app.register(m.routes, { prefix: `/api/${m.id}`, platform });
    if (m.adminRoutes) await app.register(m.adminRoutes, { prefix: `/api/admin/${m.id}`, platform });
    for (const mount of m.mounts ?? []) await app.register(mount.routes, { prefix: mount.prefix, platform });
  }
  await installWeb(app, platform);

  const jobs = new JobRunner(platform);
  return {
    app,
    platform,
    tenants,
    jobs,
    routeTable,
    close: async () => {
      await jobs.stop();
      await app.close();
      if (!options.db) await db.close();
    },
  };
}
