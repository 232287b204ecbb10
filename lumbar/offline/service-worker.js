// Lumbar's service worker: sessions opened once play with no network.
//
// The server marks the pages worth keeping (the session player: X-Lumbar-Offline: keep); each is kept on this
// device when it loads, with the scripts, styles and translations it needs, and served from here when the
// network is gone. Other pages always come from the network, or the offline page when there is none. Nothing
// is sent anywhere but this site; writes (a session log, a symptom report) are queued by the page itself
// (outbox.js) and sent once, with an Idempotency-Key, when the network returns.
// The server fills in VERSION (changes with every static file) and SHELL (the files to keep at install).
const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const OFFLINE_PAGE = "__OFFLINE__";
const STATIC_CACHE = `lumbar-static-${VERSION}`;
const PAGE_CACHE = "lumbar-pages";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC_CACHE).then((cache) => cache.addAll([...SHELL, OFFLINE_PAGE])).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("lumbar-static-") && name !== STATIC_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function fromNetworkKeeping(request, keep) {
  const response = await fetch(request);
  if (response.ok && keep(response)) {
    const cache = await caches.open(request.mode === "navigate" ? PAGE_CACHE : STATIC_CACHE);
    await cache.put(request.url, response.clone());
  }
  return response;
}

async function page(request) {
  try {
    return await fromNetworkKeeping(request, (response) => response.headers.get("X-Lumbar-Offline") === "keep");
  } catch (error) {
    return (await caches.match(request.url, { ignoreVary: true })) || (await caches.match(OFFLINE_PAGE)) || Response.error();
  }
}

async function asset(request) {
  const kept = await caches.match(request.url, { ignoreVary: true });
  if (kept) return kept;
  return fromNetworkKeeping(request, () => true);
}

async function catalogue(request) {
  try {
    return await fromNetworkKeeping(request, () => true);
  } catch (error) {
    return (await caches.match(request.url, { ignoreVary: true })) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (url.pathname.startsWith("/static/") && !url.pathname.startsWith("/static/vendor/")) event.respondWith(asset(request));
  else if (url.pathname === "/jsi18n/") event.respondWith(catalogue(request));
});

// Web Push reminders (lumbar send-reminders): show the message; a tap opens Lumbar (or the open window).
self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = {};
  }
  event.waitUntil(self.registration.showNotification(message.title || "Lumbar", {
    body: message.body || "", icon: "/static/offline/icon-192.png", tag: "lumbar-reminder",
    data: { url: message.url || "/" },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data.url || "/", self.location.origin).href;
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({ type: "window" })) {
      if (client.url === url && "focus" in client) return client.focus();
    }
    return self.clients.openWindow(url);
  })());
});
