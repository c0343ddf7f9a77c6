import type { Tx } from '../../db/connection.ts';
import type { Platform } from '../../platform.ts';
import type { CitizenRequestContext } from '../citizen/context.ts';
import * as citizens from '../citizen/repo.ts';
import * as repo from './repo.ts';

/** What the provider vouched for, reduced to what sign-in needs. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  acr: string | null;
  /** The minimum kept on the identity: email, email_verified, acr, amr, auth_time. */
  claims: Record<string, unknown>;
}

/** The assurance label of an identity: 'oidc', or 'oidc:{acr}' when the provider named its level. */
export const assuranceOf = (acr: string | null) => (acr ? `oidc:${acr}` : 'oidc');

/** Why a verified identity still may not sign in. */
export class IdentityRefused extends Error {
  constructor(readonly reason: 'disabled', readonly citizenId: string) {
    super(reason);
  }
}

/**
 * Finds the citizen of an external identity, or links it to the account with the same email when the
 * provider says the email is verified, or creates an account. Linking to an account whose email was never
 * verified drops that account's password: whoever set it had not proven the mailbox.
 */
export async function findOrCreateCitizen(tx: Tx, platform: Platform, ctx: CitizenRequestContext, id: VerifiedIdentity): Promise<string> {
  const tenantId = ctx.tenant.id;
  const assurance = assuranceOf(id.acr);
  const known = await repo.findIdentityCitizen(tx, id.issuer, id.subject);
  if (known) {
    const citizen = await citizens.findCitizenById(tx, known);
    if (!citizen || citizen.disabled) throw new IdentityRefused('disabled', known);
    await repo.touchIdentity(tx, { issuer: id.issuer, subject: id.subject, claims: id.claims, assurance, acr: id.acr });
    return known;
  }
  const audit = (action: string, citizenId: string, details: Record<string, unknown>) => platform.audit.record(tx, {
    tenantId, actor: { kind: 'citizen', id: citizenId }, action, targetType: 'citizen', targetId: citizenId, personalData: true, ip: ctx.ip,
    details: { issuer: id.issuer, assurance, ...details },
  });
  const sameEmail = id.email && id.emailVerified ? await citizens.findCitizenByEmail(tx, id.email, true) : null;
  if (sameEmail) {
    if (sameEmail.disabled) throw new IdentityRefused('disabled', sameEmail.id);
    if (!sameEmail.email_verified_at) {
      await citizens.setCitizenPassword(tx, sameEmail.id, null);
      await citizens.markEmailVerified(tx, sameEmail.id);
    }
    await repo.insertIdentity(tx, { tenantId, citizenId: sameEmail.id, issuer: id.issuer, subject: id.subject, claims: id.claims, assurance, acr: id.acr });
    await audit('citizen.identity.link', sameEmail.id, { by: 'verified_email', passwordDropped: !sameEmail.email_verified_at && Boolean(sameEmail.password_hash) });
    return sameEmail.id;
  }
  // An unverified email is not kept on the account: it could belong to someone else here.
  const created = await citizens.insertCitizen(tx, {
    tenantId,
    email: id.emailVerified ? id.email : null,
    emailVerified: Boolean(id.email && id.emailVerified),
    passwordHash: null,
    displayName: (id.name ?? '').slice(0, 100),
    preferredLang: ctx.lang,
  });
  await repo.insertIdentity(tx, { tenantId, citizenId: created.id, issuer: id.issuer, subject: id.subject, claims: id.claims, assurance, acr: id.acr });
  await audit('citizen.register', created.id, { method: 'oidc' });
  return created.id;
}
