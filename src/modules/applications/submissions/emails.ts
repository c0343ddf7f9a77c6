import type { Tx } from '../../../core/db/connection.ts';
import type { EmailMessage, Platform, Tenant } from '../../../core/platform.ts';
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { formatReceiptNumber } from './receipt.ts';
import type { SubmissionStatus } from './repo.ts';
import { DRAFT_TTL_DAYS } from './drafts-repo.ts';

/**
 * Emails to applicants (and to the assigned staff member on a correction). They carry the receipt
 * number, the status in words, the staff's message and a link to the status page — never answers.
 */

/** The language of a submission's mail: English for 'en', Japanese otherwise (やさしい日本語 reads Japanese mail). */
export function mailLang(lang: string): Lang {
  return lang === 'en' ? 'en' : 'ja';
}

/** The status in words, in a language. */
export function statusLabel(lang: Lang, status: SubmissionStatus): string {
  return t(lang, `applications.submission.status.${status}` as MessageKey);
}

/** The citizen's status page (受付番号 and email are entered there), with the number filled in. */
export function statusLink(platform: Platform, tenant: Tenant, receiptNumber: string): string {
  return `${platform.config.baseUrl}/t/${encodeURIComponent(tenant.slug)}/applications/status?receipt=${formatReceiptNumber(receiptNumber)}`;
}

/** A date and time in JST as people read it: `2025-04-01 09:30`. */
export function jstDateTime(d: Date): string {
  return new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What every applicant email is about. */
export interface MailSubject {
  tenant: Tenant;
  to: string | null;
  lang: string;
  receiptNumber: string;
  procedureTitle: string;
}

type Kind = 'received' | 'status' | 'correction' | 'message' | 'corrected';

function build(platform: Platform, m: MailSubject & { to: string }, kind: Kind, extra: { status?: SubmissionStatus; message?: string | null; at?: Date } = {}): EmailMessage {
  const lang = mailLang(m.lang);
  const params = {
    city: lang === 'en' ? m.tenant.nameEn : m.tenant.nameJa,
    receipt: formatReceiptNumber(m.receiptNumber),
    procedure: m.procedureTitle,
    status: extra.status ? statusLabel(lang, extra.status) : '',
    at: extra.at ? `${jstDateTime(extra.at)} (JST)` : '',
    link: statusLink(platform, m.tenant, m.receiptNumber),
  };
  const parts = [t(lang, `applications.email.${kind}.body`, params)];
  if (extra.message) parts.push(`${t(lang, 'applications.email.staff_message_label')}\n${extra.message}`);
  parts.push(t(lang, 'applications.email.footer', params));
  return { tenantId: m.tenant.id, to: m.to, subject: t(lang, `applications.email.${kind}.subject`, params), text: parts.join('\n\n') };
}

async function send(tx: Tx, platform: Platform, m: MailSubject, kind: Kind, extra: { status?: SubmissionStatus; message?: string | null; at?: Date } = {}): Promise<void> {
  if (m.to) await platform.notify.email(tx, build(platform, { ...m, to: m.to }, kind, extra));
}

/** The receipt mail of a new submission as a message (for a batch sent with notify.emailMany); null without an address. */
export const receivedMessage = (platform: Platform, m: MailSubject, at: Date): EmailMessage | null => (m.to ? build(platform, { ...m, to: m.to }, 'received', { at }) : null);

/** The receipt: procedure title, receipt number, when, and how to check the status. */
export const sendReceived = (tx: Tx, platform: Platform, m: MailSubject, at: Date) => send(tx, platform, m, 'received', { at });

/** A status change, with the staff's message; a correction request gets its own subject. */
export function sendStatusChanged(tx: Tx, platform: Platform, m: MailSubject, status: SubmissionStatus, message: string | null): Promise<void> {
  return send(tx, platform, m, status === 'correction_requested' ? 'correction' : 'status', { status, message });
}

/** A message from staff. */
export const sendStaffMessage = (tx: Tx, platform: Platform, m: MailSubject, message: string) => send(tx, platform, m, 'message', { message });

/** The acknowledgement of a correction the applicant sent. */
export const sendCorrected = (tx: Tx, platform: Platform, m: MailSubject) => send(tx, platform, m, 'corrected');

/** Tells the assigned staff member that the applicant sent a correction (no answers, a console link). */
export async function sendStaffCorrected(tx: Tx, platform: Platform, tenant: Tenant, to: string, s: { id: string; receiptNumber: string; procedureTitle: string }): Promise<void> {
  const params = {
    receipt: formatReceiptNumber(s.receiptNumber), procedure: s.procedureTitle,
    link: `${platform.config.baseUrl}/t/${encodeURIComponent(tenant.slug)}/admin/applications/submissions/${s.id}`,
  };
  await platform.notify.email(tx, { tenantId: tenant.id, to, subject: t('ja', 'applications.email.staff_corrected.subject', params), text: t('ja', 'applications.email.staff_corrected.body', params) });
}

/** Mails the link that resumes an anonymous draft. */
export async function sendDraftLink(tx: Tx, platform: Platform, tenant: Tenant, input: { to: string; lang: string; procedureId: string; procedureTitle: string; token: string }): Promise<void> {
  const lang = mailLang(input.lang);
  const params = {
    city: lang === 'en' ? tenant.nameEn : tenant.nameJa, procedure: input.procedureTitle, days: DRAFT_TTL_DAYS,
    link: `${platform.config.baseUrl}/t/${encodeURIComponent(tenant.slug)}/applications/${input.procedureId}/apply?draft=${encodeURIComponent(input.token)}`,
  };
  await platform.notify.email(tx, { tenantId: tenant.id, to: input.to, subject: t(lang, 'applications.email.draft.subject', params), text: t(lang, 'applications.email.draft.body', params) });
}
