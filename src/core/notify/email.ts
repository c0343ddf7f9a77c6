import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Config } from '../../config.ts';

/** An email as queued in the outbox (the tenant is on the row). */
export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** Sends queued email: over SMTP when SMTP_URL is set, otherwise into the local outbox that admins read. */
export class EmailSender {
  private transport: Transporter | null;

  constructor(private config: Pick<Config, 'smtpUrl' | 'mailFrom'>) {
    // Timeouts well inside the runner's claim lease, so a hung server cannot outlast the claim and let
    // another process send the same message.
    const options: SMTPTransport.Options & { url?: string } = { url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
    this.transport = config.smtpUrl ? nodemailer.createTransport(options) : null;
  }

  /** Delivers one message and says how: 'smtp' or 'outbox' (kept for administrators to read). */
  async send(payload: EmailPayload, messageId: string): Promise<'smtp' | 'outbox'> {
    if (!this.transport) return 'outbox';
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
      html: payload.html,
      // The outbox id as Message-ID lets receivers (and the tests) spot a duplicate.
      messageId: `<${messageId}@yakuba.outbox>`,
      attachments: payload.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
    });
    return 'smtp';
  }

  /** Closes SMTP connections. */
  close(): void {
    this.transport?.close();
  }
}
