// Starts the app from a file rather than an inline script, so the page's Content-Security-Policy
// can forbid inline scripts. Trunk passes the hashed file names in this module's URL
// (see `pattern_script` in Trunk.toml).
const here = new URL(import.meta.url);
const js = new URL(here.searchParams.get("js"), here);
const wasm = new URL(here.searchParams.get("wasm"), here);
let started = false;
try {
  const { default: init } = await import(js.href);
  await init({ module_or_path: wasm.href });
  started = true;
} catch (error) {
  // The first view stays, saying why: an endless "loading" explains nothing.
  console.error(error);
  document.querySelector(".first-view-body")?.classList.add("failed");
  document.getElementById("first-view-failed")?.removeAttribute("hidden");
  document.getElementById("first-view-error")?.append(String(error?.message ?? error));
}

// The served release build works offline through its service worker (sw.js, generated from the
// build). A new version installs in the background and waits: the page is told it is ready and
// shows a notice; it takes over only when the user clicks it, never by itself. A debug build
// and a page opened from a file have no worker.
if (started && "serviceWorker" in navigator && location.protocol !== "file:") {
  const ready = () => {
    globalThis.aiFootprintUpdateReady = true;
    dispatchEvent(new Event("ai-footprint:update-ready"));
  };
  const watch = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) ready();
    });
  // Beside this script, wherever the app is served from.
  navigator.serviceWorker
    .register(new URL("sw.js", import.meta.url))
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) ready();
      // An update the browser started while this page loaded is already installing.
      watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
    })
    .catch(() => {});
  let updating = false;
  addEventListener("ai-footprint:update-now", () => {
    updating = true;
    navigator.serviceWorker.getRegistration().then((r) => {
      // Another tab took the update already: this one only needs to reload.
      if (r?.waiting) r.waiting.postMessage("update");
      else location.reload();
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updating) location.reload();
  });
}
