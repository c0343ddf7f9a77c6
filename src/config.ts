import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Settings of one running installation, read from the environment (see README's configuration table). */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string;
  secretKey: string;
  secretKeyGenerated: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  redisUrl: string | undefined;
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
  /** host name → tenant slug, from TENANT_HOSTS="city.example.jp=tokushima,other.jp=matsusaka" */
  tenantHosts: Map<string, string>;
  logLevel: string;
  /** cookies carry Secure unless COOKIE_SECURE=false (only for plain-http test rigs that are not localhost) */
  cookieSecure: boolean;
  jobsEnabled: boolean;
  jobIntervalMs: number;
  maxUploadBytes: number;
  rateLimitPerMinute: number;
  /** When set, /metrics asks for `Authorization: Bearer <token>` (METRICS_TOKEN). */
  metricsToken: string | undefined;
  /** Connections in the PostgreSQL pool of one process (DATABASE_POOL_SIZE, default 20). */
  databasePoolSize: number;
  /**
   * Hash chains per tenant in the audit log (AUDIT_CHAINS): writers of one tenant queue on one chain's
   * lock until commit, so several chains let audited writes run side by side. 1 under tests, so
   * their entries number 1, 2, 3 …; 8 otherwise.
   */
  auditChains: number;
  env: 'production' | 'development' | 'test';
}

function parseHosts(raw: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (raw ?? '').split(',')) {
    const [host, slug] = pair.split('=').map((s) => s.trim());
    if (host && slug) map.set(host.toLowerCase(), slug);
  }
  return map;
}

/** Builds the configuration from environment variables, with overrides for tests. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 3000);
  const s3 = env.S3_ENDPOINT && env.S3_BUCKET
    ? {
        endpoint: env.S3_ENDPOINT,
        bucket: env.S3_BUCKET,
        region: env.S3_REGION ?? 'ap-northeast-1',
        accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
      }
    : undefined;
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' || env.VITEST ? 'test' : 'development';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    port,
    host: env.HOST ?? '0.0.0.0',
    baseUrl: (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    secretKey: env.SECRET_KEY ?? '',
    secretKeyGenerated: !env.SECRET_KEY,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Yakuba <no-reply@yakuba.localhost>',
    redisUrl: env.REDIS_URL || undefined,
    s3,
    tenantHosts: parseHosts(env.TENANT_HOSTS),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    cookieSecure: env.COOKIE_SECURE !== 'false',
    jobsEnabled: env.JOBS !== 'off',
    jobIntervalMs: Number(env.JOB_INTERVAL_MS ?? 2000),
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 600),
    metricsToken: env.METRICS_TOKEN || undefined,
    databasePoolSize: Math.max(1, Number(env.DATABASE_POOL_SIZE ?? 20) || 20),
    auditChains: Math.min(64, Math.max(1, Number(env.AUDIT_CHAINS ?? (nodeEnv === 'test' ? 1 : 8)) || 1)),
    env: nodeEnv,
    ...overrides,
  };
}

/** A random secret for runs without SECRET_KEY; sessions do not survive a restart then, which start-up says. */
export function ephemeralSecret(): string {
  return randomBytes(32).toString('hex');
}
