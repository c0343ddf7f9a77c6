/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1 for tests, with minimal
 * interactions: GET /interaction/:uid tells the prompt, POST …/login signs an account in (with the
 * acr the test chose), POST …/consent grants what the client asked for. Test code only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account the test provider knows. */
export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** A running test provider. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** The acr the next logins are made with (null: none). */
  acr: string | null;
  close(): Promise<void>;
}

/** The assurance levels the test provider advertises. */
export const TEST_ACRS = ['urn:yakuba:test:basic', 'urn:yakuba:test:mynumber'];

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts a provider on a random port with one confidential client whose redirect URI is `redirectUri`. */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const state: TestProvider = {
    issuer, clientId: 'yakuba-test', clientSecret: 'yakuba-test-secret-0123456789abcdef', accounts, acr: null,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const provider = new Provider(issuer, {
    clients: [{
      client_id: state.clientId, client_secret: state.clientSecret, redirect_uris: [redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: { acr: null, auth_time: null, sid: null, iss: null, openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    acrValues: TEST_ACRS,
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ ...account }) } : undefined;
    },
  });
  const providerCallback = provider.callback();
  handler = (req, res) => {
    const m = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(req.url ?? '');
    if (!m) return providerCallback(req, res);
    void interact(provider, state, req, res, m[2]).catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  };
  return state;
}

async function interact(provider: Provider, state: TestProvider, req: IncomingMessage, res: ServerResponse, step: string | undefined): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' || !step) {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
    return;
  }
  const form = await readForm(req);
  if (step === 'login') {
    const login = form.get('login') ?? '';
    if (!state.accounts.has(login)) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown account' }, { mergeWithLastSubmission: false });
      return;
    }
    const result = { login: { accountId: login, ...(state.acr ? { acr: state.acr } : {}) } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  // consent: grant the scopes and claims the client asked for, as a user pressing "allow" would.
  const { prompt, params, session, grantId } = details;
  const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session!.accountId!, clientId: String(params.client_id) });
  const missingScope = prompt.details.missingOIDCScope as string[] | undefined;
  const missingClaims = prompt.details.missingOIDCClaims as string[] | undefined;
  if (missingScope) grant!.addOIDCScope(missingScope.join(' '));
  if (missingClaims) grant!.addOIDCClaims(missingClaims);
  await provider.interactionFinished(req, res, { consent: { grantId: await grant!.save() } }, { mergeWithLastSubmission: true });
}
