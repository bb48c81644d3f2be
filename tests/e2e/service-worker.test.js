// End-to-end: the installable app. The served release build caches itself through its service
// worker, so it reloads with the server gone; a new version waits until the user takes it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { distDir, launchBrowser, portfolioOf, serveDist, value, waitForSave } from "./support.js";

const folders = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/**
 * A copy of the release build that a test may change, served at a free port with the
 * ten-minute HTTP caching static hosts send: a new version must not be installed from it.
 */
async function servedCopy() {
  const folder = await mkdtemp(join(tmpdir(), "ai-footprint-served-"));
  folders.push(folder);
  await cp(distDir, folder, { recursive: true });
  return { folder, server: await serveDist(folder, 0, { maxAge: 600 }) };
}

/** Opens the app and waits until its service worker controls the page. */
async function openControlled(context, origin) {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByTestId("results").waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit installs the worker; from the next load on, it serves the page.
  await page.reload();
  await page.getByTestId("results").waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
  return page;
}

test("with the server stopped, a reload works, a share link opens and the saved work is there", async () => {
  const { server } = await servedCopy();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await openControlled(context, server.origin);
    await page.locator("#portfolio-name").fill("Saved before the network went");
    await waitForSave(page);
    await server.close();
    await page.reload();
    await page.getByTestId("results").waitFor();
    assert.equal(await page.locator("#portfolio-name").inputValue(), "Saved before the network went");
    assert.ok((await value(page, "carbon-per-year")) > 0);
    const link = `#p=${deflateRawSync(Buffer.from(JSON.stringify(portfolioOf(3, "Shared offline")))).toString("base64url")}`;
    await page.goto("about:blank");
    await page.goto(`${server.origin}/${link}`);
    await page.getByTestId("results").waitFor();
    await page.getByTestId("notice").waitFor();
    assert.match(await page.getByTestId("notice").innerText(), /Shared offline/);
    await context.close();
  } finally {
    await browser.close();
  }
});

test("a new version says it is ready and never reloads by itself", async () => {
  const { folder, server } = await servedCopy();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await openControlled(context, server.origin);
    const before = await page.evaluate(async () => (await caches.keys()).join(","));
    assert.match(before, /^ai-footprint-[0-9a-f]+@http/, "one cache, named by content and scope");
    const errors = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    // A new build: its page changed (the browser's HTTP cache still holds the old one) and the
    // worker regenerated with it.
    const sw = await readFile(join(folder, "sw.js"), "utf8");
    const index = await readFile(join(folder, "index.html"), "utf8");
    await writeFile(join(folder, "index.html"), index.replace("<head>", '<head>\n<meta name="build" content="v2" />'));
    await writeFile(join(folder, "sw.js"), sw.replace(/const CACHE = "ai-footprint-[0-9a-f]+"/, 'const CACHE = "ai-footprint-v2test"'));
    await page.evaluate(() => { window.stillThisPage = true; });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByTestId("update-ready").waitFor();
    // Waiting: the page stays as it is, on the old version, for as long as the user lets it.
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.stillThisPage), true, "no reload by itself");
    assert.equal(await page.evaluate(async (old) => (await caches.keys()).includes(old), before), true);
    await Promise.all([page.waitForEvent("load"), page.getByTestId("update-now").click()]);
    await page.getByTestId("results").waitFor();
    assert.equal(await page.evaluate(() => window.stillThisPage), undefined, "reloaded when asked");
    assert.equal(await page.locator("meta[name='build']").getAttribute("content"), "v2", "the new version");
    const after = await page.evaluate(async () => (await caches.keys()).map((k) => k.split("@")[0]).join(","));
    assert.equal(after, "ai-footprint-v2test", "the old cache is gone once the new version took over");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
