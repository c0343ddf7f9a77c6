import type { Tx } from '../../../core/db/connection.ts';
import type { Platform, Tenant } from '../../../core/platform.ts';
import { localized, t, type ContentLang, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { toJstDateString } from '../../../core/ja/dates.ts';
import type { ResourceFull } from '../resources/repo.ts';
import type { BookingRow } from './repo.ts';
import { icsOf } from './ics.ts';

/** Which email a booking gets. */
export type MailKind = 'confirmed' | 'provisional' | 'waitlisted' | 'offer' | 'cancelled' | 'reminder' | 'lottery_won' | 'lottery_lost';

const WITH_ICS = new Set<MailKind>(['confirmed', 'offer', 'lottery_won', 'cancelled']);
const mailLang = (lang: string): Lang => (lang === 'en' ? 'en' : 'ja');
const contentLang = (lang: string): ContentLang => (lang === 'en' || lang === 'ja-easy' ? lang : 'ja');
/** The host that makes event UIDs unique across installations. */
const hostOf = (baseUrl: string) => (URL.canParse(baseUrl) ? new URL(baseUrl).host : '') || 'yakuba.invalid';
const jstTime = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(11, 16);

/** The citizen's page to see, change or cancel a booking (the token is in the path). */
export function manageLink(platform: Platform, tenant: Tenant, token: string | null): string {
  const base = `${platform.config.baseUrl}/t/${encodeURIComponent(tenant.slug)}/reservations`;
  return token ? `${base}/manage/${encodeURIComponent(token)}` : base;
}

/** Title of a booking in its language: resource name and exam name. */
export function bookingTitle(r: ResourceFull, b: Pick<BookingRow, 'exam_type_id' | 'lang'>): string {
  const lang = contentLang(b.lang);
  const name = localized({ ja: r.row.name_ja, en: r.row.name_en, 'ja-easy': r.row.name_easy }, lang);
  const exam = r.examTypes.find((e) => e.id === b.exam_type_id);
  return exam ? `${name}（${localized({ ja: exam.name_ja, en: exam.name_en }, lang)}）` : name;
}

/** Fills the placeholders every booking message uses. */
export function mailParams(tenant: Tenant, r: ResourceFull, b: BookingRow): Record<string, string | number> {
  const lang = mailLang(b.lang);
  return {
    city: lang === 'en' ? tenant.nameEn : tenant.nameJa,
    resource: bookingTitle(r, b),
    date: toJstDateString(b.starts_at),
    time: jstTime(b.starts_at),
    minutes: Math.round((b.ends_at.getTime() - b.starts_at.getTime()) / 60_000),
    venue: localized({ ja: r.row.venue_ja, en: r.row.venue_en }, contentLang(b.lang)) || '-',
    reference: b.reference,
  };
}

/**
 * Queues the email of a booking event through the outbox (same transaction as the change). Booking,
 * offer and lottery mails carry an .ics; bookings without an email address get nothing.
 */
export async function sendBookingMail(tx: Tx, platform: Platform, tenant: Tenant, r: ResourceFull, b: BookingRow, kind: MailKind, opts: { token?: string | null; until?: Date } = {}): Promise<void> {
  if (!b.email) return;
  const lang = mailLang(b.lang);
  const link = manageLink(platform, tenant, opts.token ?? null);
  const params: Record<string, string | number> = { ...mailParams(tenant, r, b), link, until: opts.until ? `${toJstDateString(opts.until)} ${jstTime(opts.until)}` : '' };
  const text = [
    t(lang, `reservations.email.${kind}.body` as MessageKey, params),
    kind === 'lottery_lost' ? '' : t(lang, 'reservations.email.details', params),
    t(lang, 'reservations.email.footer', params),
  ].filter(Boolean).join('\n\n');
  const attachments = WITH_ICS.has(kind) ? [{
    filename: 'reservation.ics', contentType: `text/calendar; charset=utf-8; method=${kind === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`,
    content: Buffer.from(icsOf([{
      uid: b.id, start: b.starts_at, end: b.ends_at, summary: String(params.resource), location: String(params.venue === '-' ? '' : params.venue),
      description: `${t(lang, 'reservations.email.details', params)}\n${link}`, url: link, cancelled: kind === 'cancelled',
    }], { name: String(params.city), method: kind === 'cancelled' ? 'cancel' : 'publish', host: hostOf(platform.config.baseUrl) })).toString('base64'),
  }] : undefined;
  await platform.notify.email(tx, { tenantId: tenant.id, to: b.email, subject: t(lang, `reservations.email.${kind}.subject` as MessageKey, params), text, ...(attachments ? { attachments } : {}) });
}
