// Benchmark (not a test): a first visit on a slow line. The release build served gzip-compressed,
// in Chromium throttled to DevTools' "Slow 4G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s
// up), with an empty cache: prints the first download's size and the time from navigation to
// the static first view (first contentful paint) and to the first footprint number. Targets:
// first view ≤ 1.5 s, first number ≤ 3.0 s. Medians of three visits.
// Run by `cargo xtask test bench` after the release build.
import { launchBrowser, serveDist } from "./support.js";

const VISITS = 3;
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
};

const server = await serveDist(undefined, 0, { gzip: true });
const browser = await launchBrowser();
const visits = [];
try {
  for (let i = 0; i < VISITS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    // Bytes on the wire per request, as the browser counts them (headers included).
    const encoded = new Map();
    cdp.on("Network.loadingFinished", (e) => encoded.set(e.requestId, e.encodedDataLength));
    // The moment the first figure is in the document, on the page's own clock.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("[data-testid='carbon-per-year'][data-value]")) {
          globalThis.firstNumberMs = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(`${server.origin}/`, { waitUntil: "commit" });
    await page.waitForFunction(() => globalThis.firstNumberMs !== undefined, null, { timeout: 60_000 });
    // The paint entry is reported once its frame is presented.
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
    const timing = await page.evaluate(() => ({
      firstNumberMs: globalThis.firstNumberMs,
      firstPaintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    }));
    const bytes = [...encoded.values()].reduce((a, b) => a + b, 0);
    visits.push({ ...timing, kib: bytes / 1024 });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (key) => visits.map((v) => v[key]).sort((a, b) => a - b)[Math.floor(VISITS / 2)];
console.log(
  `bench first visit, Slow 4G, gzip: first download ${median("kib").toFixed(1)} KiB; ` +
    `static first view ${(median("firstPaintMs") / 1000).toFixed(2)} s (target 1.5 s); ` +
    `first number ${(median("firstNumberMs") / 1000).toFixed(2)} s (target 3.0 s); ` +
    `median of ${VISITS} visits`,
);
