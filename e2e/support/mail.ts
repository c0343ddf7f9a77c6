import { expect } from 'vitest';
import { JobRunner } from '../../src/core/jobs/runner.ts';
import { startTestSmtp } from '../../src/core/notify/smtp-test-server.ts';
import { startServer, type E2eServer } from './server.ts';

/** Subject and plain text of a raw message as nodemailer writes it (encoded words, base64 or quoted-printable). */
export function decode(raw: string): { subject: string; text: string } {
  const qp = (s: string) => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const split = (part: string) => { const i = part.search(/\r?\n\r?\n/); return [part.slice(0, i).replace(/\r?\n[ \t]+/g, ' '), part.slice(i).trim()]; };
  const [head, body] = split(raw);
  const subject = (/^Subject:\s*(.*)$/im.exec(head)?.[1] ?? '').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_, enc: string, data: string) => (enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' '))));
  let [h, b] = [head, body];
  const boundary = /boundary="?([^";\s]+)"?/i.exec(head)?.[1];
  if (boundary) [h, b] = split(body.split(`--${boundary}`).find((p) => /content-type:\s*text\/plain/i.test(p))!.replace(/^\r?\n/, ''));
  const cte = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(h)?.[1]?.toLowerCase();
  const text = cte === 'base64' ? Buffer.from(b.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(b) : b;
  return { subject, text };
}

/** A server whose emails go to a real SMTP server started for the test, and a way to read them. */
export interface MailWorld {
  server: E2eServer;
  smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  runner: JobRunner;
  /** Delivers the outbox through SMTP; the newest message to `to` whose subject matches, decoded, with its raw source. */
  mailTo(to: string, subject: RegExp): Promise<{ subject: string; text: string; raw: string }>;
  close(): Promise<void>;
}

/** Starts SMTP and the app (BASE_URL = its origin, so emailed links open it) with a job runner the test drives. */
export async function startServerWithMail(): Promise<MailWorld> {
  const smtp = await startTestSmtp();
  const server = await startServer({ smtpUrl: smtp.url });
  const runner = new JobRunner(server.yakuba.platform);
  return {
    server, smtp, runner,
    mailTo: async (to, subject) => {
      await runner.runOnce();
      const found = smtp.received.filter((m) => m.to.includes(to)).map((m) => ({ ...decode(m.raw), raw: m.raw })).filter((m) => subject.test(m.subject));
      expect(found.length, `an email to ${to} matching ${subject}`).toBeGreaterThan(0);
      return found[found.length - 1];
    },
    close: async () => {
      await runner.stop();
      await server.close();
      await smtp.close();
    },
  };
}
