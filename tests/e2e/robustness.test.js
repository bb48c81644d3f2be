// End-to-end: nothing lost and nothing crashes. Two tabs on one origin, portfolios and links
// past the limits, a decompression bomb, a reload with an invalid value saved, a full store.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { launchBrowser, openApp, portfolioOf, useApp, value, waitForSave } from "./support.js";

const app = useApp();

const LIMIT = 1000; // engine::limits::MAX_USE_CASES

/** A second tab of the same browser profile (the same local storage). */
async function secondTab(context) {
  const page = await context.newPage();
  await page.goto(`${app.server.origin}/`);
  await page.getByTestId("results").waitFor();
  return page;
}

/** The names in the portfolio chooser. */
async function library(page) {
  return page.locator("#portfolio-choice option").allInnerTexts();
}

async function rename(page, name) {
  await page.locator("#portfolio-name").fill(name);
  await page.locator("#portfolio-name").blur();
}

async function newPortfolio(page, name) {
  await page.getByTestId("new-portfolio").click();
  await rename(page, name);
}

/** Opens a fresh tab and reads the library as stored. */
async function stored(context) {
  const page = await secondTab(context);
  const names = await library(page);
  await page.close();
  return names;
}

/** A share link's fragment for any JSON text, compressed as the app compresses it. */
function fragmentOf(text) {
  return `#p=${deflateRawSync(Buffer.from(text)).toString("base64url")}`;
}

for (const closeFirst of ["the tab that made it", "the idle tab"]) {
  test(`a portfolio made in one tab survives closing ${closeFirst} first`, async () => {
    const { context, page: one } = await openApp(app.browser, app.server.origin);
    await rename(one, "Kept");
    await waitForSave(one);
    const two = await secondTab(context);
    await newPortfolio(one, "Made in tab one");
    await waitForSave(one);
    // The idle tab follows: the new portfolio is in its chooser too.
    assert.deepEqual(await library(two), ["Kept", "Made in tab one"]);
    const [first, second] = closeFirst === "the idle tab" ? [two, one] : [one, two];
    await first.close({ runBeforeUnload: true });
    await second.close({ runBeforeUnload: true });
    await new Promise((ok) => setTimeout(ok, 200));
    assert.deepEqual(await stored(context), ["Kept", "Made in tab one"]);
    await context.close();
  });
}

test("two tabs editing different portfolios keep both edits, in any order of reloads", async () => {
  const { context, page: one } = await openApp(app.browser, app.server.origin);
  await rename(one, "First");
  await newPortfolio(one, "Second");
  await waitForSave(one);
  const two = await secondTab(context);
  await two.locator("#portfolio-choice").selectOption({ label: "First" });
  await rename(two, "First, edited in tab two");
  await rename(one, "Second, edited in tab one");
  await two.reload(); // within the save pause: saved as it is left
  await two.getByTestId("results").waitFor();
  await one.reload();
  await one.getByTestId("results").waitFor();
  assert.deepEqual(await stored(context), ["First, edited in tab two", "Second, edited in tab one"]);
  // A reload reopens the portfolio that tab had open.
  assert.equal(await one.locator("#portfolio-name").inputValue(), "Second, edited in tab one");
  assert.equal(await two.locator("#portfolio-name").inputValue(), "First, edited in tab two");
  await context.close();
});

test("two tabs changing the same portfolio at once keep both versions and say so", async () => {
  const { context, page: one } = await openApp(app.browser, app.server.origin);
  await rename(one, "Plan");
  await waitForSave(one);
  const two = await secondTab(context);
  // Both within one save pause: neither tab has seen the other's change.
  await rename(one, "Plan A");
  await rename(two, "Plan B");
  await waitForSave(one);
  await waitForSave(two);
  const notices = [
    await one.getByTestId("notice").innerText().catch(() => ""),
    await two.getByTestId("notice").innerText().catch(() => ""),
  ].join("\n");
  assert.match(notices, /Both versions are kept/);
  const names = await stored(context);
  assert.equal(names.length, 2, names.join(", "));
  assert.ok(names.includes("Plan A") || names.includes("Plan A (this tab)"), names.join(", "));
  assert.ok(names.includes("Plan B") || names.includes("Plan B (this tab)"), names.join(", "));
  await context.close();
});

test("a portfolio changed in another tab is shown there without a reload", async () => {
  const { context, page: one } = await openApp(app.browser, app.server.origin);
  await rename(one, "Shared");
  await waitForSave(one);
  const two = await secondTab(context);
  await one.getByTestId("requests-per-day-input").fill("123456");
  await waitForSave(one);
  assert.equal(await value(two, "carbon-per-year"), await value(one, "carbon-per-year"));
  assert.match(await two.getByTestId("notice").innerText(), /changed in another tab/);
  await context.close();
});

test("a link and a file one use case past the limit are refused, and the page stays usable", async () => {
  const over = JSON.stringify(portfolioOf(LIMIT + 1, "Too big"));
  const start = Date.now();
  const { context, page } = await openApp(app.browser, app.server.origin, fragmentOf(over));
  await page.getByTestId("notice").waitFor();
  const linkMs = Date.now() - start;
  assert.match(await page.getByTestId("notice").innerText(), /more than 1000 use cases/);
  // The refused link stays in the address bar, to be copied.
  assert.match(page.url(), /#p=/);
  await page.getByTestId("import-json").setInputFiles({
    name: "too-big.json",
    mimeType: "application/json",
    buffer: Buffer.from(over),
  });
  await page.waitForFunction(() => document.querySelector("[data-testid='notice']")?.innerText.includes("not imported"));
  assert.match(await page.getByTestId("notice").innerText(), /more than 1000 use cases/);
  assert.equal(await page.getByTestId("use-case-row").count(), 1, "nothing changed");
  await page.getByTestId("preset-fraud_detection").click();
  assert.equal(await page.getByTestId("use-case-row").count(), 2, "the page is usable");
  console.log(`bench refusal: a link of ${LIMIT + 1} use cases (${over.length} B of JSON) refused and the page usable in ${linkMs} ms`);
  await context.close();
});

test("the largest allowed portfolio opens, drawn a page at a time, and can be searched", async () => {
  const at = JSON.stringify(portfolioOf(LIMIT, "At the limit"));
  const { context, page } = await openApp(app.browser, app.server.origin, fragmentOf(at));
  await page.getByTestId("page-range").waitFor();
  assert.equal(await page.getByTestId("use-case-row").count(), 50);
  assert.match(await page.getByTestId("page-range").innerText(), /1–50 of 1000/);
  await page.getByTestId("page-next").click();
  assert.match(await page.getByTestId("page-range").innerText(), /51–100 of 1000/);
  await page.getByTestId("use-case-search").fill("use case 999");
  assert.deepEqual(await page.locator(".row-name").allInnerTexts(), ["Use case 999"]);
  // Removing a row moves focus to the next row, not to the page.
  await page.getByTestId("use-case-search").fill("use case 99");
  await page.getByTestId("remove").first().click();
  const focused = await page.evaluate(() => document.activeElement?.closest("li")?.querySelector(".row-name")?.textContent);
  assert.equal(focused, "Use case 990");
  await context.close();
});

test("a decompression bomb link is refused with memory bounded by the limit", async () => {
  // A fresh browser: its renderer's peak memory is this page's alone.
  const browser = await launchBrowser();
  const cdp = await browser.newBrowserCDPSession();
  const peakKb = async () => {
    const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
    let peak = 0;
    for (const p of processInfo.filter((p) => p.type === "renderer")) {
      const status = await readFile(`/proc/${p.id}/status`, "utf8").catch(() => "");
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    }
    return peak;
  };
  try {
    const context = await browser.newContext();
    // Test-only: keep the wasm instance's memory where the test can read its size.
    await context.addInitScript(() => {
      const wrap = (f) => async (...args) => {
        const result = await f(...args);
        globalThis.__wasmMemory = (result.instance ?? result).exports?.memory;
        return result;
      };
      WebAssembly.instantiateStreaming = wrap(WebAssembly.instantiateStreaming);
      WebAssembly.instantiate = wrap(WebAssembly.instantiate);
    });
    const page = await context.newPage();
    await page.goto(`${app.server.origin}/`);
    await page.getByTestId("results").waitFor();
    const before = { peak: await peakKb(), wasm: await page.evaluate(() => globalThis.__wasmMemory?.buffer.byteLength ?? 0) };
    // 256 MiB of spaces inside a portfolio's name deflates to about 250 KB.
    const head = Buffer.from('{"schema_version":2,"id":"bomb0000","name":"');
    const zeros = Buffer.alloc(256 * 1024 * 1024, 0x20);
    const bomb = `#p=${deflateRawSync(Buffer.concat([head, zeros]), { level: 9 }).toString("base64url")}`;
    const start = Date.now();
    await page.evaluate((hash) => { location.hash = hash; location.reload(); }, bomb);
    await page.getByTestId("notice").waitFor({ timeout: 60_000 });
    const ms = Date.now() - start;
    assert.match(await page.getByTestId("notice").innerText(), /too large/);
    const after = { peak: await peakKb(), wasm: await page.evaluate(() => globalThis.__wasmMemory?.buffer.byteLength ?? 0) };
    const growthMb = (after.peak - before.peak) / 1024;
    console.log(`bench bomb: a ${bomb.length} B link (256 MiB inflated) refused in ${ms} ms; renderer peak memory ${Math.round(before.peak / 1024)} → ${Math.round(after.peak / 1024)} MB (+${growthMb.toFixed(0)} MB), wasm memory ${(before.wasm / 1048576).toFixed(1)} → ${(after.wasm / 1048576).toFixed(1)} MB`);
    // The cap is 4 MiB of JSON; the link text itself is held as a string by the page and the app.
    assert.ok(growthMb < 150, `renderer memory grew ${growthMb} MB`);
    assert.ok(after.wasm < 64 * 1048576, `wasm memory ${after.wasm} B`);
    await context.close();
  } finally {
    await browser.close();
  }
});

test("a reload with an invalid value saved shows the last good figures, and the value", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("requests-per-day-input").fill("5000");
  const good = await value(page, "carbon-per-year");
  await page.getByTestId("requests-per-day-input").fill("-3");
  await waitForSave(page);
  await page.reload();
  await page.getByTestId("results").waitFor();
  assert.equal(await value(page, "carbon-per-year"), good);
  assert.equal(await page.getByTestId("requests-per-day-input").inputValue(), "-3");
  await context.close();
});

test("a full store is said at once, with what the app uses, and nothing typed is lost", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await waitForSave(page);
  assert.equal(await page.getByTestId("save-status").getAttribute("data-state"), "saved");
  // Another page of the origin fills the storage to its quota.
  await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i += 1) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await page.getByTestId("preset-agentic_workflow").click();
  await waitForSave(page);
  assert.equal(await page.getByTestId("save-status").getAttribute("data-state"), "failed");
  assert.match(await page.getByTestId("notice").innerText(), /storage is full \(AI Footprint uses [\d.]+ (KB|MB)\)/);
  // The way to keep the work is offered where the problem is said.
  const download = page.waitForEvent("download");
  await page.getByTestId("save-status-export").click();
  assert.match((await download).suggestedFilename(), /\.json$/);
  // Room again: the next edit saves everything.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler.")).forEach((k) => localStorage.removeItem(k)));
  await page.getByTestId("requests-per-day-input").fill("777");
  await waitForSave(page);
  assert.equal(await page.getByTestId("save-status").getAttribute("data-state"), "saved");
  await page.reload();
  await page.getByTestId("results").waitFor();
  assert.equal(await page.getByTestId("use-case-row").count(), 2);
  await context.close();
});

test("damaged saved data is kept aside alone, listed, and can be restored", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await rename(page, "Healthy");
  await waitForSave(page);
  const damaged = '2 x.1 0\n{"schema_version":2,"id":"dmg00000","name":"Damaged","use_cases":[]}';
  await page.evaluate((text) => {
    localStorage.setItem("ai-footprint.portfolio.dmg00000", text.replace('"use_cases":[]', '"use_cases":[')); // truncated
    localStorage.setItem("ai-footprint.portfolio.dmg00001", text.replace("dmg00000", "dmg00001").replace("2 x.1", "2"));
  }, damaged);
  await page.reload();
  await page.getByTestId("results").waitFor();
  assert.match(await page.getByTestId("notice").innerText(), /2 saved items could not be read/);
  assert.deepEqual(await library(page), ["Healthy"], "the others open");
  assert.equal(await page.getByTestId("aside-item").count(), 2);
  // The copy whose portfolio still reads comes back.
  await page.getByTestId("aside-item").filter({ hasText: "dmg00001" }).getByTestId("aside-restore").click();
  assert.deepEqual(await library(page), ["Healthy", "Damaged"]);
  assert.equal(await page.getByTestId("aside-item").count(), 1);
  await context.close();
});
