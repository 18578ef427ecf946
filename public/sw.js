/*
 * The verify page's service worker (scope "/"): after one visit to /verify, the page shell, every script and style
 * it needs — including the chunks it loads lazily for camera and photo scanning (jsQR) — and the trust registry
 * are kept, so that scanning and the signature check run offline (the status then cannot be checked: the page
 * says status_unknown, never valid). Online, everything comes from the network as usual; only these few things
 * are cached. A verdict URL (/v/… or /V/…) opened offline goes to /verify#v=…, which checks it on the device.
 *
 * Which assets: Remix fingerprints them, so they are never named here. The shell's HTML names the build manifest
 * (/build/manifest-….js, window.__remixManifest); from it come the entry and the modules and imports of the
 * routes below; lazily loaded chunks are not in the manifest, so each kept module is read for its dynamic
 * import("/build/…") specifiers, which are kept too.
 */
const CACHE = "vanbang-verify-v2";
const SHELL = "/verify";
const REGISTRY = "/trust-registry.json";
/** The routes whose code the verify page needs offline (the verdict route too, for client-side navigation). */
const ROUTES = ["root", "routes/verify", "routes/v.$payload"];
const MAX_ASSETS = 200;

/** The /build/ URLs the manifest names for ROUTES and the entry; [] when it cannot be read. */
function manifestAssets(source) {
  const start = source.indexOf("{");
  const end = source.lastIndexOf("}");
  if (start < 0 || end < start) return [];
  let manifest;
  try {
    manifest = JSON.parse(source.slice(start, end + 1));
  } catch {
    return [];
  }
  const urls = [];
  const add = (entry) => {
    if (!entry) return;
    for (const url of [entry.module, ...(entry.imports || []), ...(entry.css || [])])
      if (typeof url === "string") urls.push(url);
  };
  add(manifest.entry);
  for (const id of ROUTES) add(manifest.routes && manifest.routes[id]);
  return urls;
}

/** The chunks a module loads lazily: esbuild writes them as import("/build/…"). */
function dynamicImports(source) {
  return [...source.matchAll(/import\(\s*["'](\/build\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1]);
}

async function keep(cache, url) {
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  await cache.put(url, response.clone());
  return response;
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  // Anonymous: a signed-in visitor's name must not end up in the offline page.
  const response = await fetch(SHELL, { credentials: "omit", cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${SHELL}: ${response.status}`);
  const html = await response.clone().text();
  const queue = [];
  for (const match of html.matchAll(/(?:href|src)="(\/build\/[^"]+)"|"(\/build\/[^"]+\.(?:js|css))"/g))
    queue.push(match[1] || match[2]);
  const kept = new Set();
  while (queue.length > 0 && kept.size < MAX_ASSETS) {
    const url = queue.shift();
    if (kept.has(url)) continue;
    kept.add(url);
    const asset = await keep(cache, url);
    if (!url.endsWith(".js")) continue;
    const source = await asset.clone().text();
    if (/\/build\/manifest-[^/]*\.js$/.test(url)) queue.push(...manifestAssets(source));
    queue.push(...dynamicImports(source));
  }
  // The shell last: it is only kept once everything it needs is.
  await cache.put(SHELL, response);
  await fetch(REGISTRY, { credentials: "omit", cache: "no-store" })
    .then((r) => (r.ok ? cache.put(REGISTRY, r) : undefined))
    .catch(() => undefined);
  // Assets of earlier builds (and of other pages, kept as they were fetched) go.
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/build/") && !kept.has(path)) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("vanbang-verify-") && k !== CACHE).map((k) => caches.delete(k))),
      )
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
