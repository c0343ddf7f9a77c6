import type { EmailMessage, NotifyService, Platform, PushMessage } from '../platform.ts';
import { invalid } from '../http/errors.ts';
import { enqueue, enqueueMany } from './outbox-repo.ts';
import { loadVapidKeys } from './vapid.ts';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const AUDIENCE = /^(citizen|staff|topic):[A-Za-z0-9_.:-]{1,100}$/;

/** Queues email and web push in the durable outbox; the job runner sends them. */
export async function createNotifyService(platform: Platform): Promise<NotifyService> {
  // Loaded once at start so the public key is a synchronous getter for the subscribe page.
  const vapid = await loadVapidKeys(platform.db);
  return {
    async email(tx, message: EmailMessage) {
      if (!EMAIL.test(message.to)) throw invalid('to', message.to);
      const { tenantId, ...payload } = message;
      return enqueue(tx, tenantId, 'email', payload);
    },
    async emailMany(tx, messages: EmailMessage[]) {
      for (const m of messages) if (!EMAIL.test(m.to)) throw invalid('to', m.to);
      return enqueueMany(tx, messages.map(({ tenantId, ...payload }) => ({ tenantId, channel: 'email' as const, payload })));
    },
    async push(tx, message: PushMessage) {
      if (!AUDIENCE.test(message.audience)) throw invalid('audience', message.audience);
      const { tenantId, ...payload } = message;
      return enqueue(tx, tenantId, 'push', payload);
    },
    vapidPublicKey: () => vapid.publicKey,
  };
}
