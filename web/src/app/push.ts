// Web Push and the service worker (web/public/sw.js) seen from the pages.
import { apiRequest } from './api.ts';

/** True where this browser can receive Web Push (service worker + Push API + notifications). */
export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window && 'Notification' in window;
}

/** Registers /sw.js once per page load (offline copies and push); harmless where unsupported. */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve(null);
  registration ??= navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => null);
  return registration;
}
let registration: Promise<ServiceWorkerRegistration | null> | undefined;

/** Why subscribing failed, for a message the person can act on. */
export type PushFailure = 'unsupported' | 'denied' | 'failed';

export class PushError extends Error {
  constructor(public reason: PushFailure) { super(reason); }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** This browser's push subscription, made on first use (asks the person for permission). */
async function browserSubscription(): Promise<PushSubscription> {
  if (!pushSupported()) throw new PushError('unsupported');
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') throw new PushError('denied');
  const reg = await registerServiceWorker();
  if (!reg) throw new PushError('unsupported');
  await navigator.serviceWorker.ready;
  const existing = await reg.pushManager.getSubscription();
  if (existing) return existing;
  const { publicKey } = await apiRequest<{ publicKey: string }>(null, 'GET', '/push/vapid-key');
  try {
    return await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  } catch {
    throw new PushError('failed');
  }
}

/**
 * Subscribes this browser to the tenant's push audiences: topics (`topic:name`), or the signed-in
 * person's own notifications when `topics` is empty.
 */
export async function subscribePush(slug: string, topics: string[] = []): Promise<void> {
  const sub = (await browserSubscription()).toJSON();
  const subscription = { endpoint: sub.endpoint!, keys: { p256dh: sub.keys!.p256dh!, auth: sub.keys!.auth! } };
  if (topics.length === 0) await apiRequest(slug, 'POST', '/push/subscriptions', { subscription });
  for (const audience of topics) await apiRequest(slug, 'POST', '/push/subscriptions', { audience, subscription });
}

/** Removes this browser from some topics of the tenant (all of its audiences when `topics` is empty). */
export async function unsubscribePush(slug: string, topics: string[] = []): Promise<void> {
  const reg = pushSupported() ? await registerServiceWorker() : null;
  const sub = await reg?.pushManager.getSubscription();
  if (!sub) return;
  if (topics.length === 0) await apiRequest(slug, 'DELETE', '/push/subscriptions', { endpoint: sub.endpoint });
  for (const audience of topics) await apiRequest(slug, 'DELETE', '/push/subscriptions', { endpoint: sub.endpoint, audience });
}
