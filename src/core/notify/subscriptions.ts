import type { Actor, Platform } from '../platform.ts';
import { AppError, invalid } from '../http/errors.ts';
import { deleteSubscription, upsertSubscription, type PushSubscriptionInput } from './push-repo.ts';

const TOPIC = /^(topic:)?([A-Za-z0-9_.-]{1,100})$/;

/** The audience a subscription joins: a named topic, or else the signed-in person's own. */
function audienceFor(actor: Actor, requested: string | undefined): string {
  if (requested) {
    const m = TOPIC.exec(requested);
    if (!m) throw invalid('audience', 'topic:<name>');
    return `topic:${m[2]}`;
  }
  if ((actor.kind === 'citizen' || actor.kind === 'staff') && actor.id) return `${actor.kind}:${actor.id}`;
  throw new AppError(400, 'invalid', 'error.field_required', { field: 'audience' }, 'audience');
}

/** Checks the endpoint: https only in production, since the server will POST to it. */
function checkEndpoint(platform: Platform, endpoint: string): void {
  let url: URL;
  try { url = new URL(endpoint); } catch { throw invalid('subscription.endpoint', 'URL'); }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && platform.config.env !== 'production');
  if (!ok) throw invalid('subscription.endpoint', 'https');
}

/** Subscribes a browser to a topic or to the signed-in person's notifications. */
export async function subscribe(platform: Platform, actor: Actor, tenantId: string, input: { audience?: string; subscription: PushSubscriptionInput }): Promise<{ id: string; audience: string }> {
  const audience = audienceFor(actor, input.audience);
  checkEndpoint(platform, input.subscription.endpoint);
  const id = await platform.inTenant(tenantId, (tx) => upsertSubscription(tx, tenantId, audience, input.subscription));
  return { id, audience };
}

/** Unsubscribes a browser (knowing the endpoint is the proof: the browser alone has it). */
export async function unsubscribe(platform: Platform, tenantId: string, input: { endpoint: string; audience?: string }): Promise<number> {
  const audience = input.audience ? `topic:${TOPIC.exec(input.audience)?.[2] ?? input.audience}` : undefined;
  return platform.inTenant(tenantId, (tx) => deleteSubscription(tx, input.endpoint, audience));
}
