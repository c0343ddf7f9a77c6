import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.ts';
import { createTenant } from '../seed/tenants.ts';
import { createStaffUser, type NewStaffUser } from '../admin/users/create.ts';
import { currentTotp } from './totp.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A browser stand-in for API tests: keeps cookies between requests and echoes the CSRF token in
 * `x-csrf-token`, as the web app does after calling /auth/me.
 */
export class TestClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(private app: FastifyInstance, public prefix = '/t/tokushima') {}

  /** Sends a request; `csrf: false` leaves the header out, a string sends that instead. */
  async send(method: Method, url: string, body?: unknown, opts: { csrf?: false | string } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    const res = await this.app.inject({ method, url: `${this.prefix}${url}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (!c.value || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = res.headers['content-type']?.toString().includes('json') && res.body ? res.json() : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return Object.assign(res, { data: json });
  }

  /** GET /auth/me (sets the CSRF cookie) and returns the actor. */
  async me() {
    return (await this.send('GET', '/api/auth/me')).data.actor;
  }

  /** Signs in after fetching a CSRF token. */
  async login(email: string, password: string, totp?: string) {
    if (!this.csrf) await this.me();
    return this.send('POST', '/api/auth/login', { email, password, ...(totp ? { totp } : {}) });
  }
}

/** Two tenants (tokushima, matsusaka) for auth tests. */
export async function twoTenants(platform: Platform) {
  const tokushima = await createTenant(platform, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima City', lgCode: '362018' });
  const matsusaka = await createTenant(platform, { slug: 'matsusaka', nameJa: '松阪市', nameEn: 'Matsusaka City', lgCode: '242047' });
  return { tokushima, matsusaka };
}

/** Creates a staff account inside a tenant transaction. */
export function staffUser(platform: Platform, input: NewStaffUser) {
  return platform.inTenant(input.tenantId, (tx) => createStaffUser(tx, input));
}

/**
 * A tenant administrator (TOTP enrolled) and a staff member without permissions, both signed in:
 * the usual pair of callers for admin API tests.
 */
export async function signedInAdminAndStaff(y: { app: FastifyInstance; platform: Platform }, tenantId: string, password: string, domain = 'tokushima.example.jp') {
  await staffUser(y.platform, { tenantId, email: `admin@${domain}`, displayName: '管理者', password, isTenantAdmin: true });
  await staffUser(y.platform, { tenantId, email: `plain@${domain}`, displayName: '一般職員', password });
  const admin = new TestClient(y.app);
  await admin.login(`admin@${domain}`, password);
  const setup = await admin.send('POST', '/api/auth/totp/setup', {});
  await admin.send('POST', '/api/auth/totp/confirm', { code: currentTotp(setup.data.secret) });
  const plain = new TestClient(y.app);
  await plain.login(`plain@${domain}`, password);
  return { admin, plain };
}
