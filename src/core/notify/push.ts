import webpush from 'web-push';
import type { Config } from '../../config.ts';
import type { Database } from '../db/connection.ts';
import { loadVapidKeys, type VapidKeys } from './vapid.ts';
import { forgetEndpoint, subscriptionsOf } from './push-repo.ts';
import { PartialDelivery } from './partial.ts';

/** A push message as queued in the outbox. */
export interface PushPayload {
  audience: string;
  title: string;
  body: string;
  url?: string;
  /** Endpoints already reached by an earlier attempt. */
  done?: string[];
}

/** The VAPID subject: a mailto: of the sender address (web-push refuses http: URLs such as localhost). */
function subjectOf(config: Pick<Config, 'mailFrom' | 'baseUrl'>): string {
  if (config.baseUrl.startsWith('https://')) return config.baseUrl;
  const address = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
  return `mailto:${address.trim()}`;
}

/** Sends queued web push to every subscription of the audience; dead endpoints are forgotten. */
export class PushSender {
  private keys: Promise<VapidKeys> | null = null;

  constructor(private db: Database, private config: Pick<Config, 'mailFrom' | 'baseUrl'>) {}

  /** Delivers to each subscription not reached yet; throws PartialDelivery listing those reached when some fail. */
  async send(tenantId: string, payload: PushPayload): Promise<'push'> {
    this.keys ??= loadVapidKeys(this.db);
    const keys = await this.keys;
    const done = new Set(payload.done ?? []);
    const body = JSON.stringify({ title: payload.title, body: payload.body, url: payload.url ?? null });
    const errors: string[] = [];
    for (const s of await subscriptionsOf(this.db, tenantId, payload.audience)) {
      if (done.has(s.endpoint)) continue;
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, body, {
          TTL: 24 * 3600,
          vapidDetails: { subject: subjectOf(this.config), publicKey: keys.publicKey, privateKey: keys.privateKey },
          timeout: 15_000,
        });
        done.add(s.endpoint);
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) await forgetEndpoint(this.db, s.endpoint);
        else errors.push(`${new URL(s.endpoint).host}: ${status ?? ''} ${(err as Error).message}`.trim());
      }
    }
    if (errors.length) throw new PartialDelivery(errors.join('; '), [...done]);
    return 'push';
  }
}
