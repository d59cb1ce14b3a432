// Regain service worker: the site keeps working offline after the first visit.
// sw-manifest.js (written by the build, postbuild/offline.py) sets self.REGAIN_BUILD =
// {version, precache: [...], engine: [...]}; a new build changes it, so the browser installs the
// new worker, which replaces the old cache.
/* global self, caches */

importScripts("sw-manifest.js");

// Under `mkdocs serve` (live reload) the build is null: no offline cache, and any worker a real
// build left behind removes itself.
const BUILD = self.REGAIN_BUILD || { version: "", precache: [], engine: [] };
// The engine snapshot lives in its own cache (SNAPSHOT_CACHE, engine/constants.toml), which this
// never touches.
const PREFIX = "regain-site-";
const CACHE = `${PREFIX}${BUILD.version}`;
const SCOPE = new URL("./", self.location).href;
const ENGINE = new Set(BUILD.engine.map((path) => new URL(path, SCOPE).href));

if (!self.REGAIN_BUILD) {
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => event.waitUntil(self.registration.unregister()));
} else {
  self.addEventListener("install", install);
  self.addEventListener("activate", activate);
  self.addEventListener("message", message);
  self.addEventListener("fetch", respond);
}

function install(event) {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Fresh copies, not the HTTP cache: a build must not precache the previous build's files.
      await cache.addAll(BUILD.precache.map((path) => new Request(new URL(path, SCOPE), { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
}

function activate(event) {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
}

// A calculator page asks for the engine to be kept once it has loaded it (so the engine is never
// downloaded by a reader who only reads the guide).
function message(event) {
  if (event.data && event.data.type === "cache-engine") {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) =>
          Promise.all(
            [...ENGINE].map(async (url) => {
              if (!(await cache.match(url))) await cache.add(url);
            }),
          ),
        )
        // Tell the page once every engine file is completely stored (tests wait for this state).
        .then(() => event.source && event.source.postMessage({ type: "engine-cached" })),
    );
  }
}

function isPage(request) {
  return request.mode === "navigate" || (request.headers.get("accept") || "").includes("text/html");
}

async function pageFirstFromCache(event) {
  // Pages: answer from the cache at once and refresh the cached copy in the background.
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, { ignoreSearch: true });
  const network = fetch(event.request)
    .then((response) => {
      if (response.ok) cache.put(event.request, response.clone());
      return response;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(network);
    return cached;
  }
  return (await network) || (await cache.match(new URL("404.html", SCOPE).href)) || Response.error();
}

async function assetFirstFromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && ENGINE.has(request.url)) cache.put(request, response.clone());
  return response;
}

function respond(event) {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (request.url.endsWith("/sw.js") || request.url.endsWith("/sw-manifest.js")) return;
  event.respondWith(isPage(request) ? pageFirstFromCache(event) : assetFirstFromCache(request));
}
