import { Type, type Static } from '@sinclair/typebox';
import type { CitizenRow, IdentityRow } from './repo.ts';

/** The citizen's own profile as the API shows it. */
export const CitizenProfile = Type.Object({
  id: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  emailVerified: Type.Boolean(),
  displayName: Type.String(),
  preferredLang: Type.String(),
  hasPassword: Type.Boolean(),
  createdAt: Type.String(),
  identities: Type.Array(Type.Object({
    issuer: Type.String(),
    assurance: Type.String(),
    acr: Type.Union([Type.String(), Type.Null()]),
    linkedAt: Type.String(),
    lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  })),
});
export type CitizenProfile = Static<typeof CitizenProfile>;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Row → profile, whitelisting fields (never the password hash, lockout counters or subjects). */
export function presentCitizen(c: CitizenRow, identities: IdentityRow[]): CitizenProfile {
  return {
    id: c.id,
    email: c.email,
    emailVerified: c.email_verified_at !== null,
    displayName: c.display_name,
    preferredLang: c.preferred_lang,
    hasPassword: c.password_hash !== null,
    createdAt: iso(c.created_at)!,
    identities: identities.map((i) => ({
      issuer: i.issuer, assurance: i.assurance, acr: i.acr, linkedAt: iso(i.linked_at)!, lastLoginAt: iso(i.last_login_at),
    })),
  };
}
