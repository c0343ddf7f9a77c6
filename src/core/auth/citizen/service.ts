import type { Platform } from '../../platform.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { assertStrongPassword, hashPassword } from '../passwords.ts';
import { revokeAllSessions } from '../sessions.ts';
import { normaliseEmail, type CitizenRequestContext } from './context.ts';
import { mailLang, sendCitizenEmail } from './emails.ts';
import { presentCitizen, type CitizenProfile } from './presenter.ts';
import * as repo from './repo.ts';
import { consumeEmailToken, issueEmailToken } from './tokens.ts';

const tokenInvalid = () => new AppError(400, 'token_invalid', 'error.token_invalid', {}, 'token');

/** Languages a citizen may prefer: the portal's, including やさしい日本語. */
export const CITIZEN_LANGS = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt'] as const;

/**
 * Registers a citizen and mails a verification link. Answers the same whether or not the email is
 * taken (no account enumeration): a taken, verified address gets a "you already have an account" mail.
 */
export async function registerCitizen(platform: Platform, ctx: CitizenRequestContext, input: {
  email: string; password: string; displayName: string; lang?: string;
}): Promise<void> {
  const email = normaliseEmail(input.email);
  assertStrongPassword(input.password);
  const displayName = input.displayName.trim();
  const preferredLang = input.lang ?? ctx.lang;
  const passwordHash = await hashPassword(input.password);
  const { tenant } = ctx;
  await platform.inTenant(tenant.id, async (tx) => {
    const existing = await repo.findCitizenByEmail(tx, email, true);
    // Nobody has proven an unverified, unlinked account: a new registration takes it over.
    const claimable = existing && !existing.email_verified_at && !existing.disabled && !(await repo.hasIdentities(tx, existing.id));
    if (existing && !claimable) {
      if (!existing.disabled) {
        await sendCitizenEmail(tx, platform, { tenant, to: email, kind: 'exists', lang: mailLang(existing.preferred_lang), displayName: existing.display_name });
      }
      await platform.audit.record(tx, {
        tenantId: tenant.id, actor: { kind: 'anonymous', id: null }, action: 'citizen.register_existing',
        targetType: 'citizen', targetId: existing.id, personalData: true, ip: ctx.ip,
      });
      return;
    }
    let id: string;
    if (existing) {
      await repo.resetUnverifiedCitizen(tx, existing.id, { passwordHash, displayName, preferredLang });
      id = existing.id;
    } else {
      id = (await repo.insertCitizen(tx, { tenantId: tenant.id, email, emailVerified: false, passwordHash, displayName, preferredLang })).id;
    }
    const token = await issueEmailToken(tx, tenant.id, id, 'verify');
    await sendCitizenEmail(tx, platform, { tenant, to: email, kind: 'verify', lang: mailLang(preferredLang), displayName, token });
    await platform.audit.record(tx, {
      tenantId: tenant.id, actor: { kind: 'anonymous', id: null }, action: 'citizen.register',
      targetType: 'citizen', targetId: id, personalData: true, ip: ctx.ip,
    });
  });
}

/** Marks the email of the token's citizen verified; the token works once, within 24 hours. */
export async function verifyEmail(platform: Platform, ctx: CitizenRequestContext, token: string): Promise<void> {
  await platform.inTenant(ctx.tenant.id, async (tx) => {
    const citizenId = await consumeEmailToken(tx, token, 'verify');
    if (!citizenId) throw tokenInvalid();
    await repo.markEmailVerified(tx, citizenId);
    await platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: { kind: 'citizen', id: citizenId }, action: 'citizen.email_verify',
      targetType: 'citizen', targetId: citizenId, personalData: true, ip: ctx.ip,
    });
  });
}

/** Mails a password-reset link when the address belongs to an active account; silent otherwise. */
export async function requestPasswordReset(platform: Platform, ctx: CitizenRequestContext, rawEmail: string): Promise<void> {
  const email = normaliseEmail(rawEmail);
  await platform.inTenant(ctx.tenant.id, async (tx) => {
    const citizen = await repo.findCitizenByEmail(tx, email);
    if (!citizen || citizen.disabled) return;
    const token = await issueEmailToken(tx, ctx.tenant.id, citizen.id, 'reset');
    await sendCitizenEmail(tx, platform, {
      tenant: ctx.tenant, to: email, kind: 'reset', lang: mailLang(citizen.preferred_lang), displayName: citizen.display_name, token,
    });
    await platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: { kind: 'anonymous', id: null }, action: 'citizen.password_reset_request',
      targetType: 'citizen', targetId: citizen.id, personalData: true, ip: ctx.ip,
    });
  });
}

/**
 * Sets a new password from a reset link. Opening the link proves the mailbox, so the email counts as
 * verified; every existing session of the account is signed out.
 */
export async function confirmPasswordReset(platform: Platform, ctx: CitizenRequestContext, token: string, password: string): Promise<void> {
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  await platform.inTenant(ctx.tenant.id, async (tx) => {
    const citizenId = await consumeEmailToken(tx, token, 'reset');
    if (!citizenId) throw tokenInvalid();
    const citizen = await repo.findCitizenById(tx, citizenId);
    if (!citizen || citizen.disabled) throw tokenInvalid();
    await repo.setCitizenPassword(tx, citizenId, passwordHash);
    await repo.markEmailVerified(tx, citizenId);
    const revoked = await revokeAllSessions(tx, 'citizen', citizenId);
    await platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: { kind: 'citizen', id: citizenId }, action: 'citizen.password_reset',
      targetType: 'citizen', targetId: citizenId, personalData: true, ip: ctx.ip, details: { sessionsRevoked: revoked },
    });
  });
}

/** The signed-in citizen's own profile; the read of personal data is audited. */
export async function getOwnProfile(platform: Platform, ctx: CitizenRequestContext, citizenId: string): Promise<CitizenProfile> {
  return platform.inTenant(ctx.tenant.id, async (tx) => {
    const citizen = await repo.findCitizenById(tx, citizenId);
    if (!citizen || citizen.disabled) throw notFound();
    await platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: { kind: 'citizen', id: citizenId }, action: 'citizen.profile.read',
      targetType: 'citizen', targetId: citizenId, personalData: true, ip: ctx.ip,
    });
    return presentCitizen(citizen, await repo.listIdentities(tx, citizenId));
  });
}

/** Changes the signed-in citizen's display name and preferred language; audited with the fields changed. */
export async function updateOwnProfile(platform: Platform, ctx: CitizenRequestContext, citizenId: string, patch: {
  displayName?: string; preferredLang?: string;
}): Promise<CitizenProfile> {
  const clean = { displayName: patch.displayName?.trim(), preferredLang: patch.preferredLang };
  return platform.inTenant(ctx.tenant.id, async (tx) => {
    const citizen = await repo.findCitizenById(tx, citizenId);
    if (!citizen || citizen.disabled) throw notFound();
    await repo.updateCitizenProfile(tx, citizenId, clean);
    await platform.audit.record(tx, {
      tenantId: ctx.tenant.id, actor: { kind: 'citizen', id: citizenId }, action: 'citizen.profile.update',
      targetType: 'citizen', targetId: citizenId, personalData: true, ip: ctx.ip,
      details: { fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined) },
    });
    const updated = (await repo.findCitizenById(tx, citizenId))!;
    return presentCitizen(updated, await repo.listIdentities(tx, citizenId));
  });
}
