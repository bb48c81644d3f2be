// Shared fixtures for the end-to-end tests: a static server for dist/ on loopback, Debian's
// Chromium driven by playwright-core, and a record of every request the page makes.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

/** The release build, as `cargo xtask test bundle` leaves it. */
export const distDir = resolve(fileURLToPath(new URL("../../dist/", import.meta.url)));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/**
 * Serves dist/ (or a copy of it in `dir`) on 127.0.0.1 at a free port (or `port`, to serve
 * again at the same origin), with `max-age` caching when asked and gzip (zlib's default
 * level, as static hosts commonly serve it) when asked and accepted, on another address
 * (`host`) when asked; resolves to { origin, port, close }.
 */
export async function serveDist(dir = distDir, port = 0, { maxAge, gzip = false, host = "127.0.0.1" } = {}) {
  await stat(join(dir, "index.html")); // fails clearly when the release build is missing
  const gzipped = new Map(); // compressed once per file and content, as a host would store it
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const headers = { "content-type": types[extname(file)] ?? "application/octet-stream" };
      if (maxAge) headers["cache-control"] = `max-age=${maxAge}`;
      if (gzip && extname(file) in types && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        const key = `${file}\0${body.length}`;
        if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
        body = gzipped.get(key);
        headers["content-encoding"] = "gzip";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const bound = server.address().port;
  return {
    origin: `http://${host}:${bound}`,
    port: bound,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

/** Debian's Chromium, headless, with the flags this machine needs (see STYLE.md). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * Opens the app in a fresh context (its own, empty local storage) and records what would
 * betray a broken page or a leak: console errors, uncaught exceptions and every request. With
 * `saved`, the app opens on that portfolio, as a returning visitor's.
 */
export async function openApp(browser, origin, hash = "", contextOptions = {}, saved = null) {
  const context = await browser.newContext(contextOptions);
  if (saved) await seedPortfolio(context, saved);
  const page = await context.newPage();
  const record = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on("request", (r) => record.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") record.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => record.pageErrors.push(String(e)));
  await page.goto(`${origin}/${hash}`);
  await page.getByTestId("results").waitFor();
  return { context, page, record };
}

/** Requests whose origin is not the app's own. data: and blob: URLs never leave the page. */
export function foreignRequests(record, origin) {
  return record.requests.filter(
    (url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin,
  );
}

/** The central value a result element carries in its data-value attribute. */
export async function value(page, testId) {
  return Number(await page.getByTestId(testId).first().getAttribute("data-value"));
}

/** Waits until the app has autosaved (it saves 400 ms after the last change). */
export async function waitForSave(page) {
  await page.waitForTimeout(700);
}

/** A portfolio file of `n` use cases cycling through the app's starter kinds. */
// Written in file format 1 and saved-state version 1, as a returning visitor from before ids
// has it: every test that seeds a portfolio also opens that older format.
export function portfolioOf(n, name = `Bench ${n}`) {
  const kinds = [
    { llm: { task: "chat", model: { reference: { size: "70B" } }, output_tokens: 208.45, input_tokens: 126.89 } },
    { task: { task: "tabular" } },
    { llm: { task: "rag", model: { reference: { size: "8B" } }, output_tokens: 363, input_tokens: 5333 } },
    { task: { task: "image_generation" } },
  ];
  const use_cases = Array.from({ length: n }, (_, i) => ({
    name: `Use case ${i + 1}`,
    workload: kinds[i % kinds.length],
    volume: { per_day: { per_day: 1000 + i, days_per_year: 365 } },
    site: { location: "US" },
  }));
  return { schema_version: 1, name, use_cases };
}

/**
 * Seeds the browser's saved state before the app first loads, as a returning visitor from
 * before per-portfolio entries has it (one document, saved-state version 1): every test that
 * seeds a portfolio also opens that older format. Later loads (a reload) find it migrated.
 */
export async function seedPortfolio(context, portfolio) {
  const state = { version: 1, current: 0, portfolios: [JSON.stringify(portfolio)], prefs: {} };
  await context.addInitScript((text) => {
    if (sessionStorage.getItem("e2e.seeded") || Object.keys(localStorage).some((k) => k.startsWith("ai-footprint."))) return;
    sessionStorage.setItem("e2e.seeded", "1");
    localStorage.setItem("ai-footprint.state", text);
  }, JSON.stringify(state));
}

/**
 * Serves dist/ and launches Chromium once for a test file; returns an object whose `server`
 * and `browser` are set before the first test runs.
 */
export function useApp() {
  const app = {};
  before(async () => {
    app.server = await serveDist();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
