// End-to-end: the offline file (`cargo xtask offline`, built by the bundle layer) opened from
// `file://` in a folder of its own, as a trainer's USB stick has it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser, value } from "./support.js";

const dist = resolve(fileURLToPath(new URL("../../dist/", import.meta.url)));
let browser;
let file;
const folders = [];

before(async () => {
  const name = (await readdir(dist)).find((f) => f.endsWith("-offline.html"));
  assert.ok(name, "dist/ has the offline file: run the bundle layer first");
  file = join(dist, name);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A copy of the offline file in a new temporary folder; its file:// address. */
async function copyInNewFolder() {
  const folder = await mkdtemp(join(tmpdir(), "ai-footprint-offline-"));
  folders.push(folder);
  const target = join(folder, "ai-footprint.html");
  await copyFile(file, target);
  return pathToFileURL(target).href;
}

/** Opens a file:// page, recording every request and error. */
async function open(context, url) {
  const page = await context.newPage();
  const record = { requests: [], errors: [], blocked: [] };
  page.on("request", (r) => record.requests.push(r.url()));
  page.on("pageerror", (e) => record.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") record.blocked.push(m.text());
  });
  await page.goto(url);
  await page.getByTestId("results").waitFor();
  return { page, record };
}

test("the offline file opens from a folder, computes, and makes no request", async () => {
  const url = await copyInNewFolder();
  const context = await browser.newContext();
  const { page, record } = await open(context, url);
  assert.ok((await value(page, "carbon-per-year")) > 0, "a computed figure");
  await page.getByTestId("requests-per-day-input").fill("5000");
  const busier = await value(page, "carbon-per-year");
  await page.getByTestId("requests-per-day-input").fill("10000");
  assert.ok(Math.abs((await value(page, "carbon-per-year")) / busier - 2) < 1e-6, "it recomputes");
  // The work is in this browser, not in the file: said, with a file to keep.
  await page.waitForTimeout(700);
  assert.match(await page.getByTestId("save-status").innerText(), /this browser only/);
  assert.match(await page.getByTestId("save-status-export").innerText(), /Save to a file/);
  // A share link from a file says where it opens, and carries the file's own address.
  await page.getByTestId("share-link").click();
  await page.getByTestId("notice").waitFor();
  assert.match(await page.getByTestId("notice").innerText(), /opened from a file/);
  // Only the file itself: no fetch of any kind, not even of its own parts.
  assert.deepEqual(record.requests, [url]);
  assert.deepEqual(record.errors, []);
  // Nothing refused by the page's own policy (the inline style and script match its hashes).
  assert.deepEqual(record.blocked, []);
  await context.close();
});

test("the offline file's policy blocks a script it does not know", async () => {
  const url = await copyInNewFolder();
  const context = await browser.newContext();
  const { page } = await open(context, url);
  await page.addScriptTag({ content: "window.injected = true;" }).catch(() => {});
  assert.equal(await page.evaluate(() => window.injected), undefined);
  const csp = await page.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content");
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /connect-src/, "no connection allowed (default-src 'none')");
  await context.close();
});

test("the offline file exports a portfolio and imports it back", async () => {
  const url = await copyInNewFolder();
  const context = await browser.newContext();
  const { page } = await open(context, url);
  await page.locator("#portfolio-name").fill("Workshop group A");
  const downloaded = page.waitForEvent("download");
  await page.getByTestId("export-json").click();
  const path = await (await downloaded).path();
  const exported = JSON.parse(await readFile(path, "utf8"));
  assert.equal(exported.name, "Workshop group A");
  await page.getByTestId("new-portfolio").click();
  await page.getByTestId("import-json").setInputFiles(path);
  // The library has it (same id): the app asks rather than making a second copy.
  await page.getByTestId("arrival").waitFor();
  await page.getByTestId("arrival-keep-both").click();
  const names = await page.locator("#portfolio-choice option").allInnerTexts();
  assert.equal(names.filter((n) => n === "Workshop group A").length, 2);
  await context.close();
});

test("two copies in two folders do not overwrite each other's work", async () => {
  // Chromium gives every local file one storage: the two copies share one library, and each
  // keeps what the other saved.
  const [first, second] = [await copyInNewFolder(), await copyInNewFolder()];
  const context = await browser.newContext();
  const one = await open(context, first);
  await one.page.locator("#portfolio-name").fill("Made in the first copy");
  await one.page.waitForTimeout(700);
  const two = await open(context, second);
  await two.page.getByTestId("new-portfolio").click();
  await two.page.locator("#portfolio-name").fill("Made in the second copy");
  await two.page.waitForTimeout(700);
  await one.page.close({ runBeforeUnload: true });
  await two.page.close({ runBeforeUnload: true });
  const again = await open(context, first);
  const names = await again.page.locator("#portfolio-choice option").allInnerTexts();
  assert.ok(names.includes("Made in the first copy"), names.join(", "));
  assert.ok(names.includes("Made in the second copy"), names.join(", "));
  await context.close();
});
