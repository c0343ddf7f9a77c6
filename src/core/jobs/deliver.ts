import type { Platform } from '../platform.ts';
import type { OutboxRow } from '../notify/outbox-repo.ts';
import { EmailSender, type EmailPayload } from '../notify/email.ts';
import { PushSender, type PushPayload } from '../notify/push.ts';
import { PartialDelivery } from '../notify/partial.ts';

/** Sends each kind of outbox message: email, web push, and events to modules' handlers. */
export class Deliverer {
  private email: EmailSender;
  private push: PushSender;

  constructor(private platform: Platform) {
    this.email = new EmailSender(platform.config);
    this.push = new PushSender(platform.db, platform.config);
  }

  /** Delivers one claimed message and says how it went out; throws when it did not. */
  async deliver(row: OutboxRow): Promise<string> {
    switch (row.channel) {
      case 'email': return this.email.send(row.payload as unknown as EmailPayload, row.id);
      case 'push': return this.push.send(row.tenant_id, row.payload as unknown as PushPayload);
      case 'event': return this.event(row);
    }
  }

  /**
   * Runs every module's handler of the event, each in its own tenant transaction; handlers that already
   * succeeded on an earlier attempt are not run again.
   */
  private async event(row: OutboxRow): Promise<string> {
    const { name, data, done = [] } = row.payload as { name: string; data: Record<string, unknown>; done?: string[] };
    const reached = new Set(done);
    const errors: string[] = [];
    for (const m of this.platform.modules) {
      const handler = m.events?.[name];
      if (!handler || reached.has(m.id)) continue;
      try {
        await this.platform.inTenant(row.tenant_id, (tx) => handler({ tx, tenantId: row.tenant_id, platform: this.platform }, data));
        reached.add(m.id);
      } catch (err) {
        errors.push(`${m.id}: ${(err as Error).message}`);
      }
    }
    if (errors.length) throw new PartialDelivery(errors.join('; '), [...reached]);
    return 'handlers';
  }

  /** Releases SMTP connections. */
  close(): void {
    this.email.close();
  }
}
