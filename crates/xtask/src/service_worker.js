// Install: every file cached before this version counts as installed.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

// Active only once no tab uses the previous version (or the user chose to update): the
// previous version's cache is no longer needed.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith("ai-footprint-") && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

// The page asks for the update when the user clicks it; never by itself.
self.addEventListener("message", (event) => {
  if (event.data === "update") self.skipWaiting();
});

// This origin's files from the cache; a page address not cached (with a query, say) gets the
// app's page; anything else goes to the network as usual.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(event.request);
      if (cached) return cached;
      if (event.request.mode === "navigate") {
        const page = await cache.match("./");
        if (page) return page;
      }
      return fetch(event.request);
    }),
  );
});
