import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD = 30;

function keyOf(secretKey: string): Buffer {
  return createHash('sha256').update(`yakuba:totp:${secretKey}`).digest();
}

/** Seals a TOTP secret with AES-256-GCM under a key derived from SECRET_KEY, for storage. */
export function sealTotpSecret(base32: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

/** Opens a sealed TOTP secret; throws when it was sealed under another key or altered. */
export function openTotpSecret(sealed: string, secretKey: string): string {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !body || !tag) throw new Error('malformed sealed TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

function totpOf(base32: string, label = 'staff', issuer = 'Yakuba'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
}

/** A new random TOTP secret (base32, 160 bits). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URL and a QR code (PNG data URL) an authenticator app scans. */
export async function totpEnrolment(base32: string, label: string, issuer: string): Promise<{ otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = totpOf(base32, label, issuer).toString();
  return { otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
}

/**
 * Checks a 6-digit code within ±1 time step and returns the step it matched, or null. A step not
 * after `lastStep` is refused so an observed code cannot be replayed.
 */
export function verifyTotp(base32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(base32).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code of a secret (tests and the CLI's enrolment helper). */
export function currentTotp(base32: string, now = Date.now()): string {
  return totpOf(base32).generate({ timestamp: now });
}
