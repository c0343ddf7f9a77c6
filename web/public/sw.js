// Yakuba's service worker: Web Push notifications and offline copies of pages and opted-in data.
// Plain JavaScript served as /sw.js (scope "/"), outside the Vite bundle so its URL never changes.
//
// What is cached, and why only that:
// - /assets/* (hashed, immutable): cache first.
// - Page navigations: network first; offline, the last copy of the app shell (every page path serves
//   the same index.html, and the client router renders the page).
// - API GETs: network first, but a response is kept only when the server marks it with
//   `X-Offline: allow` (public data such as a garbage calendar). Personal data is never marked, so it
//   never lands in the cache.
/* global Headers, Response */
const VERSION = 'yakuba-v1';
const SHELL = '/__shell';

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== VERSION) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(req));
  } else if (req.mode === 'navigate') {
    event.respondWith(networkFirstPage(req));
  } else if (/^(\/t\/[^/]+)?\/api\//.test(url.pathname)) {
    event.respondWith(networkFirstData(req));
  }
});

async function cacheFirst(req) {
  const cache = await caches.open(VERSION);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function networkFirstPage(req) {
  const cache = await caches.open(VERSION);
  try {
    const res = await fetch(req);
    if (res.ok && (res.headers.get('content-type') || '').startsWith('text/html')) await cache.put(SHELL, res.clone());
    return res;
  } catch (err) {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    throw err;
  }
}

async function networkFirstData(req) {
  const cache = await caches.open(VERSION);
  try {
    const res = await fetch(req);
    if (res.ok && res.headers.get('x-offline') === 'allow') await cache.put(req, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(req);
    if (hit) {
      // Lets the page say "shown from this phone's copy" instead of pretending the data is live.
      const headers = new Headers(hit.headers);
      headers.set('x-offline-copy', '1');
      return new Response(await hit.blob(), { status: hit.status, headers });
    }
    throw err;
  }
}

self.addEventListener('push', (event) => {
  let data;
  try { data = event.data ? event.data.json() : {}; } catch { data = { title: event.data ? event.data.text() : '' }; }
  const title = data.title || 'Yakuba';
  event.waitUntil(self.registration.showNotification(title, { body: data.body || '', data: { url: data.url || '/' }, lang: 'ja' }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const same = open.find((c) => c.url === target.href);
    if (same) return same.focus();
    return self.clients.openWindow(target.href);
  })());
});
