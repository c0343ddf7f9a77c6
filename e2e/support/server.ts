import { sql } from 'drizzle-orm';
import type { Yakuba } from '../../src/app.ts';
import type { Database } from '../../src/core/db/connection.ts';
import { testApp } from '../../src/test/app.ts';
import { createStaffUser, createTenant } from '../../src/core/seed/demo.ts';
import { updateContact } from '../../src/core/tenancy/profile.ts';
import { systemActor } from '../../src/core/auth/access.ts';
import { publicCache } from '../../src/core/http/public-cache.ts';

/** A running server for one test file: the platform, its database and the origin to open in the browser. */
export interface E2eServer {
  yakuba: Yakuba & { db: Database };
  /** `http://localhost:<port>` — localhost, not 127.0.0.1, so the browser keeps Secure cookies. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts the real app (buildApp on a fresh PGlite, or a fresh PostgreSQL database when DATABASE_URL
 * is set) on a random port. Background jobs stay off, so emails wait in the outbox for the test.
 */
export async function startServer(config: { smtpUrl?: string } = {}): Promise<E2eServer> {
  const yakuba = await testApp({ config: { rateLimitPerMinute: 10_000, ...config } });
  await yakuba.app.listen({ port: 0, host: '127.0.0.1' });
  const address = yakuba.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://localhost:${port}`;
  // Links in emails point at this server.
  yakuba.platform.config.baseUrl = origin;
  return { yakuba, origin, close: () => yakuba.close() };
}

/** A tenant (municipality) for a test; the registry is reloaded so requests find it at once. */
export async function addTenant(server: E2eServer, t: { slug: string; nameJa: string; nameEn: string; lgCode: string }): Promise<{ id: string; slug: string }> {
  const tenant = await createTenant(server.yakuba.platform, t);
  await server.yakuba.tenants.reload();
  return tenant;
}

/** The counter phone and hours a tenant shows citizens who do not use the internet. */
export async function setContact(server: E2eServer, tenantId: string, c: { phone: string | null; hoursJa?: string; hoursEn?: string }): Promise<void> {
  await updateContact(server.yakuba.platform, tenantId, systemActor(tenantId), c);
  await server.yakuba.tenants.reload();
  publicCache.invalidate(tenantId, '/portal');
}

/** A staff account; tenant administrators must enrol 2FA at their first sign-in. */
export async function addStaff(server: E2eServer, tenantId: string, u: { email: string; displayName: string; password: string; isTenantAdmin?: boolean; roleIds?: string[]; departmentIds?: string[] }): Promise<string> {
  const { id } = await server.yakuba.platform.inTenant(tenantId, (tx) => createStaffUser(tx, { tenantId, ...u }));
  return id;
}

/** A role with permissions, created directly in the database. */
export async function addRole(server: E2eServer, tenantId: string, name: string, permissions: string[]): Promise<string> {
  return server.yakuba.platform.inTenant(tenantId, async (tx) => {
    const { createRole } = await import('../../src/core/seed/tenants.ts');
    return createRole(tx, tenantId, name, '', permissions);
  });
}

/** The newest email in the outbox sent to an address (read as the table owner, as an operator would). */
export async function lastEmailTo(server: E2eServer, to: string): Promise<{ subject: string; text: string } | null> {
  const rows = await server.yakuba.db.rows<{ payload: { subject: string; text: string; to: string } }>(
    sql`select payload from outbox where channel = 'email' and payload->>'to' = ${to} order by created_at desc limit 1`);
  return rows[0] ? { subject: rows[0].payload.subject, text: rows[0].payload.text } : null;
}

/** The first URL in a text that points at this server. */
export function linkIn(text: string, origin: string): string {
  const m = new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s>)"]+`).exec(text);
  if (!m) throw new Error(`no link to ${origin} in: ${text}`);
  return m[0];
}
