import type { NotifyService, Platform } from '../platform.ts';

// STUB — replaced by the notifications work (durable outbox, SMTP, web push).
export async function createNotifyService(_platform: Platform): Promise<NotifyService> {
  return { email: async () => 'stub', push: async () => 'stub', vapidPublicKey: () => '' };
}
