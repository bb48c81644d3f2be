// The cache of this build, named by the scope as well: caches are shared by the whole origin,
// and two deployments of the app under one origin must not delete each other's.
const NAME = `${CACHE}@${self.registration.scope}`;

// Install: every file fetched afresh (not from the HTTP cache, which could hold the previous
// build's unhashed files) and cached before this version counts as installed.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(NAME).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

// Active only once no tab uses the previous version (or the user chose to update): the
// previous version's cache for this scope is no longer needed.
self.addEventListener("activate", (event) => {
  const scope = `@${self.registration.scope}`;
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.endsWith(scope) && k !== NAME).map((k) => caches.delete(k))),
    ),
  );
});

// The page asks for the update when the user clicks it; never by itself.
self.addEventListener("message", (event) => {
  if (event.data === "update") self.skipWaiting();
});

// This build's files from its cache. The app's own page (the scope's root or index.html, with
// any query) from the cache too; any other page of the origin from the network, and the app's
// page only when the network fails.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(NAME).then(async (cache) => {
      const cached = await cache.match(event.request);
      if (cached) return cached;
      if (event.request.mode !== "navigate") return fetch(event.request);
      const scope = new URL(self.registration.scope);
      const appPage = url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;
      const page = await cache.match(scope.href);
      if (appPage && page) return page;
      try {
        return await fetch(event.request);
      } catch (offline) {
        if (page) return page;
        throw offline;
      }
    }),
  );
});
