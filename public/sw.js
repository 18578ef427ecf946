/*
 * The verify page's service worker (scope "/"): after one visit to /verify, the page shell, its scripts and styles
 * and the trust registry are kept, so that the signature check runs offline (the status then cannot be checked:
 * the page says status_unknown, never valid). Online, everything comes from the network as usual; only these few
 * things are cached. A verdict URL (/v/… or /V/…) opened offline goes to /verify#v=…, which checks it on the device.
 */
const CACHE = "vanbang-verify-v1";
const SHELL = "/verify";
const REGISTRY = "/trust-registry.json";

async function cacheShell() {
  const cache = await caches.open(CACHE);
  // Anonymous: a signed-in visitor's name must not end up in the offline page.
  const response = await fetch(SHELL, { credentials: "omit", cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${SHELL}: ${response.status}`);
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  const assets = new Set();
  for (const match of html.matchAll(/(?:href|src)="(\/build\/[^"]+)"|"(\/build\/[^"]+\.(?:js|css))"/g)) assets.add(match[1] || match[2]);
  await Promise.all(
    [...assets].map((url) =>
      cache.match(url).then((hit) => hit || fetch(url).then((r) => (r.ok ? cache.put(url, r) : undefined))).catch(() => undefined),
    ),
  );
  await fetch(REGISTRY, { credentials: "omit", cache: "no-store" })
    .then((r) => (r.ok ? cache.put(REGISTRY, r) : undefined))
    .catch(() => undefined);
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("vanbang-verify-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "refresh-shell") event.waitUntil(cacheShell().catch(() => undefined));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith("/build/")) {
    // Fingerprinted, immutable: from the cache when there, kept when fetched.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(url.pathname).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              if (response.ok) void cache.put(url.pathname, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }

  if (url.pathname === REGISTRY) {
    // Network first (keys may change), the kept copy offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(REGISTRY, copy));
          }
          return response;
        })
        .catch(() => caches.match(REGISTRY).then((hit) => hit || Response.error())),
    );
    return;
  }

  if (request.mode === "navigate") {
    const verdict = /^\/v\/([A-Za-z2-7]+)$/i.exec(url.pathname);
    if (url.pathname !== SHELL && !verdict) return;
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(SHELL).then((hit) => {
          if (!hit) return Response.error();
          return verdict ? Response.redirect(`${SHELL}#v=${verdict[1].toUpperCase()}`, 302) : hit;
        }),
      ),
    );
  }
});
